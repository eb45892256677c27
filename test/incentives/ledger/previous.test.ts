/**
 * settlePayouts' previous settlement (`options.previous`): the JSON an earlier
 * call returned, handed back by the caller. One test per issue code with its
 * JSON pointer, and a property: a settlement corrupted anywhere never gives a
 * raw error (TypeError, RangeError), only the coded SettlementValidationError
 * or, where the corrupted field is not one this settlement reads, a result.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priorLineHolds, priorLineMeetsTable } from "../../../src/incentives/ledger/check-previous.js";
import { SettlementValidationError, settlePayouts } from "../../../src/index.js";
import type { Loose } from "../helpers.js";
import { agent, perTicketPlan } from "./fixtures.js";

const plan = perTicketPlan(
  { clawback: { policy: "carryForward" }, draw: { amountMinor: 100, recoverable: true, periods: 2 } },
  { pct: 10, releaseAfterPeriods: 1 },
);
const june: Loose = settlePayouts(plan, { period: "2025-06", agents: [agent("ava", 100), agent("ben", 1)] });
const july: Loose = settlePayouts(
  plan,
  { period: "2025-07", agents: [agent("ava", 3)], restatements: [{ period: "2025-06", agents: [agent("ava", 50)] }] },
  { previous: june },
);
/** August restates June and July: it reads every part of July's settlement. */
const august = {
  period: "2025-08",
  agents: [agent("ava", 7)],
  restatements: [
    { period: "2025-06", agents: [agent("ava", 60)] },
    { period: "2025-07", agents: [agent("ava", 2)] },
  ],
};

/** July's settlement as JSON with `edit` applied to a copy. */
function edited(edit: (s: Loose) => void): Loose {
  const copy = JSON.parse(JSON.stringify(july));
  edit(copy);
  return copy;
}

function issuesOf(previous: Loose, input: Loose = august): { path: string; code: string }[] {
  try {
    settlePayouts(plan, input, { previous });
  } catch (error) {
    expect(error).toBeInstanceOf(SettlementValidationError);
    return (error as Loose).issues.map((i: Loose) => ({ path: i.path, code: i.code }));
  }
  throw new Error("did not throw");
}

describe("settlePayouts: the previous settlement is checked before it is used", () => {
  it("accepts its own output, as objects and as parsed JSON", () => {
    const a = settlePayouts(plan, august, { previous: july });
    const b = settlePayouts(plan, august, { previous: JSON.parse(JSON.stringify(july)) });
    expect(b).toEqual(a);
  });

  it("missing_key: a field the settlement needs is absent", () => {
    expect(issuesOf(edited((s) => delete s.currency))).toEqual([
      { path: "/options/previous/currency", code: "missing_key" },
    ]);
    expect(issuesOf(edited((s) => delete s.agents[0].carry))).toEqual([
      { path: "/options/previous/agents/0/carry", code: "missing_key" },
    ]);
    expect(issuesOf(edited((s) => delete s.agents[0].carry.toDate.heldMinor))).toEqual([
      { path: "/options/previous/agents/0/carry/toDate/heldMinor", code: "missing_key" },
    ]);
  });

  it("invalid_type: a string where minor units belong, a record that is not an object, a bad metric", () => {
    expect(issuesOf(edited((s) => (s.agents[0].carry.toDate.earnedMinor = "5000")))).toEqual([
      { path: "/options/previous/agents/0/carry/toDate/earnedMinor", code: "invalid_type" },
    ]);
    expect(issuesOf(edited((s) => (s.agents[1] = null)))).toEqual([
      { path: "/options/previous/agents/1", code: "invalid_type" },
    ]);
    expect(issuesOf(edited((s) => (s.agents[0].carry.held[0].amountMinor = 1.5)))).toEqual([
      { path: "/options/previous/agents/0/carry/held/0/amountMinor", code: "invalid_type" },
    ]);
    expect(issuesOf(edited((s) => (s.agents[0].carry.draw.recoverable = "yes")))).toEqual([
      { path: "/options/previous/agents/0/carry/draw/recoverable", code: "invalid_type" },
    ]);
    expect(issuesOf(edited((s) => (s.agents[0].carry.periods[0].metrics.tickets = "100")))).toEqual([
      { path: "/options/previous/agents/0/carry/periods/0/metrics/tickets", code: "invalid_type" },
    ]);
    expect(issuesOf(edited((s) => (s.agents[0].carry.periods[0].lines[0].amountMinor = null)))).toEqual([
      { path: "/options/previous/agents/0/carry/periods/0/lines/0/amountMinor", code: "invalid_type" },
    ]);
    expect(issuesOf(edited((s) => (s.periods[0].agentIds[1] = 7)))).toEqual([
      { path: "/options/previous/periods/0/agentIds/1", code: "invalid_type" },
    ]);
  });

  it("out_of_range: a negative count", () => {
    expect(issuesOf(edited((s) => (s.periods[1].segments[0].days = -30)))).toEqual([
      { path: "/options/previous/periods/1/segments/0/days", code: "out_of_range" },
    ]);
  });

  it("duplicate_id and duplicate_period: an agent or a period twice", () => {
    expect(issuesOf(edited((s) => (s.agents[1].id = "ava")))).toEqual([
      { path: "/options/previous/agents/1/id", code: "duplicate_id" },
    ]);
    expect(issuesOf(edited((s) => s.periods.push(s.periods[0])))).toEqual([
      { path: "/options/previous/periods/2/period", code: "duplicate_period" },
    ]);
    expect(issuesOf(edited((s) => s.agents[0].carry.periods.push(s.agents[0].carry.periods[0])))).toEqual([
      { path: "/options/previous/agents/0/carry/periods/2/period", code: "duplicate_period" },
    ]);
  });

  it("names each kind of problem at its own place (currency, segments, draw, prior periods, metrics)", () => {
    const cases: [string, (s: Loose) => void, { path: string; code: string }][] = [
      [
        "currency without code",
        (s) => delete s.currency.code,
        { path: "/options/previous/currency/code", code: "missing_key" },
      ],
      [
        "a number as an agent id",
        (s) => (s.agents[0].id = 7),
        { path: "/options/previous/agents/0/id", code: "invalid_type" },
      ],
      [
        "an empty segment",
        (s) => delete s.periods[0].segments[0].planVersion,
        { path: "/options/previous/periods/0/segments/0/planVersion", code: "missing_key" },
      ],
      [
        "a negative draw period count",
        (s) => (s.agents[0].carry.draw.periodsUsed = -1),
        { path: "/options/previous/agents/0/carry/draw/periodsUsed", code: "out_of_range" },
      ],
      [
        "a prior period that is not an object",
        (s) => (s.agents[0].carry.periods[1] = 5),
        { path: "/options/previous/agents/0/carry/periods/1", code: "invalid_type" },
      ],
      [
        "a prior period without a label",
        (s) => (s.agents[0].carry.periods[1].period = 7),
        { path: "/options/previous/agents/0/carry/periods/1/period", code: "invalid_type" },
      ],
      [
        "a restated prior period without metrics",
        (s) => delete s.agents[0].carry.periods[0].metrics,
        { path: "/options/previous/agents/0/carry/periods/0/metrics", code: "missing_key" },
      ],
      [
        "a restated prior period with a metric that is not finite",
        (s) => (s.agents[0].carry.periods[0].metrics.tickets = Number.POSITIVE_INFINITY),
        { path: "/options/previous/agents/0/carry/periods/0/metrics/tickets", code: "invalid_type" },
      ],
      [
        "a restated prior line that is not an object",
        (s) => (s.agents[0].carry.periods[0].lines[0] = "x"),
        { path: "/options/previous/agents/0/carry/periods/0/lines/0", code: "invalid_type" },
      ],
    ];
    for (const [name, edit, issue] of cases) expect(issuesOf(edited(edit)), name).toEqual([issue]);
  });

  it("reads the metrics and lines of a prior period only when the input restates it (they are read then)", () => {
    // July's carry holds June (restated by August) and July; August restates both, so both are checked.
    const broken = edited((s) => (s.agents[0].carry.periods[1].lines[0].amountMinor = "1"));
    expect(issuesOf(broken)).toEqual([
      { path: "/options/previous/agents/0/carry/periods/1/lines/0/amountMinor", code: "invalid_type" },
    ]);
    // Restating June only, July's damaged line is not read, and the settlement goes through.
    const juneOnly = { ...august, restatements: august.restatements.slice(0, 1) };
    expect(settlePayouts(plan, juneOnly, { previous: broken }).period).toBe("2025-08");
  });

  it("a plan it was settled under must be a valid plan (issues under its pointer)", () => {
    expect(issuesOf(edited((s) => (s.plans[0].version = "1")))).toContainEqual({
      path: "/options/previous/plans/0/version",
      code: "invalid_type",
    });
  });

  it("accepts a plan with an optional member set to undefined (from JS), as evaluatePlan does, and its settlement as the next previous", () => {
    const withUndefined = { ...plan, label: undefined };
    const a = settlePayouts(withUndefined, { period: "2025-06", agents: [agent("ava", 100)] });
    const b = settlePayouts(plan, { period: "2025-06", agents: [agent("ava", 100)] });
    expect(a).toEqual(b);
    expect(settlePayouts(withUndefined, { period: "2025-07", agents: [] }, { previous: b }).sequence).toBe(2);
  });

  it("lists only the previous settlement's issues when it cannot be read, not restatements it would have known", () => {
    expect(issuesOf(edited((s) => (s.agents[0].carry = [])))).toEqual([
      { path: "/options/previous/agents/0/carry", code: "invalid_type" },
    ]);
  });

  it("plan_mismatch: a settled period's segment names a plan version the settlement does not hold", () => {
    // Found by the property below: August restates June, whose plan version 7 was never used.
    expect(issuesOf(edited((s) => (s.periods[0].segments[0].planVersion = 7)))).toEqual([
      { path: "/options/previous/periods/0/segments/0/planVersion", code: "plan_mismatch" },
    ]);
  });

  it("a restated period recorded with no segments gives a result, not a raw TypeError", () => {
    // Found by the property below: the true-up read the first segment of a period that had none.
    const previous = edited((s) => (s.periods[1].segments = []));
    expect(() => settlePayouts(plan, august, { previous })).not.toThrow();
  });

  it("a settlement corrupted at any one place never throws anything but SettlementValidationError", () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (v !== null && typeof v === "object") {
        for (const [k, child] of Object.entries(v)) walk(child, [...path, Array.isArray(v) ? Number(k) : k]);
      }
    };
    walk(july, []);
    const junk = fc.oneof(
      fc.constantFrom(undefined, null, NaN, -1, 1.5, "", "x", true, [], {}, 2 ** 60),
      fc.anything(),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: paths.length - 1 }), junk, (k, value) => {
        const path = paths[k] as (string | number)[];
        const previous = edited((s) => {
          let at = s;
          for (const step of path.slice(0, -1)) at = at[step];
          at[path[path.length - 1] as string | number] = value;
        });
        try {
          settlePayouts(plan, august, { previous });
        } catch (error) {
          expect(error).toBeInstanceOf(SettlementValidationError);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("the quick check of prior lines", () => {
  it("always agrees with the PRIOR_LINE table it writes out", () => {
    const field = fc.oneof(
      fc.constantFrom(undefined, null, "", "x", 0, -1, 1.5, 2 ** 53, Number.NaN, true, [], {}),
      fc.integer(),
      fc.string(),
    );
    const line = fc.record(
      { id: field, kind: field, segment: field, amountMinor: field, recognizedMinor: field },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(line, (l) => {
        expect(priorLineHolds(l)).toBe(priorLineMeetsTable(l));
      }),
      { numRuns: 2000 },
    );
    const good = { id: "per_ticket", kind: "perUnit", segment: 0, amountMinor: -50 };
    expect(priorLineHolds(good)).toBe(true);
    expect(priorLineHolds({ ...good, recognizedMinor: 0 })).toBe(true);
  });
});
