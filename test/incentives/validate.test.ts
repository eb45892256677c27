import { describe, expect, it } from "vitest";
import { PlanValidationError, validatePlan } from "../../src/index.js";
import { deepFreeze, type Loose, minimalPlan } from "./helpers.js";
import { planFixture } from "./plan.js";

type Json = Loose;

/** The plan fixture with one change made by `edit`. */
function edited(edit: (plan: Loose) => void): unknown {
  const plan: Loose = planFixture();
  edit(plan);
  return plan;
}

function issues(plan: unknown): { path: string; code: string }[] {
  const result = validatePlan(plan);
  return result.ok ? [] : result.issues.map(({ path, code }) => ({ path, code }));
}

describe("validatePlan", () => {
  it("accepts the spec's plan and returns the same object, typed", () => {
    const plan = planFixture();
    const result = validatePlan(plan);
    expect(result.ok).toBe(true);
    expect(result.ok && result.plan).toBe(plan);
  });

  // Each rejection docs/spec/INCENTIVES.md §9 lists, with its JSON pointer.
  it.each<[string, (p: Loose) => void, string, string]>([
    [
      "an unknown metric in a condition",
      (p) => ((p.teamAwards[1] as Json).eligible = { metric: "active_dayz", op: "gte", value: 10 }),
      "/teamAwards/1/eligible/metric",
      "unknown_metric",
    ],
    ["an unknown basis", (p) => (p.components[0]!.basis = "tickets"), "/components/0/basis", "unknown_metric"],
    [
      "an unknown team metric",
      (p) => ((p.teamAwards[1] as Json).fundedWhen = { teamMetric: "team_csat", op: "gte", value: 95 }),
      "/teamAwards/1/fundedWhen/teamMetric",
      "unknown_metric",
    ],
    [
      "KPI weights not summing to 100",
      (p) => ((p.components[1]!.kpis as Json[])[2]!.weight = 20),
      "/components/1/kpis",
      "weights_not_100",
    ],
    [
      "a non-monotone curve (better: lower must fall)",
      (p) =>
        ((p.components[1]!.kpis as Json[])[2]!.curve = [
          [60, 50],
          [70, 100],
          [15, 150],
        ]),
      "/components/1/kpis/2/curve/1/0",
      "non_monotone_curve",
    ],
    [
      "a falling score on a curve",
      (p) =>
        ((p.components[1]!.kpis as Json[])[0]!.curve = [
          [80, 50],
          [90, 40],
          [95, 150],
        ]),
      "/components/1/kpis/0/curve/1/1",
      "non_monotone_curve",
    ],
    [
      "a gap between bands",
      (p) => ((p.components[0]!.bands as Json[])[1]!.fromPct = 55),
      "/components/0/bands/1/fromPct",
      "band_gap",
    ],
    [
      "an overlap between bands",
      (p) => ((p.components[0]!.bands as Json[])[2]!.fromPct = 90),
      "/components/0/bands/2/fromPct",
      "band_overlap",
    ],
    [
      "bands not starting at 0",
      (p) => ((p.components[0]!.bands as Json[])[0]!.fromPct = 10),
      "/components/0/bands/0/fromPct",
      "band_gap",
    ],
    [
      "a closed last band",
      (p) => ((p.components[0]!.bands as Json[])[2]!.toPct = 200),
      "/components/0/bands/2/toPct",
      "band_not_open_ended",
    ],
    ["top < 1", (p) => (p.teamAwards[0]!.top = 0), "/teamAwards/0/top", "out_of_range"],
    [
      "a negative amount",
      (p) => (p.components[2]!.amountMinor = -7500),
      "/components/2/amountMinor",
      "negative_amount",
    ],
    [
      "a negative rate",
      (p) => ((p.components[0]!.bands as Json[])[0]!.ratePerUnitMinor = "-50"),
      "/components/0/bands/0/ratePerUnitMinor",
      "negative_amount",
    ],
    [
      "an unknown component type",
      (p) => (p.components[2]!.type = "bonus"),
      "/components/2/type",
      "unknown_component_type",
    ],
    ["an unknown award type", (p) => (p.teamAwards[1]!.type = "lottery"), "/teamAwards/1/type", "unknown_award_type"],
    [
      "a float rate",
      (p) => ((p.components[0]!.bands as Json[])[2]!.ratePerUnitMinor = 112.5),
      "/components/0/bands/2/ratePerUnitMinor",
      "invalid_rate",
    ],
    [
      "a rate in exponent form",
      (p) => ((p.components[0]!.bands as Json[])[2]!.ratePerUnitMinor = "1.125e2"),
      "/components/0/bands/2/ratePerUnitMinor",
      "invalid_rate",
    ],
    ["an unknown key", (p) => (p.components[2]!.amount = 7500), "/components/2/amount", "unknown_key"],
    ["a wrong type", (p) => (p.version = "3"), "/version", "invalid_type"],
    ["a fractional amount", (p) => (p.components[2]!.amountMinor = 7500.5), "/components/2/amountMinor", "not_integer"],
    ["a duplicate id", (p) => (p.teamAwards[1]!.id = "quality_kicker"), "/teamAwards/1/id", "duplicate_id"],
    ["a bad currency code", (p) => (p.currency = { code: "usd", exponent: 2 }), "/currency/code", "invalid_currency"],
    [
      "a bad currency exponent",
      (p) => (p.currency = { code: "USD", exponent: 2.5 }),
      "/currency/exponent",
      "invalid_currency",
    ],
    ["a bad rounding mode", (p) => (p.rounding = { mode: "bankers" }), "/rounding/mode", "invalid_rounding_mode"],
    ["a bad date", (p) => (p.effective = { from: "2025-06-31", to: "2025-06-30" }), "/effective/from", "invalid_date"],
    [
      "an unknown operator",
      (p) => ((p.teamAwards[1] as Json).eligible = { metric: "active_days", op: "gteq", value: 1 }),
      "/teamAwards/1/eligible/op",
      "invalid_operator",
    ],
    [
      "between with lo > hi",
      (p) => (p.components[2]!.when = { metric: "qa_score", op: "between", value: [100, 85] }),
      "/components/2/when/value/1",
      "out_of_range",
    ],
    ["an empty all", (p) => (p.components[2]!.when = { all: [] }), "/components/2/when/all", "empty_condition"],
    [
      "an agent metric in a funding condition",
      (p) => ((p.teamAwards[1] as Json).fundedWhen = { metric: "qa_score", op: "gte", value: 95 }),
      "/teamAwards/1/fundedWhen/metric",
      "team_condition_reads_agent_metric",
    ],
    [
      "proration asked for without proration",
      (p) => delete p.proration,
      "/components/0/target/prorate",
      "proration_not_configured",
    ],
    ["a missing required key", (p) => delete p.components[1]!.kpis, "/components/1/kpis", "missing_key"],
    // From JS a required key can be present and hold undefined: as missing as an absent one.
    [
      "a required key set to undefined",
      (p) => (p.components[1]!.kpis = undefined),
      "/components/1/kpis",
      "missing_key",
    ],
    ["the schema set to undefined", (p) => ((p as Json).schema = undefined), "/schema", "missing_key"],
    [
      "a percentage cap on a tiered component",
      (p) => (p.components[0]!.cap = { pctOfTarget: 150 }),
      "/components/0/cap/pctOfTarget",
      "invalid_cap",
    ],
    [
      "a metric of unknown type",
      (p) => ((p.metrics as Json).qa_score = { type: "grade" }),
      "/metrics/qa_score/type",
      "invalid_value",
    ],
    ["the wrong schema", (p) => (p.schema = "cs-incentive-plan/2"), "/schema", "invalid_value"],
  ])("rejects %s at its path", (_what, edit, path, code) => {
    expect(issues(edited(edit))).toContainEqual({ path, code });
  });

  it("reports every problem, not the first", () => {
    const plan = edited((p) => {
      p.components[0]!.basis = "tix";
      (p.components[0]!.bands as Json[])[1]!.fromPct = 55;
      p.teamAwards[0]!.top = 0;
      p.components[2]!.amountMinor = -1;
    });
    expect(issues(plan)).toEqual([
      { path: "/components/0/basis", code: "unknown_metric" },
      { path: "/components/0/bands/1/fromPct", code: "band_gap" },
      { path: "/components/2/amountMinor", code: "negative_amount" },
      { path: "/teamAwards/0/top", code: "out_of_range" },
    ]);
  });

  it("rejects prototype keys anywhere (JSON-parsed own keys) and pollutes nothing", () => {
    const text = JSON.stringify(planFixture()).replace(
      '"metrics":{',
      '"metrics":{"__proto__":{"polluted":{"type":"count"}},"constructor":{"type":"count"},',
    );
    const plan = JSON.parse(text.replace('"bands":[', '"prototype":1,"bands":['));
    expect(Object.hasOwn(plan.metrics, "__proto__")).toBe(true);
    const found = issues(plan).filter((i) => i.code === "prototype_key");
    expect(found.map((i) => i.path)).toEqual(["/metrics/__proto__", "/metrics/constructor", "/components/0/prototype"]);
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("rejects an object whose prototype is not Object.prototype", () => {
    const plan = planFixture();
    const sneaky = Object.create({ planCap: { amountMinor: 1 } });
    Object.assign(sneaky, plan);
    expect(issues(sneaky)).toContainEqual({ path: "", code: "not_plain_object" });
  });

  it("escapes JSON pointers (RFC 6901)", () => {
    const plan = minimalPlan({ metrics: { "a/b~c": { type: "grade" } } });
    expect(issues(plan)).toContainEqual({ path: "/metrics/a~1b~0c/type", code: "invalid_value" });
  });

  it("rejects non-objects at the root", () => {
    expect(issues(null)).toEqual([{ path: "", code: "invalid_type" }]);
    expect(issues([])).toEqual([{ path: "", code: "invalid_type" }]);
  });

  it("rejects conditions nested deeper than 32 levels (and does not overflow the stack)", () => {
    let node: Json = { metric: "qa", op: "gte", value: 1 };
    for (let i = 0; i < 40; i++) node = { not: node };
    const plan = minimalPlan({ components: [{ id: "f", type: "flat", amountMinor: 1, when: node }] });
    expect(issues(plan).map((i) => i.code)).toContain("too_deep");
  });

  it("does not mutate the plan (frozen)", () => {
    const plan = deepFreeze(planFixture());
    expect(validatePlan(plan).ok).toBe(true);
    const bad = deepFreeze({ ...planFixture(), version: 0 });
    expect(validatePlan(bad).ok).toBe(false);
  });

  it("PlanValidationError carries every issue and the first in its message", () => {
    const result = validatePlan(edited((p) => (p.components[2]!.amountMinor = -1)));
    const error = new PlanValidationError(result.ok ? [] : result.issues);
    expect(error.code).toBe("invalid_plan");
    expect(error.message).toContain("/components/2/amountMinor");
  });
});

describe("validatePlan with shared and cyclic objects", () => {
  it("reports a prototype key at every place a shared object appears (shrunk counterexample)", () => {
    const funded: Loose = { teamMetric: "team_sla_compliance", op: "gte", value: 95 };
    Object.defineProperty(funded, "constructor", { value: {}, enumerable: true });
    const plan: Loose = planFixture();
    plan.teamAwards[1].fundedWhen = funded;
    plan.teamAwards.push({ ...plan.teamAwards[1], id: "second_pool" });
    const paths = issues(plan).map((i) => i.path);
    expect(paths).toContain("/teamAwards/1/fundedWhen/constructor");
    expect(paths).toContain("/teamAwards/2/fundedWhen/constructor");
  });

  it("cuts a cycle instead of looping", () => {
    const plan: Loose = planFixture();
    plan.description = { self: plan };
    expect(issues(plan)).toContainEqual({ path: "/description", code: "invalid_type" });
  });
});
