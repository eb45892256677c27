/**
 * settlePayouts: worked examples (each amount redone by hand in the comments:
 * 50 minor units per ticket, so 100 tickets pay USD 50.00), boundaries, one
 * test per error code with its JSON pointer, and frozen input.
 */
import { describe, expect, it } from "vitest";
import { evaluatePlan, SettlementValidationError, settlePayouts } from "../../../src/index.js";
import { deepFreeze, type Loose } from "../helpers.js";
import { agent, lineTexts, perTicketPlan } from "./fixtures.js";

const settle = (plan: Loose, input: Loose, options?: Loose): Loose => settlePayouts(plan, input, options);

function issuesOf(fn: () => unknown): { path: string; code: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SettlementValidationError);
    expect((error as Loose).code).toBe("invalid_settlement");
    return (error as Loose).issues.map((i: Loose) => ({ path: i.path, code: i.code }));
  }
  throw new Error("did not throw");
}

describe("settlePayouts: earnings and holdbacks", () => {
  it("pays the plan's lines as earnings, equal to evaluatePlan", () => {
    const plan = perTicketPlan();
    const s = settle(plan, { period: "2025-06", agents: [agent("ava", 100), agent("ben", 7)] });
    expect(lineTexts(s, "ava")).toEqual(["earning 2025-06 5000"]);
    expect(s.agents.map((a: Loose) => a.paidMinor)).toEqual(
      evaluatePlan(plan, { agents: [agent("ava", 100), agent("ben", 7)] }).agents.map((a) => a.cashMinor),
    );
    expect(s.totals).toEqual({
      paidMinor: 5350,
      earningMinor: 5350,
      adjustmentMinor: 0,
      holdbackMinor: 0,
      releaseMinor: 0,
      drawAdvanceMinor: 0,
      drawRecoveryMinor: 0,
    });
    expect(s.sequence).toBe(1);
    expect(s.schema).toBe("cs-settlement/1");
  });

  it("keeps a copy of each agent's metrics with their string keys only, as JSON would read them", () => {
    const plan = perTicketPlan();
    // JSON.parse makes "__proto__" an own key; the copy, like an assignment, does not keep it; nor a symbol key.
    const metrics = { ...JSON.parse('{"tickets": 3, "__proto__": 1, "extra": 2}'), [Symbol("note")]: 9 };
    const s = settle(plan, { period: "2025-06", agents: [{ id: "ava", metrics }] });
    const kept = s.agents[0].carry.periods[0].metrics;
    expect(JSON.stringify(kept)).toBe('{"tickets":3,"extra":2}');
    expect(Object.getOwnPropertySymbols(kept)).toEqual([]);
    expect(kept).not.toBe(metrics);
  });

  it("holds back a percentage (rounded once) and releases it exactly once, releaseAfterPeriods later", () => {
    // 101 tickets → 5050; 12.5 % → 631.25 → 631 held; released two settlements later, not before, not again.
    const plan = perTicketPlan({}, { pct: "12.5", releaseAfterPeriods: 2 });
    const june = settle(plan, { period: "2025-06", agents: [agent("ava", 101)] });
    expect(lineTexts(june, "ava")).toEqual(["earning 2025-06 5050", "holdback 2025-06 -631"]);
    const july = settle(plan, { period: "2025-07", agents: [agent("ava", 0)] }, { previous: june });
    expect(lineTexts(july, "ava")).toEqual(["earning 2025-07 0"]);
    const august = settle(plan, { period: "2025-08", agents: [agent("ava", 0)] }, { previous: july });
    expect(lineTexts(august, "ava")).toEqual(["earning 2025-08 0", "release 2025-06 631"]);
    const september = settle(plan, { period: "2025-09", agents: [agent("ava", 0)] }, { previous: august });
    expect(lineTexts(september, "ava")).toEqual(["earning 2025-09 0"]);
  });

  it("holds back a fixed amount, never more than the line", () => {
    const plan = perTicketPlan({}, { amountMinor: 1000, releaseAfterPeriods: 1 });
    const s = settle(plan, { period: "2025-06", agents: [agent("ava", 100), agent("ben", 4)] });
    expect(lineTexts(s, "ava")).toEqual(["earning 2025-06 5000", "holdback 2025-06 -1000"]);
    expect(lineTexts(s, "ben")).toEqual(["earning 2025-06 200", "holdback 2025-06 -200"]);
  });

  it("releases a holdback after the true-up of its period, in the same settlement", () => {
    const plan = perTicketPlan({}, { pct: 10, releaseAfterPeriods: 1 });
    const june = settle(plan, { period: "2025-06", agents: [agent("ava", 100)] });
    const july = settle(
      plan,
      {
        period: "2025-07",
        agents: [agent("ava", 40)],
        restatements: [{ period: "2025-06", agents: [agent("ava", 90)] }],
      },
      { previous: june },
    );
    // 40 → 2000, 10 % held 200; June 5000 → 4500: −500 recovered; June's 500 released after it.
    expect(lineTexts(july, "ava")).toEqual([
      "earning 2025-07 2000",
      "holdback 2025-07 -200",
      "adjustment 2025-06 -500",
      "release 2025-06 500",
    ]);
    expect(july.agents[0].paidMinor).toBe(1800);
  });
});

describe("settlePayouts: true-ups and clawback policies", () => {
  const june = (plan: Loose) => settle(plan, { period: "2025-06", agents: [agent("ava", 100)] });
  const cut = (plan: Loose, previous: Loose) =>
    settle(
      plan,
      {
        period: "2025-07",
        agents: [agent("ava", 10)],
        restatements: [{ period: "2025-06", agents: [agent("ava", 20)] }],
      },
      { previous },
    );

  it("pays a raise as an adjustment citing the period, the line and the metric that changed", () => {
    const plan = perTicketPlan();
    const july = settle(
      plan,
      {
        period: "2025-07",
        agents: [agent("ava", 0)],
        restatements: [{ period: "2025-06", agents: [agent("ava", 130)] }],
      },
      { previous: june(plan) },
    );
    const line = july.agents[0].lines[1];
    expect(line).toMatchObject({
      kind: "adjustment",
      amountMinor: 1500,
      period: "2025-06",
      componentId: "per_ticket",
      previousMinor: 5000,
      restatedMinor: 6500,
      metrics: ["tickets"],
    });
  });

  it("recover: deducts a cut now, even below zero", () => {
    // July 10 tickets → 500; June 5000 → 1000: −4000 → paid −3500.
    const plan = perTicketPlan({ clawback: { policy: "recover" } });
    const july = cut(plan, june(plan));
    expect(lineTexts(july, "ava")).toEqual(["earning 2025-07 500", "adjustment 2025-06 -4000"]);
    expect(july.agents[0].paidMinor).toBe(-3500);
  });

  it("a plan without clawback recovers", () => {
    const plan = perTicketPlan();
    expect(cut(plan, june(plan)).agents[0].paidMinor).toBe(-3500);
  });

  it("carryForward: deducts what the period pays, never below zero, and the rest later", () => {
    const plan = perTicketPlan({ clawback: { policy: "carryForward" } });
    const july = cut(plan, june(plan));
    expect(lineTexts(july, "ava")).toEqual(["earning 2025-07 500", "adjustment 2025-06 -500"]);
    expect(july.agents[0].lines[1]).toMatchObject({ policy: "carryForward", owedMinor: 3500 });
    expect(july.agents[0].paidMinor).toBe(0);
    expect(july.agents[0].carry.owed).toEqual([
      { period: "2025-06", componentId: "per_ticket", segment: 0, amountMinor: 3500 },
    ]);
    const august = settle(plan, { period: "2025-08", agents: [agent("ava", 100)] }, { previous: july });
    expect(lineTexts(august, "ava")).toEqual(["earning 2025-08 5000", "adjustment 2025-06 -3500"]);
    expect(august.agents[0].paidMinor).toBe(1500);
    expect(august.agents[0].carry.owed).toEqual([]);
  });

  it("forgive: the line pays 0 and says what was forgiven; restating it back pays nothing twice", () => {
    const plan = perTicketPlan({ clawback: { policy: "forgive" } });
    const july = cut(plan, june(plan));
    expect(july.agents[0].lines[1]).toMatchObject({ kind: "adjustment", amountMinor: 0, forgivenMinor: 4000 });
    expect(july.agents[0].carry.toDate.forgivenMinor).toBe(4000);
    const august = settle(
      plan,
      {
        period: "2025-08",
        agents: [agent("ava", 0)],
        restatements: [{ period: "2025-06", agents: [agent("ava", 100)] }],
      },
      { previous: july },
    );
    expect(lineTexts(august, "ava")).toEqual(["earning 2025-08 0"]);
    expect(august.agents[0].carry.toDate.forgivenMinor).toBe(0);
  });

  it("outside windowPeriods a cut is forgiven; inside it is recovered", () => {
    const plan = perTicketPlan({ clawback: { policy: "recover", windowPeriods: 1 } });
    const j = june(plan);
    expect(cut(plan, j).agents[0].lines[1]).toMatchObject({ amountMinor: -4000, policy: "recover" });
    const july = settle(plan, { period: "2025-07", agents: [agent("ava", 10)] }, { previous: j });
    const august = settle(
      plan,
      {
        period: "2025-08",
        agents: [agent("ava", 0)],
        restatements: [{ period: "2025-06", agents: [agent("ava", 20)] }],
      },
      { previous: july },
    );
    expect(august.agents[0].lines[1]).toMatchObject({ amountMinor: 0, policy: "forgive", forgivenMinor: 4000 });
  });

  it("an unchanged restatement gives no adjustment line", () => {
    const plan = perTicketPlan();
    const july = settle(
      plan,
      {
        period: "2025-07",
        agents: [agent("ava", 3)],
        restatements: [{ period: "2025-06", agents: [agent("ava", 100)] }],
      },
      { previous: june(plan) },
    );
    expect(lineTexts(july, "ava")).toEqual(["earning 2025-07 150"]);
  });

  it("a restated team metric re-evaluates everyone: the pool is split again (agents not restated cite the team metric)", () => {
    const plan = perTicketPlan({
      teamMetrics: { team_csat: { type: "percent" } },
      components: [],
      teamAwards: [
        {
          id: "pool",
          type: "pool",
          amountMinor: 10000,
          fundedWhen: { teamMetric: "team_csat", op: "gte", value: 90 },
          splitBy: { metric: "tickets" },
        },
      ],
    });
    const j = settle(plan, {
      period: "2025-06",
      agents: [agent("ava", 30), agent("ben", 10)],
      teamMetrics: { team_csat: 92 },
    });
    expect(j.agents.map((a: Loose) => a.paidMinor)).toEqual([7500, 2500]);
    const july = settle(
      plan,
      {
        period: "2025-07",
        agents: [agent("ava", 0), agent("ben", 0)],
        teamMetrics: { team_csat: 80 },
        restatements: [{ period: "2025-06", agents: [], teamMetrics: { team_csat: 89.9 } }],
      },
      { previous: j },
    );
    // June no longer funded: both shares come back.
    expect(july.agents[0].lines[1]).toMatchObject({
      kind: "adjustment",
      amountMinor: -7500,
      teamMetrics: ["team_csat"],
    });
    expect(july.agents[1].lines[1]).toMatchObject({ kind: "adjustment", amountMinor: -2500, metrics: [] });
    expect(july.periods[0].teamMetrics).toEqual({ team_csat: 89.9 });
  });
});

describe("settlePayouts: draws", () => {
  it("advances to the draw, recovers above it, forgives the rest at its last period", () => {
    const plan = perTicketPlan({ draw: { amountMinor: 3000, recoverable: true, periods: 3 } });
    // 1: 20 tickets → 1000, advance 2000 (balance 2000).
    const m1 = settle(plan, { period: "2025-06", agents: [agent("ava", 20)] });
    expect(lineTexts(m1, "ava")).toEqual(["earning 2025-06 1000", "drawAdvance 2025-06 2000"]);
    expect(m1.agents[0].carry.draw).toMatchObject({ balanceMinor: 2000, periodsUsed: 1 });
    // 2: 80 → 4000, 1000 above the draw recovered (balance 1000).
    const m2 = settle(plan, { period: "2025-07", agents: [agent("ava", 80)] }, { previous: m1 });
    expect(lineTexts(m2, "ava")).toEqual(["earning 2025-07 4000", "drawRecovery 2025-07 -1000"]);
    // 3: 40 → 2000, advance 1000 (balance 2000), the last draw period: 2000 forgiven.
    const m3 = settle(plan, { period: "2025-08", agents: [agent("ava", 40)] }, { previous: m2 });
    expect(lineTexts(m3, "ava")).toEqual([
      "earning 2025-08 2000",
      "drawAdvance 2025-08 1000",
      "drawForgiven 2025-08 0",
    ]);
    expect(m3.agents[0].lines[2]).toMatchObject({ forgivenMinor: 2000 });
    // 4: the draw is over.
    const m4 = settle(plan, { period: "2025-09", agents: [agent("ava", 40)] }, { previous: m3 });
    expect(lineTexts(m4, "ava")).toEqual(["earning 2025-09 2000"]);
    expect(m4.agents[0].carry.toDate).toMatchObject({ advancedMinor: 3000, recoveredMinor: 1000, paidMinor: 11000 });
  });

  it("an agent's own draw replaces the plan's; a new hire's draw starts in the first period paid", () => {
    const plan = perTicketPlan();
    const m1 = settle(plan, { period: "2025-06", agents: [agent("ava", 100)] });
    const draw = { amountMinor: 4000, recoverable: false, periods: 1 };
    const m2 = settle(
      plan,
      { period: "2025-07", agents: [agent("ava", 1), agent("nia", 10, { draw })] },
      { previous: m1 },
    );
    expect(lineTexts(m2, "ava")).toEqual(["earning 2025-07 50"]);
    expect(lineTexts(m2, "nia")).toEqual(["earning 2025-07 500", "drawAdvance 2025-07 3500"]);
    expect(m2.agents[1].carry.draw.balanceMinor).toBe(0);
  });
});

describe("settlePayouts: a plan that changes mid-period", () => {
  const v1 = perTicketPlan({ clawback: { policy: "recover" } });
  const v2 = { ...v1, version: 2, components: [{ ...v1.components[0], ratePerUnitMinor: 60 }] };
  const schedule = {
    plans: [
      { plan: v1, from: "2025-07-01", to: "2025-07-14" },
      { plan: v2, from: "2025-07-15", to: "2025-07-31" },
    ],
  };

  it("pays each segment's lines for its share of days, labelled", () => {
    // 200 tickets: v1 10000 × 14/31 = 4516.13 → 4516; v2 12000 × 17/31 = 6580.65 → 6581.
    const july = settle(schedule, { period: "2025-07", agents: [agent("ava", 200)] });
    expect(lineTexts(july, "ava")).toEqual(["earning 2025-07 4516", "earning 2025-07 6581"]);
    expect(july.agents[0].lines[0].segment).toEqual({
      index: 0,
      planVersion: 1,
      from: "2025-07-01",
      to: "2025-07-14",
      days: 14,
      periodDays: 31,
    });
    expect(july.agents[0].lines[1]).toMatchObject({ fullMinor: 12000, segment: { planVersion: 2, days: 17 } });
    expect(july.plans.map((p: Loose) => p.version)).toEqual([1, 2]);
  });

  it("restates a segmented period with the plans it was settled under", () => {
    const july = settle(schedule, { period: "2025-07", agents: [agent("ava", 200)] });
    // 100 tickets: v1 5000 × 14/31 → 2258 (−2258); v2 6000 × 17/31 → 3290 (−3291). August runs on v2 alone.
    const august = settle(
      v2,
      {
        period: "2025-08",
        agents: [agent("ava", 0)],
        restatements: [{ period: "2025-07", agents: [agent("ava", 100)] }],
      },
      { previous: july },
    );
    expect(lineTexts(august, "ava")).toEqual([
      "earning 2025-08 0",
      "adjustment 2025-07 -2258",
      "adjustment 2025-07 -3291",
    ]);
  });
});

describe("settlePayouts: errors, each with its code and JSON pointer", () => {
  const plan = perTicketPlan();
  const june = () => settle(plan, { period: "2025-06", agents: [agent("ava", 100)] });

  it("unknown_period: a restatement of a period the previous settlement does not know", () => {
    expect(
      issuesOf(() =>
        settle(
          plan,
          { period: "2025-07", agents: [], restatements: [{ period: "2025-05", agents: [] }] },
          { previous: june() },
        ),
      ),
    ).toEqual([{ path: "/input/restatements/0/period", code: "unknown_period" }]);
    expect(
      issuesOf(() =>
        settle(plan, { period: "2025-07", agents: [], restatements: [{ period: "2025-06", agents: [] }] }),
      ),
    ).toEqual([{ path: "/input/restatements/0/period", code: "unknown_period" }]);
  });

  it("plan_mismatch: a previous settlement under another plan, or another plan under a used version", () => {
    expect(
      issuesOf(() => settle({ ...plan, id: "other" }, { period: "2025-07", agents: [] }, { previous: june() })),
    ).toEqual([{ path: "/options/previous/planId", code: "plan_mismatch" }]);
    const changed = { ...plan, components: [{ ...plan.components[0], ratePerUnitMinor: 51 }] };
    expect(issuesOf(() => settle(changed, { period: "2025-07", agents: [] }, { previous: june() }))).toEqual([
      { path: "/plan/version", code: "plan_mismatch" },
    ]);
  });

  it("duplicate_period: a period settled twice or restated twice", () => {
    expect(issuesOf(() => settle(plan, { period: "2025-06", agents: [] }, { previous: june() }))).toEqual([
      { path: "/input/period", code: "duplicate_period" },
    ]);
    const r = { period: "2025-06", agents: [] };
    expect(
      issuesOf(() => settle(plan, { period: "2025-07", agents: [], restatements: [r, r] }, { previous: june() })),
    ).toEqual([{ path: "/input/restatements/1/period", code: "duplicate_period" }]);
  });

  it("unknown_agent and duplicate_id", () => {
    const input = {
      period: "2025-07",
      agents: [agent("ava", 1), agent("ava", 2)],
      restatements: [{ period: "2025-06", agents: [agent("zed", 1)] }],
    };
    expect(issuesOf(() => settle(plan, input, { previous: june() }))).toEqual([
      { path: "/input/agents/1/id", code: "duplicate_id" },
      { path: "/input/restatements/0/agents/0/id", code: "unknown_agent" },
    ]);
  });

  it("segment_gap and segment_overlap", () => {
    const v2 = { ...plan, version: 2 };
    const gap = {
      plans: [
        { plan, from: "2025-07-01", to: "2025-07-13" },
        { plan: v2, from: "2025-07-15", to: "2025-07-31" },
      ],
    };
    expect(issuesOf(() => settle(gap, { period: "2025-07", agents: [] }))).toEqual([
      { path: "/plan/plans/1/from", code: "segment_gap" },
    ]);
    const overlap = {
      plans: [
        { plan, from: "2025-07-01", to: "2025-07-15" },
        { plan: v2, from: "2025-07-15", to: "2025-07-31" },
      ],
    };
    expect(issuesOf(() => settle(overlap, { period: "2025-07", agents: [] }))).toEqual([
      { path: "/plan/plans/1/from", code: "segment_overlap" },
    ]);
  });

  it("reports every issue at once: the plan's (under /plan), the input's and the options'", () => {
    const bad = perTicketPlan({ clawback: { policy: "later" } }, { pct: 120, releaseAfterPeriods: 0 });
    expect(issuesOf(() => settle(bad, { period: "", agents: {}, extra: 1 }, { asOf: "soon", trace: true }))).toEqual([
      { path: "/options/trace", code: "unknown_key" },
      { path: "/options/asOf", code: "invalid_option" },
      { path: "/plan/components/0/holdback/pct", code: "out_of_range" },
      { path: "/plan/components/0/holdback/releaseAfterPeriods", code: "out_of_range" },
      { path: "/plan/clawback/policy", code: "invalid_value" },
      { path: "/input/extra", code: "unknown_key" },
      { path: "/input/period", code: "invalid_type" },
      { path: "/input/agents", code: "invalid_type" },
    ]);
  });

  it("a holdback needs pct or amountMinor, not both (validatePlan)", () => {
    const both = perTicketPlan({}, { pct: 10, amountMinor: 5, releaseAfterPeriods: 1 });
    expect(issuesOf(() => settle(both, { period: "2025-06", agents: [] }))).toEqual([
      { path: "/plan/components/0/holdback", code: "invalid_value" },
    ]);
  });

  it("a bad draw on an agent", () => {
    const input = { period: "2025-06", agents: [agent("ava", 1, { draw: { amountMinor: -1, recoverable: "yes" } })] };
    expect(issuesOf(() => settle(plan, input))).toEqual([
      { path: "/input/agents/0/draw/amountMinor", code: "out_of_range" },
      { path: "/input/agents/0/draw/recoverable", code: "invalid_type" },
      { path: "/input/agents/0/draw/periods", code: "missing_key" },
    ]);
  });

  it("metric errors of the evaluation point into the input (missing_value, out_of_range)", () => {
    expect(
      issuesOf(() => settle(plan, { period: "2025-06", agents: [agent("ava", 1), { id: "ben", metrics: {} }] })),
    ).toEqual([{ path: "/input/agents/1/metrics/tickets", code: "missing_value" }]);
    const r = { period: "2025-06", agents: [agent("ava", -3)] };
    expect(
      issuesOf(() => settle(plan, { period: "2025-07", agents: [], restatements: [r] }, { previous: june() })),
    ).toEqual([{ path: "/input/restatements/0/agents/0/metrics/tickets", code: "out_of_range" }]);
  });

  it("a team metric error points at the input's teamMetrics, not at an agent", () => {
    const teamPlan = perTicketPlan({
      teamMetrics: { team_sla: { type: "percent" } },
      teamAwards: [
        {
          id: "pool",
          type: "pool",
          amountMinor: 1000,
          fundedWhen: { teamMetric: "team_sla", op: "gte", value: 95 },
          splitBy: { metric: "tickets" },
        },
      ],
    });
    expect(issuesOf(() => settle(teamPlan, { period: "2025-06", agents: [agent("ava", 1)] }))).toEqual([
      { path: "/input/teamMetrics/team_sla", code: "missing_value" },
    ]);
    expect(
      issuesOf(() =>
        settle(teamPlan, { period: "2025-06", agents: [agent("ava", 1)], teamMetrics: { team_sla: "97" } }),
      ),
    ).toEqual([{ path: "/input/teamMetrics/team_sla", code: "invalid_type" }]);
  });

  it("invalid_value: a previous that is not a settlement", () => {
    expect(issuesOf(() => settle(plan, { period: "2025-07", agents: [] }, { previous: { schema: "x" } }))).toEqual([
      { path: "/options/previous/schema", code: "invalid_value" },
    ]);
  });
});

describe("settlePayouts: purity", () => {
  it("does not mutate its frozen plan, input or previous settlement, and is deterministic", () => {
    const plan = deepFreeze(
      perTicketPlan(
        { clawback: { policy: "carryForward" }, draw: { amountMinor: 100, recoverable: true, periods: 2 } },
        { pct: 10, releaseAfterPeriods: 1 },
      ),
    );
    const june = deepFreeze(settle(plan, deepFreeze({ period: "2025-06", agents: [agent("ava", 100)] })));
    const input = deepFreeze({
      period: "2025-07",
      agents: [agent("ava", 3)],
      restatements: [{ period: "2025-06", agents: [agent("ava", 50)] }],
    });
    const a = settle(plan, input, { previous: june, asOf: "2025-08-02" });
    const b = settle(plan, input, { previous: june, asOf: "2025-08-02" });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.asOf).toBe("2025-08-02");
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });
});
