/**
 * Generated period sequences for the settlePayouts properties and for
 * `scripts/ledger-snapshot.mjs`: agents joining and leaving, restatements of
 * random earlier periods, every clawback policy, holdbacks and draws.
 */
import fc from "fast-check";
import { settlePayouts } from "../../../src/index.js";
import type { Loose } from "../helpers.js";

export const IDS = ["ava", "ben", "cleo", "dev"];

/** A plan: per-ticket pay with a holdback, a flat kicker on QA, a plan cap, a pool; the policy and draw vary. */
export const planArb = fc
  .record({
    policy: fc.constantFrom("recover", "carryForward", "forgive"),
    window: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    pct: fc.integer({ min: 0, max: 100 }),
    release: fc.integer({ min: 1, max: 3 }),
    draw: fc.option(
      fc.record({
        amountMinor: fc.integer({ min: 0, max: 8000 }),
        recoverable: fc.boolean(),
        periods: fc.integer({ min: 1, max: 4 }),
      }),
      { nil: undefined },
    ),
    cap: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: undefined }),
  })
  .map(
    (o): Loose => ({
      schema: "cs-incentive-plan/1",
      id: "prop",
      version: 1,
      effective: { from: "2025-01-01", to: "2026-12-31" },
      period: { days: 30 },
      currency: { code: "EUR", exponent: 2 },
      rounding: { mode: "halfEven" },
      metrics: { tickets: { type: "count" }, qa: { type: "percent" } },
      teamMetrics: { team_sla: { type: "percent" } },
      components: [
        {
          id: "per_ticket",
          type: "perUnit",
          basis: "tickets",
          ratePerUnitMinor: "37.5",
          holdback: { pct: o.pct, releaseAfterPeriods: o.release },
        },
        { id: "kicker", type: "flat", amountMinor: 1500, when: { metric: "qa", op: "gte", value: 90 } },
      ],
      ...(o.cap === undefined ? {} : { planCap: { amountMinor: o.cap } }),
      teamAwards: [
        {
          id: "pool",
          type: "pool",
          amountMinor: 1001,
          fundedWhen: { teamMetric: "team_sla", op: "gte", value: 95 },
          splitBy: { metric: "tickets" },
        },
      ],
      clawback: { policy: o.policy, ...(o.window === undefined ? {} : { windowPeriods: o.window }) },
      ...(o.draw ? { draw: o.draw } : {}),
    }),
  );

const metricsArb = fc.record({ tickets: fc.integer({ min: 0, max: 300 }), qa: fc.integer({ min: 80, max: 100 }) });
export const periodArb = fc.record({
  agents: fc.subarray(IDS, { minLength: 1 }),
  metrics: fc.array(metricsArb, { minLength: 4, maxLength: 4 }),
  teamSla: fc.constantFrom(90, 96),
  restate: fc.array(
    fc.record({
      back: fc.integer({ min: 1, max: 4 }),
      who: fc.subarray(IDS),
      metrics: fc.array(metricsArb, { minLength: 4, maxLength: 4 }),
      teamSla: fc.option(fc.constantFrom(90, 96), { nil: undefined }),
    }),
    { maxLength: 2 },
  ),
});

export interface Run {
  settlements: Loose[];
  inputs: Loose[];
  /** Each period's final data, as the oracle sees it. */
  finals: Map<string, { agents: Loose[]; teamMetrics: Loose }>;
}

/**
 * Settles a generated sequence, building valid restatements of earlier periods.
 * `planOf(k)`, when given, is the plan or plan schedule of the k-th period (default: `plan`).
 */
export function run(plan: Loose, periods: Loose[], planOf: (k: number) => Loose = () => plan): Run {
  const settlements: Loose[] = [];
  const inputs: Loose[] = [];
  const finals = new Map<string, { agents: Loose[]; teamMetrics: Loose }>();
  periods.forEach((p, k) => {
    const label = `P${String(k + 1).padStart(2, "0")}`;
    const agents = p.agents.map((id: string) => ({ id, metrics: p.metrics[IDS.indexOf(id)] }));
    const restatements: Loose[] = [];
    const seen = new Set<string>();
    for (const r of p.restate) {
      const target = k - r.back;
      if (target < 0) continue;
      const period = `P${String(target + 1).padStart(2, "0")}`;
      if (seen.has(period)) continue;
      seen.add(period);
      const final = finals.get(period)!;
      const who = final.agents.filter((a) => r.who.includes(a.id));
      const restated = who.map((a) => ({ id: a.id, metrics: r.metrics[IDS.indexOf(a.id)] }));
      restatements.push({
        period,
        agents: restated,
        ...(r.teamSla === undefined ? {} : { teamMetrics: { team_sla: r.teamSla } }),
      });
    }
    const input = {
      period: label,
      agents,
      teamMetrics: { team_sla: p.teamSla },
      ...(restatements.length ? { restatements } : {}),
    };
    const previous = settlements[settlements.length - 1];
    settlements.push(settlePayouts(planOf(k), input, previous ? { previous } : undefined));
    inputs.push(input);
    for (const r of restatements) {
      const final = finals.get(r.period)!;
      final.agents = final.agents.map((a) => r.agents.find((x: Loose) => x.id === a.id) ?? a);
      if (r.teamMetrics) final.teamMetrics = r.teamMetrics;
    }
    finals.set(label, { agents, teamMetrics: { team_sla: p.teamSla } });
  });
  return { settlements, inputs, finals };
}

export const sequence = fc.tuple(planArb, fc.array(periodArb, { minLength: 1, maxLength: 6 }));
