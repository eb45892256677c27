import { describe, expect, it } from "vitest";
import { evaluatePlan, type TieredLineTrace } from "../../src/index.js";
import { minimalPlan } from "./helpers.js";

// Tiered commission: what each band pays and what its trace says. Amounts worked by hand
// from the band rules of docs/spec/INCENTIVES.md §3 (bands [from, to) of percent of target).
const bands = [
  { fromPct: 0, toPct: 50, ratePerUnitMinor: "50" },
  { fromPct: 50, toPct: 100, ratePerUnitMinor: "75", label: "on target" },
  { fromPct: 100, ratePerUnitMinor: "112.5", label: "accelerator 1.5x" },
];

function tieredPlan(mode: "graduated" | "retroactive", prorate = false): Record<string, unknown> {
  return minimalPlan({
    proration: { activeDaysMetric: "days" },
    metrics: { tickets: { type: "count" }, qa: { type: "percent" }, days: { type: "days" } },
    components: [{ id: "c", type: "tiered", mode, basis: "tickets", target: { value: 400, prorate }, bands }],
  });
}

function run(plan: Record<string, unknown>, tickets: number, days = 30) {
  const agent = evaluatePlan(plan, { agents: [{ id: "a", metrics: { tickets, qa: 0, days } }] }, { trace: true })
    .agents[0]!;
  const trace = agent.trace!.lines[0] as TieredLineTrace;
  return { cash: agent.cashMinor, trace };
}

describe("graduated tiers", () => {
  const plan = tieredPlan("graduated");

  it("pays each band's rate on the units inside it, stopping inside a closed band", () => {
    // 300 units of 400: 200 × 50 + 100 × 75 = 17 500; the open band from 400 is not reached.
    const { cash, trace } = run(plan, 300);
    expect(cash).toBe(17_500);
    expect(trace.bands).toEqual([
      {
        index: 0,
        fromPct: "0",
        toPct: "50",
        fromUnits: "0",
        toUnits: "200",
        units: "200",
        ratePerUnitMinor: "50",
        amount: "10000",
      },
      {
        index: 1,
        label: "on target",
        fromPct: "50",
        toPct: "100",
        fromUnits: "200",
        toUnits: "400",
        units: "100",
        ratePerUnitMinor: "75",
        amount: "7500",
      },
    ]);
  });

  it("a band without a label has no label key in its trace, not label: undefined", () => {
    // toEqual cannot tell the two apart; JSON consumers and exactOptionalPropertyTypes can.
    const { trace } = run(plan, 300);
    expect(Object.hasOwn(trace.bands[0]!, "label")).toBe(false);
    expect(trace.bands[1]!.label).toBe("on target");
  });

  it("units exactly at a band's start do not enter it", () => {
    // 200 units: the whole first band, nothing of the band from 200.
    const { cash, trace } = run(plan, 200);
    expect(cash).toBe(10_000);
    expect(trace.bands.map((b) => [b.index, b.units, b.amount])).toEqual([[0, "200", "10000"]]);
  });

  it("past the last closed band the open band pays, with null upper edges in its trace", () => {
    // 410 units: 10 000 + 15 000 + 10 × 112.5.
    const { cash, trace } = run(plan, 410);
    expect(cash).toBe(26_125);
    expect(trace.bands[2]).toEqual({
      index: 2,
      label: "accelerator 1.5x",
      fromPct: "100",
      toPct: null,
      fromUnits: "400",
      toUnits: null,
      units: "10",
      ratePerUnitMinor: "112.5",
      amount: "1125",
    });
  });

  it("no units pay nothing; the trace still shows the first band, empty", () => {
    const { cash, trace } = run(plan, 0);
    expect(cash).toBe(0);
    expect(trace.bands).toEqual([
      {
        index: 0,
        fromPct: "0",
        toPct: "50",
        fromUnits: "0",
        toUnits: "200",
        units: "0",
        ratePerUnitMinor: "50",
        amount: "0",
      },
    ]);
    // Without a trace the amount is the same.
    expect(
      evaluatePlan(plan, { agents: [{ id: "a", metrics: { tickets: 0, qa: 0, days: 30 } }] }).agents[0]!.cashMinor,
    ).toBe(0);
  });
});

describe("retroactive tiers", () => {
  it("the trace names the one band reached, paid on every unit", () => {
    const { cash, trace } = run(tieredPlan("retroactive"), 300);
    expect(cash).toBe(300 * 75);
    expect(trace.bands).toEqual([
      {
        index: 1,
        label: "on target",
        fromPct: "50",
        toPct: "100",
        fromUnits: "200",
        toUnits: "400",
        units: "300",
        ratePerUnitMinor: "75",
        amount: "22500",
      },
    ]);
  });
});

describe("tiered targets in a partial period", () => {
  it("a target without prorate stays whole for an agent active 15 of 30 days", () => {
    // Target 400 unprorated: 300 units are 200 × 50 + 100 × 75 = 17 500.
    const whole = run(tieredPlan("graduated", false), 300, 15);
    expect(whole.cash).toBe(17_500);
    expect([whole.trace.target, whole.trace.proratedTarget]).toEqual(["400", "400"]);
  });

  it("a prorated target halves, moving the band edges", () => {
    // Target 200: 100 × 50 + 100 × 75 + 100 × 112.5 = 23 750.
    const half = run(tieredPlan("graduated", true), 300, 15);
    expect(half.cash).toBe(23_750);
    expect([half.trace.target, half.trace.proratedTarget]).toEqual(["400", "200"]);
    expect(half.trace.bands.map((b) => b.toUnits)).toEqual(["100", "200", null]);
  });
});
