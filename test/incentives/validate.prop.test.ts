import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../src/index.js";
import { validPlan } from "./arbitraries.js";
import type { Loose } from "./helpers.js";

/** Every object in a plan with its JSON pointer. */
function objects(value: Loose, path = ""): [string, Loose][] {
  if (value === null || typeof value !== "object") return [];
  const here: [string, Loose][] = Array.isArray(value) ? [] : [[path, value]];
  return [...here, ...Object.keys(value).flatMap((k) => objects(value[k], `${path}/${k}`))];
}

const get = (plan: Loose, path: string): Loose =>
  path
    .split("/")
    .slice(1)
    .reduce((o, k) => o[k], plan);

/**
 * Single-point corruptions: each picks a spot in the plan (by `pick`, from the
 * places it applies), breaks it, and returns the JSON pointer where an issue
 * must be reported. `null` when the plan has no place for this corruption.
 */
const corruptions: ((plan: Loose, pick: number) => string | null)[] = [
  // An unknown key on any object.
  (plan, pick) => {
    const all = objects(plan);
    const [path, o] = all[pick % all.length]!;
    o.unexpected = 1;
    return `${path}/unexpected`;
  },
  // A prototype key, as JSON.parse makes it: an own "__proto__" property.
  (plan, pick) => {
    const all = objects(plan);
    const [path, o] = all[pick % all.length]!;
    const key = ["__proto__", "constructor", "prototype"][pick % 3]!;
    Object.defineProperty(o, key, { value: {}, enumerable: true, configurable: true, writable: true });
    return `${path}/${key}`;
  },
  // An unknown metric wherever a metric is named.
  (plan, pick) => {
    const refs = objects(plan).filter(([, o]) => typeof o.metric === "string" || typeof o.basis === "string");
    if (refs.length === 0) return null;
    const [path, o] = refs[pick % refs.length]!;
    const key = typeof o.metric === "string" ? "metric" : "basis";
    o[key] = "no_such_metric";
    return `${path}/${key}`;
  },
  // A float where a rate belongs.
  (plan, pick) => {
    const rates = objects(plan).filter(([, o]) => o.ratePerUnitMinor !== undefined);
    if (rates.length === 0) return null;
    const [path, o] = rates[pick % rates.length]!;
    o.ratePerUnitMinor = 12.25;
    return `${path}/ratePerUnitMinor`;
  },
  // A negative amount.
  (plan, pick) => {
    const amounts = objects(plan).filter(([, o]) => typeof o.amountMinor === "number");
    if (amounts.length === 0) return null;
    const [path, o] = amounts[pick % amounts.length]!;
    o.amountMinor = -1 - o.amountMinor;
    return `${path}/amountMinor`;
  },
  // An unknown component or award type.
  (plan, pick) => {
    const typed = [
      ...plan.components.map((_: Loose, i: number) => `/components/${i}`),
      ...plan.teamAwards.map((_: Loose, i: number) => `/teamAwards/${i}`),
    ];
    if (typed.length === 0) return null;
    const path = typed[pick % typed.length]!;
    get(plan, path).type = "mystery";
    return `${path}/type`;
  },
  // A gap between bands (or a first band not at 0).
  (plan, pick) => {
    const tiered = plan.components.map((c: Loose, i: number) => [i, c]).filter(([, c]: Loose) => c.type === "tiered");
    if (tiered.length === 0) return null;
    const [i, c] = tiered[pick % tiered.length];
    const j = pick % c.bands.length;
    c.bands[j].fromPct = Number(c.bands[j].fromPct) + 1;
    return `/components/${i}/bands/${j}/fromPct`;
  },
  // KPI weights off 100.
  (plan, pick) => {
    const cards = plan.components.map((c: Loose, i: number) => [i, c]).filter(([, c]: Loose) => c.type === "scorecard");
    if (cards.length === 0) return null;
    const [i, c] = cards[pick % cards.length];
    c.kpis[0].weight = Number(c.kpis[0].weight) + 1;
    return `/components/${i}/kpis`;
  },
  // A curve whose values go the wrong way.
  (plan, pick) => {
    const cards = plan.components.map((c: Loose, i: number) => [i, c]).filter(([, c]: Loose) => c.type === "scorecard");
    if (cards.length === 0) return null;
    const [i, c] = cards[pick % cards.length];
    const k = pick % c.kpis.length;
    const points = c.kpis[k].curve;
    points.push([points[points.length - 1][0], points[points.length - 1][1]]);
    return `/components/${i}/kpis/${k}/curve/${points.length - 1}/0`;
  },
  // top < 1.
  (plan, pick) => {
    const ranks = plan.teamAwards.map((a: Loose, i: number) => [i, a]).filter(([, a]: Loose) => a.type === "rank");
    if (ranks.length === 0) return null;
    const [i, a] = ranks[pick % ranks.length];
    a.top = 0;
    return `/teamAwards/${i}/top`;
  },
  // A duplicate id.
  (plan) => {
    const ids = [
      ...plan.components.map((_: Loose, i: number) => `/components/${i}`),
      ...plan.teamAwards.map((_: Loose, i: number) => `/teamAwards/${i}`),
    ];
    if (ids.length < 2) return null;
    get(plan, ids[1]).id = get(plan, ids[0]).id;
    return `${ids[1]}/id`;
  },
  // Bad currency, rounding, version, dates.
  (plan, pick) => {
    const spots: [string, () => void][] = [
      ["/currency/code", () => (plan.currency.code = "Dollars")],
      ["/currency/exponent", () => (plan.currency.exponent = -1)],
      ["/rounding/mode", () => (plan.rounding.mode = "nearest")],
      ["/version", () => (plan.version = 1.5)],
      ["/effective/to", () => (plan.effective.to = "2025-02-30")],
      ["/period/days", () => (plan.period.days = 0)],
    ];
    const [path, apply] = spots[pick % spots.length]!;
    apply();
    return path;
  },
  // A bad operator in any comparison.
  (plan, pick) => {
    const comparisons = objects(plan).filter(([, o]) => typeof o.op === "string");
    if (comparisons.length === 0) return null;
    const [path, o] = comparisons[pick % comparisons.length]!;
    o.op = "approximately";
    return `${path}/op`;
  },
];

describe("validatePlan properties", () => {
  it("accepts every plan from the generator of valid plans", () => {
    fc.assert(
      fc.property(validPlan, (plan) => {
        const result = validatePlan(plan);
        expect(result.ok ? [] : result.issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects every single-point corruption of a valid plan with an issue at the right path", () => {
    fc.assert(
      fc.property(validPlan, fc.integer({ min: 0, max: corruptions.length - 1 }), fc.nat(1000), (plan, which, pick) => {
        const copy = structuredClone(plan);
        const path = corruptions[which]!(copy, pick);
        fc.pre(path !== null);
        const result = validatePlan(copy);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
      }),
      { numRuns: 500 },
    );
  });

  it("never pollutes Object.prototype, whatever prototype keys a plan carries", () => {
    fc.assert(
      fc.property(validPlan, fc.constantFrom("__proto__", "constructor", "prototype"), (plan, key) => {
        const text = JSON.stringify(plan).replace('"metrics":{', `"metrics":{"${key}":{"polluted":{"type":"count"}},`);
        const result = validatePlan(JSON.parse(text));
        expect(result.ok).toBe(false);
        expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
        expect(({} as Loose).polluted).toBeUndefined();
      }),
    );
  });
});
