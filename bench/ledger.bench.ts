/**
 * The payout ledger: 10 000 agents over 12 monthly settlements with
 * restatements (each month restates the month before for 5 % of agents, late
 * surveys, and the month before that for 1 %, reopened tickets), on the spec's
 * whole plan with a 20 % holdback on the commission, carried-forward clawbacks
 * and a three-month draw for new hires. Against `evaluatePlan` alone on the
 * same 12 months, and against the 23 evaluations the ledger needs (12 months
 * and 11 restated months re-evaluated whole). Target: the ledger costs little
 * more than those evaluations.
 */
import { evaluatePlan, type Settlement, settlePayouts } from "../dist/index.js";
import { planFixture } from "../test/incentives/plan.ts";
import { type BenchSection, rng } from "./lib.ts";

const random = rng(20250701);
const AGENTS = 10_000;
const MONTHS = 12;

function metrics(): Record<string, number> {
  return {
    tickets_resolved: Math.floor(random() * 700),
    csat_score: Math.round(700 + random() * 300) / 10,
    csat_responses: Math.floor(random() * 80),
    sla_compliance: Math.round(850 + random() * 150) / 10,
    frt_median_min: Math.round(random() * 900) / 10,
    qa_score: Math.floor(70 + random() * 31),
    escalations: Math.floor(random() * 6),
    active_days: 10 + Math.floor(random() * 21),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the fixture is edited as JSON
const plan: any = planFixture();
plan.components[0].holdback = { pct: 20, releaseAfterPeriods: 2 };
plan.clawback = { policy: "carryForward", windowPeriods: 6 };
const ids = Array.from({ length: AGENTS }, (_, i) => `agent-${String(i).padStart(5, "0")}`);
const drawFor = new Set(ids.filter((_, i) => i % 50 === 0));
const team = { team_sla_compliance: 96.2 };
const months = Array.from({ length: MONTHS }, (_, m) => ({
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

function ledger(): Settlement {
  let previous: Settlement | undefined;
  for (const input of inputs) previous = settlePayouts(plan, input, previous ? { previous } : undefined);
  return previous!;
}

function evaluationsAlone(): number {
  let cash = 0;
  for (const month of months) cash += evaluatePlan(plan, month).totals.cashMinor;
  return cash;
}

function evaluationsNeeded(): number {
  let cash = 0;
  for (let m = 0; m < MONTHS; m++) {
    cash += evaluatePlan(plan, months[m]!).totals.cashMinor;
    if (m >= 1) cash += evaluatePlan(plan, months[m - 1]!).totals.cashMinor;
  }
  return cash;
}

export async function sections(): Promise<BenchSection[]> {
  // Sanity before timing: the ledger pays every month's earnings.
  const last = ledger();
  if (last.periods.length !== MONTHS) throw new Error("ledger did not settle 12 months");
  return [
    {
      title: "Payout ledger: 10 000 agents, 12 monthly settlements with restatements",
      baseline: "evaluatePlan alone, 12 months",
      target: "the ledger costs little more than the evaluations it needs",
      timeMs: 1000,
      iterations: 2,
      rows: [
        { name: "evaluatePlan alone, 12 months", fn: evaluationsAlone, items: AGENTS * MONTHS },
        { name: "evaluatePlan, the 23 evaluations the ledger needs", fn: evaluationsNeeded, items: AGENTS * MONTHS },
        { name: "settlePayouts, 12 settlements with restatements", fn: ledger, items: AGENTS * MONTHS },
      ],
    },
  ];
}
