import { describe, expect, it } from "vitest";
import { evaluatePlan, formatTrace, validatePlan } from "../../src/index.js";
import { deepFreeze, type Loose, minimalPlan } from "./helpers.js";
import { planFixture, planInput } from "./plan.js";

/** The warnings of a plan that must be valid. */
function warnings(plan: unknown): { path: string; code: string; message: string }[] {
  const result = validatePlan(plan);
  if (!result.ok) throw new Error(`expected a valid plan, got ${JSON.stringify(result.issues)}`);
  return [...result.warnings];
}

const codes = (plan: unknown): string[] => warnings(plan).map((w) => `${w.path} ${w.code}`);

const perUnit = (rate: string | number): Loose =>
  minimalPlan({ components: [{ id: "per_ticket", type: "perUnit", basis: "tickets", ratePerUnitMinor: rate }] });

const scorecard = (overrides: Loose = {}, kpi: Loose = {}): Loose =>
  minimalPlan({
    components: [
      {
        id: "quality",
        type: "scorecard",
        targetIncentiveMinor: 40000,
        kpis: [
          {
            id: "qa_kpi",
            metric: "qa",
            weight: 100,
            curve: [
              [80, 50],
              [95, 100],
            ],
            ...kpi,
          },
        ],
        ...overrides,
      },
    ],
  });

const rank = (eligible: Loose): Loose =>
  minimalPlan({
    teamAwards: [
      { id: "top", type: "rank", metric: "tickets", top: 1, eligible, reward: { kind: "cash", amountMinor: 100 } },
    ],
  });

describe("validatePlan warnings: valid but probably wrong", () => {
  it("the spec's plan, the example plan's shape and a minimal plan have none", () => {
    expect(warnings(planFixture())).toEqual([]);
    expect(warnings(minimalPlan())).toEqual([]);
    expect(warnings(perUnit("12.5"))).toEqual([]);
  });

  it("rate_below_minor_unit: a per-unit rate of 0.40 minor units (meant as 0.40 euros or dollars)", () => {
    const [w, ...rest] = warnings(perUnit("0.40"));
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ path: "/components/0/ratePerUnitMinor", code: "rate_below_minor_unit" });
    expect(w!.message).toContain('component "per_ticket"');
    expect(w!.message).toContain('"0.40"');
  });

  it("rate_below_minor_unit: a band rate, at the band's pointer; rates of 0 and exactly 1 are not flagged", () => {
    const plan = minimalPlan({
      components: [
        {
          id: "commission",
          type: "tiered",
          mode: "graduated",
          basis: "tickets",
          target: { value: 100 },
          bands: [
            { fromPct: 0, toPct: 50, ratePerUnitMinor: 0 },
            { fromPct: 50, toPct: 100, ratePerUnitMinor: "0.75" },
            { fromPct: 100, ratePerUnitMinor: 1 },
          ],
        },
      ],
    });
    expect(codes(plan)).toEqual(["/components/0/bands/1/ratePerUnitMinor rate_below_minor_unit"]);
    expect(warnings(plan)[0]!.message).toContain('component "commission" band 1');
  });

  it("percent_as_fraction: a KPI curve on a percent metric with every point within 0–1", () => {
    const plan = scorecard(
      {},
      {
        curve: [
          ["0.7", 50],
          ["0.9", 100],
        ],
      },
    );
    expect(codes(plan)).toEqual(["/components/0/kpis/0/curve percent_as_fraction"]);
    expect(warnings(plan)[0]!.message).toContain('component "quality" KPI "qa_kpi"');
    // The same points on a count metric are not percentages.
    expect(
      codes(
        scorecard(
          {},
          {
            metric: "tickets",
            curve: [
              ["0.7", 50],
              ["0.9", 100],
            ],
          },
        ),
      ),
    ).toEqual([]);
  });

  it("percent_as_fraction: a condition comparing a percent metric with 0–1 values, at the value's pointer", () => {
    const plan = minimalPlan({
      components: [
        {
          id: "kicker",
          type: "flat",
          amountMinor: 5000,
          when: {
            all: [
              { metric: "tickets", op: "gte", value: 1 },
              { metric: "qa", op: "between", value: [0.8, 1] },
            ],
          },
        },
      ],
    });
    expect(codes(plan)).toEqual(["/components/0/when/all/1/value percent_as_fraction"]);
    expect(warnings(plan)[0]!.message).toContain('component "kicker"');
    // qa ≥ 0 is a real (if idle) condition, not a fraction.
    expect(codes(rank({ metric: "qa", op: "gte", value: 0 }))).toEqual([]);
  });

  it("cap_below_target: a scorecard cap below its target incentive, by amount or by percent", () => {
    expect(codes(scorecard({ cap: { amountMinor: 30000 } }))).toEqual([
      "/components/0/cap/amountMinor cap_below_target",
    ]);
    expect(codes(scorecard({ cap: { pctOfTarget: "99.5" } }))).toEqual([
      "/components/0/cap/pctOfTarget cap_below_target",
    ]);
    expect(codes(scorecard({ cap: { amountMinor: 40000, pctOfTarget: 150 } }))).toEqual([]);
    expect(warnings(scorecard({ cap: { amountMinor: 30000 } }))[0]!.message).toContain('component "quality"');
  });

  /** `tickets <op> <value>`. */
  const tickets = (op: string, value: unknown): Loose => ({ metric: "tickets", op, value });

  it.each<[string, Loose, boolean]>([
    ["contradictory comparisons under all", { all: [tickets("gte", 50), tickets("lt", 10)] }, true],
    ["a count below 0", tickets("lt", 0), true],
    ["an any whose every branch is impossible", { any: [tickets("lt", 0), tickets("between", [-5, -1])] }, true],
    ["an open and a closed bound at the same point", { all: [tickets("gt", 10), tickets("lte", 10)] }, true],
    ["an any with one possible branch", { any: [tickets("lt", 0), tickets("eq", 3)] }, false],
    ["a not (never judged)", { not: tickets("gte", 0) }, false],
    ["two closed bounds at the same point", { all: [tickets("gte", 10), tickets("lte", 10)] }, false],
  ])("never_eligible: %s → %s", (_, eligible, flagged) => {
    expect(codes(rank(eligible))).toEqual(flagged ? ["/teamAwards/0/eligible never_eligible"] : []);
    if (flagged) expect(warnings(rank(eligible))[0]!.message).toMatch(/^award "top": no agent can be eligible: /);
  });

  it("never_funded and never_eligible: a pool nobody can share", () => {
    const plan = minimalPlan({
      teamMetrics: { team_sla: { type: "percent" } },
      teamAwards: [
        {
          id: "pool",
          type: "pool",
          amountMinor: 100000,
          fundedWhen: {
            all: [
              { teamMetric: "team_sla", op: "gt", value: 95 },
              { teamMetric: "team_sla", op: "lt", value: 90 },
            ],
          },
          eligible: { metric: "tickets", op: "lt", value: 0 },
          splitBy: { metric: "tickets" },
        },
      ],
    });
    expect(codes(plan)).toEqual(["/teamAwards/0/fundedWhen never_funded", "/teamAwards/0/eligible never_eligible"]);
    expect(warnings(plan).every((w) => w.message.startsWith('award "pool"'))).toBe(true);
  });

  it("never_holds: a component condition that can never hold", () => {
    const plan = minimalPlan({
      components: [{ id: "bonus", type: "flat", amountMinor: 100, when: { metric: "tickets", op: "eq", value: -1 } }],
    });
    expect(codes(plan)).toEqual(["/components/0/when never_holds"]);
  });

  it("zero_target: a scorecard target incentive of 0; a tiered target of 0 stays an issue", () => {
    expect(codes(scorecard({ targetIncentiveMinor: 0 }))).toEqual(["/components/0/targetIncentiveMinor zero_target"]);
    const tiered = minimalPlan({
      components: [
        {
          id: "commission",
          type: "tiered",
          mode: "graduated",
          basis: "tickets",
          target: { value: 0 },
          bands: [{ fromPct: 0, ratePerUnitMinor: 50 }],
        },
      ],
    });
    const result = validatePlan(tiered);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      "/components/0/target/value out_of_range",
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("warnings never block evaluation: the plan pays as written and each trace lists them", () => {
    const plan = deepFreeze(perUnit("0.40"));
    const input = { agents: [{ id: "ava", metrics: { tickets: 10, qa: 90 } }] };
    const plain = evaluatePlan(plan, input);
    expect(plain.agents[0]!.cashMinor).toBe(4);
    expect(plain.agents[0]!.trace).toBeUndefined();
    const traced = evaluatePlan(plan, input, { trace: true });
    expect(traced.agents[0]!.cashMinor).toBe(4);
    expect(traced.agents[0]!.trace!.warnings!.map((w) => w.code)).toEqual(["rate_below_minor_unit"]);
  });

  it("formatTrace shows the warnings at the top of the statement", () => {
    const result = evaluatePlan(
      perUnit("0.40"),
      { agents: [{ id: "ava", metrics: { tickets: 10, qa: 90 } }] },
      { trace: true },
    );
    const lines = formatTrace(result.agents[0]!).split("\n");
    expect(lines[0]).toBe("Statement for ava");
    expect(lines[1]).toMatch(/^Plan warnings/);
    expect(lines[2]).toMatch(
      /^ {2}! rate_below_minor_unit at \/components\/0\/ratePerUnitMinor: component "per_ticket"/,
    );
    // A plan without warnings prints no warning block.
    const clean = evaluatePlan(planFixture(), planInput(), { trace: true });
    expect(formatTrace(clean.agents[0]!)).not.toContain("Plan warnings");
    expect(clean.agents[0]!.trace!.warnings).toBeUndefined();
  });
});

describe("validatePlan: an unknown metric's message suggests the declared ones", () => {
  it("names the nearest declared metric when the name is a likely misspelling", () => {
    const result = validatePlan(
      minimalPlan({
        components: [{ id: "c", type: "perUnit", basis: "tickest", ratePerUnitMinor: 1 }],
      }),
    );
    expect(result.ok ? [] : result.issues).toEqual([
      {
        path: "/components/0/basis",
        code: "unknown_metric",
        message: '"tickest" is not declared in metrics (did you mean "tickets"? declared: tickets, qa)',
      },
    ]);
  });

  it("lists the declared metrics when none is close, and says when none is declared", () => {
    const far = validatePlan(
      minimalPlan({ components: [{ id: "c", type: "perUnit", basis: "zzz", ratePerUnitMinor: 1 }] }),
    );
    expect(far.ok ? "" : far.issues[0]!.message).toBe('"zzz" is not declared in metrics (declared: tickets, qa)');
    const team = validatePlan(
      minimalPlan({
        teamAwards: [
          {
            id: "pool",
            type: "pool",
            amountMinor: 1,
            fundedWhen: { teamMetric: "team_sla", op: "gte", value: 90 },
            splitBy: { metric: "tickets" },
          },
        ],
      }),
    );
    expect(team.ok ? [] : team.issues).toEqual([
      {
        path: "/teamAwards/0/fundedWhen/teamMetric",
        code: "unknown_metric",
        message: '"team_sla" is not declared in teamMetrics (none declared)',
      },
    ]);
  });
});
