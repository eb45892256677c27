/**
 * The payout ledger's benchmark data, shared by `ledger.bench.ts`,
 * `scripts/ledger-snapshot.mjs` (outputs before and after a change) and
 * profiling runs: `agents` agents over `months` monthly settlements on the
 * spec's whole plan with a 20 % holdback on the commission, carried-forward
 * clawbacks and a three-month draw for every 50th agent; each month restates
 * the month before for 5 % of agents (late surveys) and the month before that
 * for 1 % (reopened tickets). Deterministic: the same sizes give the same data.
 */
import { planFixture } from "../test/incentives/plan.ts";
import { rng, specPlanMetrics } from "./lib.ts";

export interface LedgerBenchData {
  // biome-ignore lint/suspicious/noExplicitAny: the fixture is edited as JSON
  readonly plan: any;
  /** Each month's input without restatements (what `evaluatePlan` alone is given). */
  readonly months: {
    period: string;
    agents: { id: string; metrics: Record<string, number> }[];
    teamMetrics: Record<string, number>;
  }[];
  /** Each month's settlement input, with its restatements. */
  readonly inputs: {
    period: string;
    agents: { id: string; metrics: Record<string, number> }[];
    teamMetrics: Record<string, number>;
    restatements: { period: string; agents: { id: string; metrics: Record<string, number> }[] }[];
  }[];
}

export function ledgerBenchData(agents = 10_000, monthCount = 12): LedgerBenchData {
  const random = rng(20250701);
  const metrics = (): Record<string, number> => specPlanMetrics(random);
  // biome-ignore lint/suspicious/noExplicitAny: the fixture is edited as JSON
  const plan: any = planFixture();
  plan.components[0].holdback = { pct: 20, releaseAfterPeriods: 2 };
  plan.clawback = { policy: "carryForward", windowPeriods: 6 };
  const ids = Array.from({ length: agents }, (_, i) => `agent-${String(i).padStart(5, "0")}`);
  const drawFor = new Set(ids.filter((_, i) => i % 50 === 0));
  const team = { team_sla_compliance: 96.2 };
  const months = Array.from({ length: monthCount }, (_, m) => ({
    period: `2025-${String(m + 1).padStart(2, "0")}`,
    agents: ids.map((id) => ({
      id,
      metrics: metrics(),
      ...(m === 0 && drawFor.has(id) ? { draw: { amountMinor: 150_000, recoverable: true, periods: 3 } } : {}),
    })),
    teamMetrics: team,
  }));
  const restate = (m: number, share: number) =>
    months[m]!.agents.filter((_, i) => i % share === m % share).map((a) => ({
      id: a.id,
      metrics: {
        ...a.metrics,
        csat_responses: a.metrics["csat_responses"]! + 6,
        tickets_resolved: Math.max(0, a.metrics["tickets_resolved"]! - 1),
      },
    }));
  const inputs = months.map((month, m) => ({
    ...month,
    restatements: [
      ...(m >= 1 ? [{ period: months[m - 1]!.period, agents: restate(m - 1, 20) }] : []),
      ...(m >= 2 ? [{ period: months[m - 2]!.period, agents: restate(m - 2, 100) }] : []),
    ],
  }));
  return { plan, months, inputs };
}
