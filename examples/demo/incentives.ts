/**
 * The incentives section of the demo (`npm run demo`): June's payout run.
 * The plan is `examples/plan.json` (the plan of INCENTIVES.md, its targets and
 * curves recalibrated to the sample team); each agent's metrics are computed by
 * the library from the bundled sample data: tickets
 * resolved, SLA compliance and median first response from
 * `examples/data/tickets.json`, CSAT and its sample size from
 * `examples/data/survey-responses.json`, active days from ticket activity; QA
 * scores and escalations come from a QA export (`qa-reviews-june-2025.json`).
 */
import { readFileSync } from "node:fs";
import {
  csat,
  evaluatePlan,
  firstResponseTime,
  formatSettlement,
  formatTrace,
  type Plan,
  type PlanInput,
  type SlaPolicy,
  settlePayouts,
  slaCompliance,
  type Ticket,
} from "../../src/index.js";
import { show } from "./page.ts";

interface SampleTicket extends Ticket {
  readonly agentId: string;
  readonly firstResponseAt?: string;
  readonly resolvedAt?: string;
}
interface SampleResponse {
  readonly agentId: string;
  readonly csat: number | null;
}

const hour = 3_600_000;
const END = "2025-07-01T00:00:00Z";
/** The month's SLA policy (as in the tickets section): calendar hours, paused while pending. */
const POLICY: SlaPolicy = {
  firstResponseMs: 8 * hour,
  resolutionMs: 48 * hour,
  byPriority: {
    urgent: { firstResponseMs: hour, resolutionMs: 8 * hour },
    high: { firstResponseMs: 4 * hour, resolutionMs: 24 * hour },
    low: { firstResponseMs: 24 * hour, resolutionMs: 96 * hour },
  },
  pauseStatuses: ["pending"],
};

const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), "utf8"));
const money = (minor: number): string => (minor / 100).toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ",");
const cell = (text: string | number, width: number): string => String(text).padStart(width);

/** One agent's metrics for the plan, computed by the library. */
interface QaReview {
  readonly qa_score: number;
  readonly escalations: number;
}

function agentMetrics(id: string, tickets: SampleTicket[], responses: SampleResponse[], qa: QaReview) {
  const own = tickets.filter((t) => t.agentId === id);
  const ratings = responses.filter((r) => r.agentId === id && r.csat !== null).map((r) => r.csat as number);
  const days = new Set<string>();
  for (const t of own) {
    if (t.firstResponseAt) days.add(t.firstResponseAt.slice(0, 10));
    if (t.resolvedAt) days.add(t.resolvedAt.slice(0, 10));
  }
  const frtMs = firstResponseTime(own, { statistic: "median" });
  // Pay runs on the figures agents see on the dashboard, to one decimal: the caller's rounding, made explicit here.
  const oneDecimal = (x: number | null): number => (x === null ? 0 : Math.round(x * 10) / 10);
  return {
    active_days: [...days].filter((d) => d.startsWith("2025-06")).length,
    tickets_resolved: own.filter((t) => t.resolvedAt !== undefined && t.resolvedAt < END).length,
    csat_score: oneDecimal(csat(ratings)),
    csat_responses: ratings.length,
    sla_compliance: oneDecimal(slaCompliance(own, POLICY, { asOf: END })),
    frt_median_min: oneDecimal(frtMs === null ? null : frtMs / 60_000),
    qa_score: qa.qa_score,
    escalations: qa.escalations,
  };
}

export function incentivesSection(): string[] {
  const plan = read("../plan.json");
  const tickets = read("tickets.json") as SampleTicket[];
  const responses = read("survey-responses.json") as SampleResponse[];
  const qa = (read("qa-reviews-june-2025.json") as { agents: Record<string, QaReview> }).agents;
  const ids = Object.keys(qa);
  const rows = ids.map((id) => agentMetrics(id, tickets, responses, qa[id]!));
  const teamSla = Math.round((slaCompliance(tickets, POLICY, { asOf: END }) ?? 0) * 10) / 10;
  const input: PlanInput = {
    agents: ids.map((id, i) => ({ id, metrics: rows[i]! })),
    teamMetrics: { team_sla_compliance: teamSla },
  };
  const result = evaluatePlan(plan, input, { trace: true });
  show("incentives", result);

  const out: string[] = [
    `Plan ${result.planId} v${result.version} (examples/plan.json), ${result.currency.code}, rounding ${result.rounding.mode}.`,
    `Team SLA compliance ${teamSla.toFixed(1)} % (the pool needs 85 %).`,
    "",
    `${"agent".padEnd(6)}${cell("days", 5)}${cell("tickets", 8)}${cell("CSAT", 6)}${cell("n", 5)}${cell("SLA", 6)}${cell("FRT", 6)}${cell("QA", 6)}` +
      `${cell("commission", 12)}${cell("scorecard", 11)}${cell("kicker", 8)}${cell("cap adj", 9)}${cell("pool", 10)}${cell("cash", 11)}  rewards`,
  ];
  for (const [i, agent] of result.agents.entries()) {
    const m = rows[i]!;
    const amount = (id: string) => agent.lines.find((l) => l.id === id)?.amountMinor ?? 0;
    out.push(
      `${agent.id.padEnd(6)}${cell(m.active_days, 5)}${cell(m.tickets_resolved, 8)}${cell(m.csat_score.toFixed(1), 6)}` +
        `${cell(m.csat_responses, 5)}${cell(m.sla_compliance.toFixed(1), 6)}${cell(m.frt_median_min.toFixed(1), 6)}${cell(m.qa_score, 6)}` +
        `${cell(money(amount("resolution_commission")), 12)}${cell(money(amount("quality_scorecard")), 11)}${cell(money(amount("quality_kicker")), 8)}` +
        `${cell(money(amount("planCap")), 9)}${cell(money(amount("team_sla_pool")), 10)}${cell(money(agent.cashMinor), 11)}  ` +
        agent.rewards.map((r) => `${r.quantity} ${r.unit} ${r.kind}`).join(", "),
    );
  }
  out.push(
    "",
    `Total cash ${result.currency.code} ${money(result.totals.cashMinor)}; non-cash rewards cost ${result.currency.code} ${money(result.totals.rewardCostMinor)} (costModelMinor per winner).`,
  );
  // The statement of the agent with the most to explain: the one whose kicker failed with the highest scorecard.
  const pick = result.agents.find((a) => a.id === "dev") ?? result.agents[0]!;
  out.push("", ...formatTrace(pick).split("\n"));
  out.push("", ...payoutLedger(plan as Plan, input));
  return out;
}

/**
 * The payout ledger: June is settled, then July, whose input restates June.
 * Late surveys lift dev's June CSAT from 68.5 to 71.0 (40 more responses) and
 * a reopened ticket takes one resolution off eli's June. July's own metrics
 * are June's again (the sample data covers one month).
 */
function payoutLedger(plan: Plan, june: PlanInput): string[] {
  const june1 = settlePayouts(plan, { period: "2025-06", ...june });
  const restated = june.agents
    .filter((a) => a.id === "dev" || a.id === "eli")
    .map((a) => {
      const m = a.metrics;
      return a.id === "dev"
        ? { id: a.id, metrics: { ...m, csat_score: 71, csat_responses: (m["csat_responses"] ?? 0) + 40 } }
        : { id: a.id, metrics: { ...m, tickets_resolved: (m["tickets_resolved"] ?? 0) - 1 } };
    });
  const july = settlePayouts(
    plan,
    { period: "2025-07", ...june, restatements: [{ period: "2025-06", agents: restated }] },
    { previous: june1, asOf: "2025-08-01" },
  );
  const code = july.currency.code;
  const out = [
    `Payout ledger: July settled on ${july.asOf}, with June restated (late surveys for dev, a reopened ticket of eli's).`,
    "",
    `${"agent".padEnd(6)}${cell("July earned", 13)}${cell("June true-up", 14)}${cell("paid July", 11)}`,
  ];
  for (const a of july.agents) {
    const sum = (kind: string) => a.lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amountMinor, 0);
    out.push(
      `${a.id.padEnd(6)}${cell(money(sum("earning")), 13)}${cell(money(sum("adjustment")), 14)}${cell(money(a.paidMinor), 11)}`,
    );
  }
  out.push(
    "",
    `Total paid in July ${code} ${money(july.totals.paidMinor)}, of which true-ups ${code} ${money(july.totals.adjustmentMinor)}.`,
  );
  const trueUps = july.agents.find((a) => a.id === "dev") ?? july.agents[0]!;
  out.push("", ...formatSettlement(july, trueUps.id).split("\n"));
  return out;
}
