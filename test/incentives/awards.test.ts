import { describe, expect, it } from "vitest";
import { evaluatePlan, type PoolAwardTrace, type RankAwardTrace } from "../../src/index.js";
import { minimalPlan } from "./helpers.js";

// Team awards and their traces, worked by hand from the rules of docs/spec/INCENTIVES.md
// (competition ranking, tie policies at the cutoff, pools split by largest remainder).
const metrics = { tickets: { type: "count" }, qa: { type: "percent" }, csat: { type: "percent" } };

function rankPlan(award: Record<string, unknown>): Record<string, unknown> {
  return minimalPlan({
    metrics,
    teamAwards: [
      {
        id: "r",
        type: "rank",
        metric: "tickets",
        top: 2,
        reward: { kind: "cash", amountMinor: 1_000 },
        ...award,
      },
    ],
  });
}

const team = [
  { id: "a", metrics: { tickets: 50, qa: 90, csat: 85 } },
  { id: "b", metrics: { tickets: 50, qa: 80, csat: 90 } },
  { id: "c", metrics: { tickets: 40, qa: 70, csat: 95 } },
  { id: "d", metrics: { tickets: 40, qa: 70, csat: 81 } },
  { id: "e", metrics: { tickets: 60, qa: 99, csat: 70 } },
];

function rankTraces(award: Record<string, unknown>, agents = team): Map<string, RankAwardTrace> {
  const result = evaluatePlan(rankPlan(award), { agents }, { trace: true });
  return new Map(result.agents.map((a) => [a.id, a.trace!.awards[0] as RankAwardTrace]));
}

describe("rank awards", () => {
  const eligible = { metric: "csat", op: "gte", value: 80 };

  it("a tie on the metric is broken by an ascending tie-breaker; the trace shows every key read", () => {
    // Eligible: a, b, c, d (e's CSAT 70 < 80). Tickets 50, 50, 40, 40; qa ascending puts b (80) before a (90).
    const t = rankTraces({ eligible, tieBreakers: [{ metric: "qa", order: "asc" }], label: "Top resolvers" });
    expect(t.get("b")).toMatchObject({
      kind: "rank",
      id: "r",
      label: "Top resolvers",
      eligible: true,
      values: ["tickets 50", "qa 80"],
      rank: 1,
      ranked: 4,
      tiedWith: [],
      won: true,
      reason: "rank 1 of 4, within the top 2",
    });
    expect(t.get("a")).toMatchObject({ rank: 2, won: true, reason: "rank 2 of 4, within the top 2" });
    expect(t.get("c")).toMatchObject({
      rank: 3,
      tiedWith: ["d"],
      won: false,
      reason: "rank 3 of 4, outside the top 2",
    });
    expect(t.get("d")).toMatchObject({ rank: 3, tiedWith: ["c"], won: false });
    expect(t.get("e")).toMatchObject({
      eligible: false,
      values: [],
      rank: null,
      ranked: 4,
      tiedWith: [],
      won: false,
      reason: "not eligible",
    });
    expect(t.get("e")!.eligibility).toMatchObject({ passed: false, text: "csat 70 < 80" });
  });

  it("a descending tie-breaker reverses the order of the tied pair", () => {
    const t = rankTraces({ eligible, tieBreakers: [{ metric: "qa", order: "desc" }] });
    expect([t.get("a")!.rank, t.get("b")!.rank]).toEqual([1, 2]);
    expect(t.get("a")!.label).toBeUndefined();
  });

  it("an ascending metric ranks the lowest value first", () => {
    const t = rankTraces({ eligible, order: "asc", top: 1 });
    // Tickets ascending: c and d (40) tie for first, a and b (50) for third.
    expect(t.get("c")).toMatchObject({
      rank: 1,
      tiedWith: ["d"],
      won: true,
      reason:
        "rank 1 of 4, tied with d across the cutoff of top 1 (2 tied for places 1–2); includeAllTiedAtCutoff: all win",
    });
    expect(t.get("a")).toMatchObject({
      rank: 3,
      tiedWith: ["b"],
      won: false,
      reason: "rank 3 of 4, outside the top 1",
    });
  });

  it("a tie across the cutoff: all win under includeAllTiedAtCutoff, none under excludeAllTiedAtCutoff", () => {
    const include = rankTraces({ eligible, top: 3 });
    // a and b tie for first (both inside), c and d tie for places 3–4 across the cutoff 3.
    expect(include.get("a")).toMatchObject({ rank: 1, tiedWith: ["b"], won: true });
    expect(include.get("a")!.reason).toBe("rank 1 of 4, within the top 3 (tied with b)");
    expect(include.get("d")).toMatchObject({
      rank: 3,
      won: true,
      reason:
        "rank 3 of 4, tied with c across the cutoff of top 3 (2 tied for places 3–4); includeAllTiedAtCutoff: all win",
    });
    const exclude = rankTraces({ eligible, top: 3, tiePolicy: "excludeAllTiedAtCutoff" });
    expect(exclude.get("a")).toMatchObject({ won: true });
    expect(exclude.get("c")).toMatchObject({
      won: false,
      reason:
        "rank 3 of 4, tied with d across the cutoff of top 3 (2 tied for places 3–4); excludeAllTiedAtCutoff: none win",
    });
  });

  it("a tie that ends exactly at the cutoff wins under either policy", () => {
    const t = rankTraces({ eligible, top: 4, tiePolicy: "excludeAllTiedAtCutoff" });
    expect([...t.values()].map((x) => x.won)).toEqual([true, true, true, true, false]);
    expect(t.get("c")!.reason).toBe("rank 3 of 4, within the top 4 (tied with d)");
  });

  it("the cash reward goes to the winners only, with and without a trace", () => {
    const plan = rankPlan({ eligible, tieBreakers: [{ metric: "qa", order: "asc" }] });
    for (const options of [undefined, { trace: true }]) {
      const cash = evaluatePlan(plan, { agents: team }, options).agents.map((a) => a.cashMinor);
      expect(cash).toEqual([1_000, 1_000, 0, 0, 0]);
    }
  });

  it("without an eligibility rule everyone is ranked and no eligibility trace is attached", () => {
    const t = rankTraces({ top: 1 });
    expect(t.get("e")).toMatchObject({ eligible: true, rank: 1, ranked: 5, won: true });
    expect(t.get("e")!.eligibility).toBeUndefined();
  });
});

describe("rank awards: tied agents in the trace", () => {
  it("lists the agents tied with each in id order, whatever the input order", () => {
    const tied = ["c", "a", "b"].map((id) => ({ id, metrics: { tickets: 10, qa: 0, csat: 0 } }));
    const traces = rankTraces({ top: 3 }, tied);
    expect(traces.get("c")!.tiedWith).toEqual(["a", "b"]);
    expect(traces.get("b")!.tiedWith).toEqual(["a", "c"]);
    expect(traces.get("a")!.tiedWith).toEqual(["b", "c"]);
  });
});

describe("pool awards", () => {
  function poolPlan(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return minimalPlan({
      metrics,
      teamMetrics: { sla: { type: "percent" } },
      teamAwards: [
        {
          id: "p",
          type: "pool",
          amountMinor: 1_000,
          fundedWhen: { teamMetric: "sla", op: "gte", value: 95 },
          eligible: { metric: "qa", op: "gte", value: 80 },
          splitBy: { metric: "tickets" },
          ...extra,
        },
      ],
    });
  }
  const agents = [
    { id: "a", metrics: { tickets: 1, qa: 90, csat: 0 } },
    { id: "b", metrics: { tickets: 2, qa: 90, csat: 0 } },
    { id: "c", metrics: { tickets: 5, qa: 50, csat: 0 } },
    { id: "d", metrics: { tickets: 0, qa: 85, csat: 0 } },
  ];
  const run = (plan: Record<string, unknown>, sla: number, trace = true) =>
    evaluatePlan(plan, { agents, teamMetrics: { sla } }, { trace });

  it("a funded pool splits by weight among the eligible; the remainder unit goes to the larger remainder", () => {
    // Eligible a, b, d (c's QA 50 < 80); weights 1, 2, 0 of 3: exact 1000/3 and 2000/3 → 333 and 667.
    const result = run(poolPlan({ label: "SLA pool" }), 96);
    expect(result.agents.map((a) => a.cashMinor)).toEqual([333, 667, 0, 0]);
    const t = result.agents.map((a) => a.trace!.awards[0] as PoolAwardTrace);
    const common = { kind: "pool", id: "p", label: "SLA pool", funded: true, poolMinor: 1_000, totalWeight: "3" };
    expect(t[0]).toMatchObject({
      ...common,
      eligible: true,
      weight: "1",
      exactShare: "1000/3",
      remainderUnit: false,
      amountMinor: 333,
    });
    expect(t[1]).toMatchObject({
      ...common,
      eligible: true,
      weight: "2",
      exactShare: "2000/3",
      remainderUnit: true,
      amountMinor: 667,
    });
    expect(t[2]).toMatchObject({
      ...common,
      eligible: false,
      weight: "0",
      exactShare: "0",
      remainderUnit: false,
      amountMinor: 0,
    });
    expect(t[3]).toMatchObject({ eligible: true, weight: "0", exactShare: "0", remainderUnit: false, amountMinor: 0 });
    expect(t[0]!.funding).toMatchObject({ passed: true, text: "sla 96 >= 95" });
    expect(t[2]!.eligibility).toMatchObject({ passed: false, text: "qa 50 < 80" });
    expect(t[0]!.eligibility).toMatchObject({ passed: true });
    // The same amounts without a trace.
    expect(run(poolPlan(), 96, false).agents.map((a) => a.cashMinor)).toEqual([333, 667, 0, 0]);
  });

  it("an unfunded pool pays nobody, and its trace says so for every agent", () => {
    const result = run(poolPlan(), 90);
    expect(result.agents.map((a) => a.cashMinor)).toEqual([0, 0, 0, 0]);
    for (const a of result.agents) {
      const t = a.trace!.awards[0] as PoolAwardTrace;
      expect(t).toMatchObject({
        kind: "pool",
        funded: false,
        eligible: false,
        weight: "0",
        totalWeight: "0",
        exactShare: "0",
        remainderUnit: false,
        amountMinor: 0,
      });
      expect(t.label).toBeUndefined();
      expect(t.funding).toMatchObject({ passed: false });
    }
  });

  it("a funded pool whose eligible agents all weigh 0 pays nobody", () => {
    // Only d (0 tickets) is eligible: the pool is funded but has no weight to split by.
    const onlyD = run(poolPlan({ eligible: { metric: "tickets", op: "eq", value: 0 } }), 99);
    expect(onlyD.agents.map((a) => a.cashMinor)).toEqual([0, 0, 0, 0]);
    const t = onlyD.agents.map((a) => a.trace!.awards[0] as PoolAwardTrace);
    expect(t.map((x) => [x.eligible, x.exactShare, x.remainderUnit])).toEqual([
      [false, "0", false],
      [false, "0", false],
      [false, "0", false],
      [true, "0", false],
    ]);
  });

  it("a pool without conditions is funded and open to everyone, with no condition traces", () => {
    const plan = minimalPlan({
      metrics,
      teamAwards: [{ id: "p", type: "pool", amountMinor: 10, splitBy: { metric: "tickets" } }],
    });
    const result = evaluatePlan(plan, { agents }, { trace: true });
    // Weights 1, 2, 5, 0 of 8: 1.25, 2.5, 6.25, 0 → floors 1, 2, 6; one unit to the .5 remainder.
    expect(result.agents.map((a) => a.cashMinor)).toEqual([1, 3, 6, 0]);
    const t = result.agents[1]!.trace!.awards[0] as PoolAwardTrace;
    expect(t).toMatchObject({ funded: true, eligible: true, exactShare: "5/2", remainderUnit: true });
    // No funding, eligibility or label key at all (toBeUndefined would pass on `key: undefined`).
    expect(["funding", "eligibility", "label"].filter((key) => Object.hasOwn(t, key))).toEqual([]);
  });

  it("the first eligible agent in input order is marked when it takes the remainder unit", () => {
    const plan = minimalPlan({
      metrics,
      teamAwards: [{ id: "p", type: "pool", amountMinor: 10, splitBy: { metric: "tickets" } }],
    });
    const even = ["a", "b", "c"].map((id) => ({ id, metrics: { tickets: 1, qa: 0, csat: 0 } }));
    // 10 over three equal weights: 10/3 each → 3, 3, 3 and one unit to the smallest id, "a".
    const result = evaluatePlan(plan, { agents: even }, { trace: true });
    expect(result.agents.map((a) => a.cashMinor)).toEqual([4, 3, 3]);
    const marked = result.agents.map((a) => (a.trace!.awards[0] as PoolAwardTrace).remainderUnit);
    expect(marked).toEqual([true, false, false]);
  });
});
