import { describe, expect, it } from "vitest";
import {
  compilePlan,
  evaluatePlan,
  type PlanInput,
  type PlanResult,
  type RankAwardTrace,
  type ScorecardLineTrace,
  type TieredLineTrace,
} from "../../src/index.js";
import { code as at } from "../helpers/errors.js";
import { deepFreeze, type Loose, minimalPlan } from "./helpers.js";
import { planFixture, planInput } from "./plan.js";

const byId = (result: PlanResult, id: string) => result.agents.find((a) => a.id === id)!;
const line = (result: PlanResult, agent: string, id: string) => byId(result, agent).lines.find((l) => l.id === id)!;

describe("evaluatePlan: the public vectors of docs/spec/INCENTIVES.md (team of four, June 2025)", () => {
  const result = evaluatePlan(planFixture(), planInput());

  it("ava: commission capped 49 750 → 45 000, scorecard 72 000 → 70 000, kicker, plan cap −2 500, pool 37 897", () => {
    // Oracle: docs/spec/INCENTIVES.md "ava" worked by hand in the spec.
    expect(byId(result, "ava")).toEqual({
      id: "ava",
      cashMinor: 157_897,
      lines: [
        { id: "resolution_commission", kind: "tiered", amountMinor: 45_000 },
        { id: "quality_scorecard", kind: "scorecard", amountMinor: 70_000 },
        { id: "quality_kicker", kind: "flat", amountMinor: 7_500 },
        { id: "planCap", kind: "planCap", amountMinor: -2_500 },
        { id: "team_sla_pool", kind: "pool", amountMinor: 37_897 },
      ],
      rewards: [{ awardId: "top_resolvers", kind: "paidTimeOff", quantity: 1, unit: "day" }],
    });
  });

  it("ben: p = 12/30, commission 13 375, scorecard 30800/3 → 10 267 with the CSAT gate failing, kicker, pool 11 614", () => {
    // Oracle: docs/spec/INCENTIVES.md "ben".
    expect(byId(result, "ben")).toEqual({
      id: "ben",
      cashMinor: 42_756,
      lines: [
        { id: "resolution_commission", kind: "tiered", amountMinor: 13_375 },
        { id: "quality_scorecard", kind: "scorecard", amountMinor: 10_267 },
        { id: "quality_kicker", kind: "flat", amountMinor: 7_500 },
        { id: "planCap", kind: "planCap", amountMinor: 0 },
        { id: "team_sla_pool", kind: "pool", amountMinor: 11_614 },
      ],
      rewards: [],
    });
  });

  // Hand calculation, cleo (p = 1, target 400):
  //   commission 200 × 50 + 200 × 75 + 13 × 112.5 = 10 000 + 15 000 + 1 462.5 = 26 462.5 → 26 463 (half away from zero)
  //   scorecard: csat 88 → 50 + (88−80)/10 × 50 = 90 (gate 45 ≥ 20 holds); sla 94 → 50 + 4/5 × 50 = 90;
  //     frt 33 (lower) → 100 − (33−30)/30 × 50 = 95; W = (40·90 + 35·90 + 25·95)/100 = 91.25 ≥ 60;
  //     factor 91.25 → 40 000 × 0.9125 = 36 500 (cap 70 000 not reached)
  //   kicker: qa 84 not in [85, 100] → 0; components 62 963 < 120 000, no plan cap adjustment
  //   pool: shares 100 000 × 413/1 636 = 25 244.4988…; floors 37 897 + 11 613 + 25 244 + 25 244 = 99 998, 2 left over:
  //     ben's remainder .6919 first, then cleo and dev tie (.4988, weight 413 each) → id ascending → cleo: 25 245
  //   rank: eligible ava (64, 93), cleo (45, 84), dev (30, 90); ben not (14 < 20). tickets 620, 413, 413; csat 88 = 88
  //     → ranks 1, 2, 2; top 2 with includeAllTiedAtCutoff → ava, cleo and dev each win one paid day off
  //   cash 26 463 + 36 500 + 0 + 25 245 = 88 208
  it("cleo (hand-worked): 26 463 + 36 500 + 0 + pool 25 245 = 88 208, and a paid day off through the tie", () => {
    expect(byId(result, "cleo")).toEqual({
      id: "cleo",
      cashMinor: 88_208,
      lines: [
        { id: "resolution_commission", kind: "tiered", amountMinor: 26_463 },
        { id: "quality_scorecard", kind: "scorecard", amountMinor: 36_500 },
        { id: "quality_kicker", kind: "flat", amountMinor: 0 },
        { id: "planCap", kind: "planCap", amountMinor: 0 },
        { id: "team_sla_pool", kind: "pool", amountMinor: 25_245 },
      ],
      rewards: [{ awardId: "top_resolvers", kind: "paidTimeOff", quantity: 1, unit: "day" }],
    });
  });

  // Hand calculation, dev (p = 1):
  //   commission as cleo: 26 463
  //   scorecard: csat 88 → 90 (gate 30 ≥ 20 holds); sla 95 → 100; frt 30 → 100; W = (3 600 + 3 500 + 2 500)/100 = 96;
  //     factor 96 → 38 400
  //   kicker: qa 90 in range, but csat 88 < 92 and escalations 4 ≠ 0, and not(4 > 3) fails → 0
  //   pool 25 244 (loses the id tie to cleo); cash 26 463 + 38 400 + 25 244 = 90 107
  it("dev (hand-worked): 26 463 + 38 400 + 0 + pool 25 244 = 90 107, and a paid day off through the tie", () => {
    expect(byId(result, "dev")).toEqual({
      id: "dev",
      cashMinor: 90_107,
      lines: [
        { id: "resolution_commission", kind: "tiered", amountMinor: 26_463 },
        { id: "quality_scorecard", kind: "scorecard", amountMinor: 38_400 },
        { id: "quality_kicker", kind: "flat", amountMinor: 0 },
        { id: "planCap", kind: "planCap", amountMinor: 0 },
        { id: "team_sla_pool", kind: "pool", amountMinor: 25_244 },
      ],
      rewards: [{ awardId: "top_resolvers", kind: "paidTimeOff", quantity: 1, unit: "day" }],
    });
  });

  it("the pool's parts sum to exactly 100 000 over weights 620, 190, 413, 413", () => {
    const parts = result.agents.map((a) => a.lines.find((l) => l.id === "team_sla_pool")!.amountMinor);
    expect(parts).toEqual([37_897, 11_614, 25_245, 25_244]);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(100_000);
  });

  it("totals: cash 378 968 and three paid days off at 20 000 each", () => {
    expect(result.totals).toEqual({ cashMinor: 157_897 + 42_756 + 88_208 + 90_107, rewardCostMinor: 60_000 });
    expect(result).toMatchObject({
      planId: "cs-agent-monthly",
      version: 3,
      currency: { code: "USD", exponent: 2 },
      rounding: { mode: "halfAwayFromZero" },
    });
  });

  it("returns agents in input order", () => {
    const input = planInput();
    const reversed = { ...input, agents: [...input.agents].reverse() };
    expect(evaluatePlan(planFixture(), reversed).agents.map((a) => a.id)).toEqual(["dev", "cleo", "ben", "ava"]);
  });
});

describe("evaluatePlan: the trace lets a reader redo every sum", () => {
  const result = evaluatePlan(planFixture(), planInput(), { trace: true });

  it("ben's scorecard: exact fractions, the failed gate's reason and comparison, no cap bound, rounding", () => {
    const t = byId(result, "ben").trace!;
    expect(t.proration).toEqual({ activeDaysMetric: "active_days", activeDays: "12", periodDays: 30, factor: "2/5" });
    const sc = t.lines.find((l) => l.id === "quality_scorecard") as ScorecardLineTrace;
    expect(sc.proratedTargetIncentive).toBe("16000");
    expect(sc.kpis.map((k) => [k.id, k.score])).toEqual([
      ["csat", "0"],
      ["sla", "125"],
      ["frt", "245/3"],
    ]);
    expect(sc.kpis[0]!.gate).toMatchObject({ passed: false, reason: "min_sample" });
    expect(sc.kpis[0]!.gate!.condition.text).toBe("csat_responses 14 < 20");
    expect(sc.weightedScore).toBe("385/6");
    expect(sc.exact).toBe("30800/3");
    expect(sc.caps).toEqual([{ cap: "pctOfTarget", limit: "28000", bound: false }]);
    expect(sc).toMatchObject({ rounding: "halfAwayFromZero", amountMinor: 10_267 });
  });

  it("ava's caps bind and say so; the plan cap trace shows the adjustment", () => {
    const t = byId(result, "ava").trace!;
    const commission = t.lines.find((l) => l.id === "resolution_commission") as TieredLineTrace;
    expect(commission.bands.map((b) => [b.units, b.ratePerUnitMinor, b.amount])).toEqual([
      ["200", "50", "10000"],
      ["200", "75", "15000"],
      ["220", "112.5", "24750"],
    ]);
    expect(commission.exact).toBe("49750");
    expect(commission.caps).toEqual([{ cap: "amount", limit: "45000", bound: true }]);
    const sc = t.lines.find((l) => l.id === "quality_scorecard") as ScorecardLineTrace;
    expect([sc.weightedScore, sc.payoutFactor, sc.exact]).toEqual(["140", "180", "72000"]);
    expect(sc.caps).toEqual([{ cap: "pctOfTarget", limit: "70000", bound: true }]);
    expect(t.planCap).toEqual({ limitMinor: 120_000, componentsMinor: 122_500, bound: true, adjustmentMinor: -2_500 });
  });

  it("the rank trace says why top 2 gave three winners", () => {
    const dev = byId(result, "dev").trace!.awards.find((a) => a.id === "top_resolvers") as RankAwardTrace;
    expect(dev).toMatchObject({ rank: 2, ranked: 3, tiedWith: ["cleo"], won: true });
    expect(dev.reason).toContain("includeAllTiedAtCutoff");
    const ben = byId(result, "ben").trace!.awards.find((a) => a.id === "top_resolvers") as RankAwardTrace;
    expect(ben).toMatchObject({ eligible: false, rank: null, won: false });
    expect(ben.eligibility!.nodes![0]!.text).toBe("csat_responses 14 < 20");
  });

  it("the kicker's condition records every node, including the branch that did not decide", () => {
    const kicker = byId(result, "ben").trace!.lines.find((l) => l.id === "quality_kicker")!;
    const texts: string[] = [];
    const walk = (n: { text: string; nodes?: readonly { text: string }[] }): void => {
      texts.push(n.text);
      for (const c of n.nodes ?? []) walk(c as never);
    };
    walk(kicker.when!);
    expect(texts).toEqual([
      "all",
      "qa_score 88 in [85, 100]",
      "any",
      "all",
      "csat_score 94 >= 92",
      "csat_responses 14 < 20",
      "escalations 0 = 0",
      "not",
      "escalations 0 <= 3",
    ]);
  });

  it("gives the same amounts with trace on and off", () => {
    const off = evaluatePlan(planFixture(), planInput());
    const stripped = { ...result, agents: result.agents.map(({ trace: _t, ...rest }) => rest) };
    expect(stripped).toEqual(off);
  });
});

describe("evaluatePlan: components and awards beyond the public vectors", () => {
  it("retroactive tiers pay the band reached on every unit; exactly 100 % of target is in the upper band", () => {
    const plan = minimalPlan({
      components: [
        {
          id: "c",
          type: "tiered",
          mode: "retroactive",
          basis: "tickets",
          target: { value: 400 },
          bands: [
            { fromPct: 0, toPct: 100, ratePerUnitMinor: "50" },
            { fromPct: 100, ratePerUnitMinor: "75" },
          ],
        },
      ],
    });
    const cash = (tickets: number) =>
      evaluatePlan(plan, { agents: [{ id: "a", metrics: { tickets, qa: 0 } }] }).agents[0]!.cashMinor;
    expect(cash(399)).toBe(399 * 50);
    expect(cash(400)).toBe(400 * 75);
    expect(cash(0)).toBe(0);
  });

  it("perUnit with a condition and a cap; flat prorated; halfEven rounding on a half", () => {
    const plan = minimalPlan({
      rounding: { mode: "halfEven" },
      proration: { activeDaysMetric: "days" },
      metrics: { tickets: { type: "count" }, qa: { type: "percent" }, days: { type: "days" } },
      components: [
        {
          id: "per",
          type: "perUnit",
          basis: "tickets",
          ratePerUnitMinor: "0.5",
          when: { metric: "qa", op: "gte", value: "80.5" },
          cap: { amountMinor: 100 },
        },
        { id: "flat", type: "flat", amountMinor: 1001, prorate: true },
      ],
    });
    const run = (tickets: number, qa: number, days: number) =>
      evaluatePlan(plan, { agents: [{ id: "a", metrics: { tickets, qa, days } }] }).agents[0]!.lines.map(
        (l) => l.amountMinor,
      );
    expect(run(5, 80.5, 15)).toEqual([2, 500]); // 2.5 → 2 (halfEven); 1001 × 15/30 = 500.5 → 500
    expect(run(7, 80.5, 30)).toEqual([4, 1001]); // 3.5 → 4
    expect(run(7, 80.4, 30)).toEqual([0, 1001]); // 80.4 < 80.5: the condition fails
    expect(run(1000, 99, 30)).toEqual([100, 1001]); // capped at 100
  });

  it("excludeAllTiedAtCutoff leaves out everyone tied across the cutoff; a cash rank reward is a line", () => {
    const plan = planFixture() as { teamAwards: Record<string, unknown>[] };
    plan.teamAwards[0] = {
      ...plan.teamAwards[0],
      tiePolicy: "excludeAllTiedAtCutoff",
      reward: { kind: "cash", amountMinor: 5_000 },
    };
    const result = evaluatePlan(plan, planInput());
    expect(result.agents.map((a) => line(result, a.id, "top_resolvers").amountMinor)).toEqual([5_000, 0, 0, 0]);
    expect(byId(result, "ava").cashMinor).toBe(157_897 + 5_000);
    expect(result.totals.rewardCostMinor).toBe(0);
  });

  it("competition ranking: a tie wholly inside the top wins under either policy; the next rank skips", () => {
    const plan = minimalPlan({
      teamAwards: [
        {
          id: "r",
          type: "rank",
          metric: "tickets",
          top: 3,
          tiePolicy: "excludeAllTiedAtCutoff",
          reward: { kind: "recognition", quantity: 1, unit: "badge" },
        },
      ],
    });
    const input = {
      agents: [10, 10, 8, 8, 7].map((tickets, i) => ({ id: `a${i}`, metrics: { tickets, qa: 0 } })),
    };
    const result = evaluatePlan(plan, input, { trace: true });
    expect(result.agents.map((a) => a.rewards.length)).toEqual([1, 1, 0, 0, 0]);
    expect(result.agents.map((a) => (a.trace!.awards[0] as RankAwardTrace).rank)).toEqual([1, 1, 3, 3, 5]);
  });

  it("an unfunded pool pays nobody; an ineligible agent gets no share", () => {
    const input = planInput();
    const unfunded = evaluatePlan(planFixture(), { ...input, teamMetrics: { team_sla_compliance: 94.9 } });
    expect(unfunded.agents.map((a) => line(unfunded, a.id, "team_sla_pool").amountMinor)).toEqual([0, 0, 0, 0]);
    const agents = input.agents.map((a) => (a.id === "ben" ? { ...a, metrics: { ...a.metrics, active_days: 9 } } : a));
    const result = evaluatePlan(planFixture(), { ...input, agents });
    const parts = result.agents.map((a) => line(result, a.id, "team_sla_pool").amountMinor);
    expect(parts[1]).toBe(0);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(100_000);
  });

  it("KPI scores are 0 below the first curve point and clamp at the last; the component gate pays 0 below it", () => {
    const input = planInput();
    const agents = input.agents.map((a) =>
      a.id === "cleo"
        ? { ...a, metrics: { ...a.metrics, csat_score: 79.9, sla_compliance: 89, frt_median_min: 61 } }
        : a,
    );
    const result = evaluatePlan(planFixture(), { ...input, agents }, { trace: true });
    const sc = byId(result, "cleo").trace!.lines.find((l) => l.id === "quality_scorecard") as ScorecardLineTrace;
    expect(sc.kpis.map((k) => k.score)).toEqual(["0", "0", "0"]);
    expect(sc.gate).toEqual({ minWeightedPct: "60", passed: false });
    expect(line(result, "cleo", "quality_scorecard").amountMinor).toBe(0);
  });

  it("onMissingMetric: zero reads a missing metric as 0 and lists it in the trace", () => {
    const plan = { ...planFixture(), onMissingMetric: "zero" };
    const input = planInput();
    const agents = input.agents.map((a) => {
      if (a.id !== "cleo") return a;
      const { escalations: _e, ...metrics } = a.metrics;
      return { ...a, metrics };
    });
    const result = evaluatePlan(plan, { ...input, agents }, { trace: true });
    expect(byId(result, "cleo").trace!.missing).toEqual(["escalations"]);
    // escalations 0 would satisfy the kicker's second branch, but qa 84 still fails the first clause.
    expect(line(result, "cleo", "quality_kicker").amountMinor).toBe(0);
  });

  it("compilePlan gives what evaluatePlan gives, and is unaffected by later changes to the plan object", () => {
    const plan = planFixture() as { planCap: { amountMinor: number } };
    const run = compilePlan(plan);
    plan.planCap.amountMinor = 1;
    expect(run(planInput())).toEqual(evaluatePlan(planFixture(), planInput()));
  });

  it("what-if: the same call prices a CSAT rise of 3 points", () => {
    const input = planInput();
    const raised = {
      ...input,
      agents: input.agents.map((a) => ({
        ...a,
        metrics: { ...a.metrics, csat_score: (a.metrics as Loose).csat_score + 3 },
      })),
    };
    const run = compilePlan(planFixture());
    const before = run(input).totals.cashMinor;
    const after = run(raised).totals.cashMinor;
    // cleo and dev: csat 91 → 100 + 1/5 × 50 = 110 (+20 × 0.4 = +8 W): cleo 99.25 → 39 700, dev 104 → 43 200.
    // ben's csat stays gated; ava is capped already. ben's kicker unchanged.
    expect(after - before).toBe(39_700 - 36_500 + (43_200 - 38_400));
  });
});

describe("evaluatePlan: errors", () => {
  const fn = "evaluatePlan";
  it("throws invalid_plan with every issue for a bad plan", () => {
    expect(() => evaluatePlan({ schema: "cs-incentive-plan/1" }, planInput())).toThrow(
      expect.objectContaining({
        code: "invalid_plan",
        issues: ["/id", "/version", "/effective", "/period", "/currency", "/metrics", "/components"].map((path) =>
          expect.objectContaining({ path, code: "missing_key" }),
        ),
      }),
    );
  });

  it("missing_value names the agent and metric", () => {
    const input = planInput();
    delete (input.agents[3]!.metrics as Loose).csat_score;
    expect(() => evaluatePlan(planFixture(), input)).toThrow(
      expect.objectContaining({ code: "missing_value", fn, path: "input.agents[3].metrics.csat_score" }),
    );
    const noTeam = { agents: planInput().agents };
    expect(() => evaluatePlan(planFixture(), noTeam)).toThrow(
      expect.objectContaining({ code: "missing_value", path: "input.teamMetrics.team_sla_compliance" }),
    );
  });

  const withMetric = (name: string, value: unknown): PlanInput => {
    const input = planInput();
    (input.agents[1]!.metrics as Record<string, unknown>)[name] = value;
    return input;
  };
  it.each([
    ["invalid_type", "a string where a number belongs", "qa_score", "88"],
    ["not_finite", "NaN", "qa_score", Number.NaN],
    ["not_integer", "a fractional count", "tickets_resolved", 190.5],
    ["out_of_range", "a negative count", "escalations", -1],
    ["out_of_range", "active days beyond the period", "active_days", 31],
  ] as const)("%s for %s at input.agents[1].metrics.%s", (c, _what, metric, value) => {
    expect(() => evaluatePlan(planFixture(), withMetric(metric, value))).toThrow(
      at(c, { fn, path: `input.agents[1].metrics.${metric}`, received: value }),
    );
  });

  it("invalid_type for a bad input shape; invalid_value for duplicate or empty ids; invalid_option", () => {
    expect(() => evaluatePlan(planFixture(), null as never)).toThrow(at("invalid_type", { fn, path: "input" }));
    expect(() => evaluatePlan(planFixture(), { agents: {} } as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "input.agents" }),
    );
    const dup = planInput();
    (dup.agents[2] as { id: string }).id = "ava";
    expect(() => evaluatePlan(planFixture(), dup)).toThrow(
      expect.objectContaining({ code: "invalid_value", path: "input.agents[2].id" }),
    );
    const numeric = planInput();
    (numeric.agents[0] as { id: unknown }).id = 7;
    expect(() => evaluatePlan(planFixture(), numeric)).toThrow(at("invalid_type", { fn, path: "input.agents[0].id" }));
    expect(() => evaluatePlan(planFixture(), planInput(), { trace: "yes" } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.trace" }),
    );
  });

  it("invalid_option for a misspelled option, naming the key it meant", () => {
    for (const run of [
      () => evaluatePlan(planFixture(), planInput(), { trce: true } as never),
      () => compilePlan(planFixture())(planInput(), { trce: true } as never),
    ]) {
      expect(run).toThrow(expect.objectContaining({ code: "invalid_option", fn, path: "options.trce" }));
      expect(run).toThrow(/did you mean `trace`/);
    }
    expect(() => evaluatePlan(planFixture(), planInput(), [] as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options" }),
    );
  });

  it("does not mutate its input (frozen plan and input)", () => {
    const plan = deepFreeze(planFixture());
    const input = deepFreeze(planInput());
    const snapshot = JSON.stringify([plan, input]);
    expect(evaluatePlan(plan, input, { trace: true }).agents[0]!.cashMinor).toBe(157_897);
    expect(JSON.stringify([plan, input])).toBe(snapshot);
  });
});
