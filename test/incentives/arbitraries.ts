/**
 * fast-check arbitraries for incentive plans: valid plans of every component
 * and award type, and team inputs that fit them.
 */
import fc from "fast-check";
import type { Loose } from "./helpers.js";

/** The metrics every generated plan declares: counts, percentages, a lower-is-better duration, active days. */
export const COUNTS = ["tickets", "responses", "escalations"] as const;
export const PERCENTS = ["csat", "qa", "sla"] as const;
export const METRICS: Loose = {
  tickets: { type: "count" },
  responses: { type: "count" },
  escalations: { type: "count" },
  csat: { type: "percent" },
  qa: { type: "percent" },
  sla: { type: "percent" },
  frt: { type: "minutes", better: "lower" },
  active_days: { type: "days" },
};
const ALL = [...COUNTS, ...PERCENTS, "frt", "active_days"];

/** A plan number: an integer or a decimal string with up to two places. */
const exactNumber = (min: number, max: number): fc.Arbitrary<number | string> =>
  fc.integer({ min: min * 100, max: max * 100 }).map((c) => (c % 100 === 0 ? c / 100 : (c / 100).toFixed(2)));

/** Strictly increasing integers from `lo` (exclusive) to `hi`, `count` of them. */
const increasing = (count: number, lo: number, hi: number): fc.Arbitrary<number[]> =>
  fc
    .uniqueArray(fc.integer({ min: lo + 1, max: hi }), { minLength: count, maxLength: count })
    .map((xs) => [...xs].sort((a, b) => a - b));

export const condition: fc.Arbitrary<Loose> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("compare"),
    fc.record({ all: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("node") }),
  ),
  compare: fc.oneof(
    fc.record({
      metric: fc.constantFrom(...ALL),
      op: fc.constantFrom("eq", "ne", "lt", "lte", "gt", "gte"),
      value: fc.oneof(
        fc.integer({ min: 0, max: 100 }),
        exactNumber(0, 100),
        fc.double({ min: 0, max: 100, noNaN: true }),
      ),
    }),
    fc
      .tuple(fc.constantFrom(...ALL), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .map(([metric, a, b]) => ({ metric, op: "between", value: [Math.min(a, b), Math.max(a, b)] })),
    fc.record({
      metric: fc.constantFrom(...ALL),
      op: fc.constant("in"),
      value: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 3 }),
    }),
  ),
})).node;

/** Bands contiguous from 0, the last open-ended. */
export const bands: fc.Arbitrary<Loose[]> = fc
  .integer({ min: 1, max: 4 })
  .chain((k) => fc.tuple(increasing(k - 1, 0, 300), fc.array(exactNumber(0, 200), { minLength: k, maxLength: k })))
  .map(([cuts, rates]) => {
    const edges = [0, ...cuts];
    return rates.map((rate, i) =>
      i < edges.length - 1
        ? { fromPct: edges[i], toPct: edges[i + 1], ratePerUnitMinor: String(rate) }
        : { fromPct: edges[i], ratePerUnitMinor: String(rate) },
    );
  });

/** A monotone curve: x strictly improving (falling when `lower`), y never falling. */
export const curve = (lower: boolean): fc.Arbitrary<[number, number][]> =>
  fc
    .integer({ min: 1, max: 4 })
    .chain((k) =>
      fc.tuple(
        increasing(k, -1, 100),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: k, maxLength: k }).map((ys) => {
          let acc = 0;
          return ys.map((y) => (acc += y));
        }),
      ),
    )
    .map(([xs, ys]) => (lower ? [...xs].reverse() : xs).map((x, i) => [x, ys[i]!] as [number, number]));

/** Integer weights summing to 100. */
const weights = (k: number): fc.Arbitrary<number[]> =>
  increasing(k - 1, 0, 99).map((cuts) => {
    const edges = [0, ...cuts, 100];
    return edges.slice(1).map((e, i) => e - edges[i]!);
  });

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o)) if ((o as Loose)[k] === undefined) delete (o as Loose)[k];
  return o;
}

const tiered = fc
  .record({
    mode: fc.constantFrom("graduated", "retroactive"),
    basis: fc.constantFrom(...COUNTS),
    target: fc.record({ value: exactNumber(1, 1000), prorate: fc.boolean() }),
    bands,
    cap: optional(fc.record({ amountMinor: fc.integer({ min: 0, max: 100_000 }) })),
    when: optional(condition),
  })
  .map((c) => clean({ type: "tiered", ...c }));

const scorecard = fc
  .integer({ min: 1, max: 4 })
  .chain((k) =>
    fc.record({
      targetIncentiveMinor: fc.integer({ min: 0, max: 100_000 }),
      prorate: fc.boolean(),
      kpis: fc.tuple(
        weights(k),
        fc.array(
          fc.record({
            metric: fc.constantFrom(...PERCENTS, "frt"),
            gate: optional(fc.record({ when: condition, reason: fc.constant("min_sample") })),
          }),
          { minLength: k, maxLength: k },
        ),
      ),
      gate: optional(fc.record({ minWeightedPct: exactNumber(0, 100) })),
      payoutCurve: optional(curve(false)),
      cap: optional(
        fc.oneof(
          fc.record({ amountMinor: fc.integer({ min: 0, max: 100_000 }) }),
          fc.record({ pctOfTarget: exactNumber(0, 300) }),
        ),
      ),
    }),
  )
  .chain(({ kpis: [ws, ks], ...rest }) =>
    fc.tuple(...ks.map((k) => curve(k.metric === "frt"))).map((curves) =>
      clean({
        type: "scorecard",
        ...rest,
        kpis: ks.map((k, i) =>
          clean({ id: `k${i}`, metric: k.metric, weight: ws[i]!, curve: curves[i]!, gate: k.gate }),
        ),
      }),
    ),
  );

const flat = fc
  .record({ amountMinor: fc.integer({ min: 0, max: 50_000 }), prorate: fc.boolean(), when: optional(condition) })
  .map((c) => clean({ type: "flat", ...c }));

const perUnit = fc
  .record({
    basis: fc.constantFrom(...COUNTS),
    ratePerUnitMinor: exactNumber(0, 100).map(String),
    cap: optional(fc.record({ amountMinor: fc.integer({ min: 0, max: 100_000 }) })),
    when: optional(condition),
  })
  .map((c) => clean({ type: "perUnit", ...c }));

const rank = fc
  .record({
    metric: fc.constantFrom(...COUNTS, ...PERCENTS),
    order: fc.constantFrom("asc", "desc"),
    top: fc.integer({ min: 1, max: 4 }),
    eligible: optional(condition),
    tieBreakers: optional(
      fc.array(fc.record({ metric: fc.constantFrom(...PERCENTS), order: fc.constantFrom("asc", "desc") }), {
        maxLength: 2,
      }),
    ),
    tiePolicy: fc.constantFrom("includeAllTiedAtCutoff", "excludeAllTiedAtCutoff"),
    reward: fc.oneof(
      fc.record({ kind: fc.constant("cash"), amountMinor: fc.integer({ min: 0, max: 20_000 }) }),
      fc.record({
        kind: fc.constantFrom("paidTimeOff", "giftCard"),
        quantity: fc.integer({ min: 1, max: 3 }),
        unit: fc.constant("day"),
        costModelMinor: fc.integer({ min: 0, max: 30_000 }),
      }),
    ),
  })
  .map((a) => clean({ type: "rank", ...a }));

const pool = fc
  .record({
    amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
    fundedWhen: optional(fc.constant({ teamMetric: "team_sla", op: "gte", value: 90 })),
    eligible: optional(condition),
    splitBy: fc.record({ metric: fc.constantFrom(...COUNTS, ...PERCENTS) }),
  })
  .map((a) => clean({ type: "pool", ...a }));

/** A valid plan with 0–4 components and 0–2 awards, every type represented across runs. */
export const validPlan: fc.Arbitrary<Loose> = fc
  .record({
    components: fc.array(fc.oneof(tiered, scorecard, flat, perUnit), { maxLength: 4 }),
    awards: fc.array(fc.oneof(rank, pool), { maxLength: 2 }),
    planCap: optional(fc.record({ amountMinor: fc.integer({ min: 0, max: 200_000 }) })),
    mode: fc.constantFrom("halfAwayFromZero", "halfEven", "down", "up"),
  })
  .map(({ components, awards, planCap, mode }) =>
    clean({
      schema: "cs-incentive-plan/1",
      id: "generated",
      version: 1,
      effective: { from: "2025-06-01", to: "2025-06-30" },
      period: { days: 30 },
      currency: { code: "USD", exponent: 2 },
      rounding: { mode },
      metrics: METRICS,
      teamMetrics: { team_sla: { type: "percent" } },
      proration: { activeDaysMetric: "active_days" },
      components: components.map((c, i) => ({ id: `c${i}`, ...c })),
      planCap,
      teamAwards: awards.map((a, i) => ({ id: `a${i}`, ...a })),
    }),
  );

/** One agent's metrics for the generated plans (one-decimal percentages, whole counts). */
export const agentMetrics: fc.Arbitrary<Record<string, number>> = fc.record({
  tickets: fc.integer({ min: 0, max: 1000 }),
  responses: fc.integer({ min: 0, max: 100 }),
  escalations: fc.integer({ min: 0, max: 10 }),
  csat: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
  qa: fc.integer({ min: 0, max: 100 }),
  sla: fc.integer({ min: 0, max: 1000 }).map((x) => x / 10),
  frt: fc.integer({ min: 0, max: 1200 }).map((x) => x / 10),
  active_days: fc.integer({ min: 0, max: 30 }),
});

/** A team of 1–10 agents with unique ids and a team SLA. */
export const team = fc.record({
  agents: fc
    .uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 1, maxLength: 10 })
    .chain((ids) => fc.tuple(...ids.map((id) => agentMetrics.map((metrics) => ({ id, metrics }))))),
  teamMetrics: fc.record({ team_sla: fc.integer({ min: 850, max: 1000 }).map((x) => x / 10) }),
});
