/**
 * Internal: the display bundles of `leaderboard` and `evaluatePlan`.
 */
import type { AgentResult, PlanResult } from "../incentives/index.js";
import type { LeaderboardEntry } from "../stats/index.js";
import type { DisplayBundle } from "./bundle.js";
import { barChart } from "./svg.js";
import { htmlTable, type TableSpec, textTable } from "./table.js";

/** Internal: the bundle of a leaderboard: ranks and values, and a bar per agent. */
export function displayLeaderboard(entries: readonly LeaderboardEntry[]): DisplayBundle {
  const table: TableSpec = {
    title: "Leaderboard",
    header: ["rank", "agent", "value"],
    align: "rlr",
    rows: entries.map((e) =>
      e.rank === null
        ? [`– (${e.reason})`, e.id, e.value === null ? "–" : e.value.toFixed(2)]
        : [String(e.rank), e.id, e.value.toFixed(2)],
    ),
    notes: [
      'The value ranked: the metric, or its Wilson lower bound with method "wilson-lower-bound".',
      ...(entries.some((e) => e.rank === null)
        ? ["Agents without a rank (no data, or below minSample) are listed last, with the reason."]
        : []),
    ],
  };
  const chart = barChart({
    title: "Leaderboard",
    description: "Agents in rank order, a bar to the value each is ranked by.",
    legend: "bar: the value ranked (for Wilson ranking, the lower bound of the interval)",
    rows: entries.flatMap((e) =>
      e.rank === null ? [] : [{ label: `${e.rank}. ${e.id}`, value: e.value, text: e.value.toFixed(2) }],
    ),
  });
  return { "text/plain": textTable(table), "text/html": htmlTable(table, chart), "image/svg+xml": chart };
}

/** Internal: the bundle of a plan result: each agent's cash and rewards, the totals, and payout bars. */
export function displayPlanResult(result: PlanResult): DisplayBundle {
  const { code, exponent } = result.currency;
  const money = (minor: number): string => `${code} ${minorToText(minor, exponent)}`;
  const table: TableSpec = {
    title: `Payouts: ${result.planId} v${result.version}`,
    header: ["agent", "cash", "lines", "rewards"],
    align: "lrrl",
    rows: [
      ...result.agents.map((a) => [
        a.id,
        money(a.cashMinor),
        String(a.lines.length),
        a.rewards.map((r) => `${r.quantity} ${r.unit}`).join(", "),
      ]),
      ["total", money(result.totals.cashMinor), "", `reward cost ${money(result.totals.rewardCostMinor)}`],
    ],
  };
  const chart = barChart({
    title: "Cash payout per agent",
    description: `Each agent's cash payout in ${code}, as a bar from zero.`,
    legend: `bar: cash payout (${code})`,
    rows: result.agents.map((a) => ({ label: a.id, value: Math.max(0, a.cashMinor), text: money(a.cashMinor) })),
  });
  return { "text/plain": textTable(table), "text/html": htmlTable(table, chart), "image/svg+xml": chart };
}

/**
 * Internal: the bundle of one agent's statement (an entry of `evaluatePlan(…).agents`): each
 * line's amount, the rewards, the cash total, and a bar per line. The entry does not carry
 * the plan's currency, so `currency` is passed in.
 */
export function displayAgentStatement(agent: AgentResult, currency: { code: string; exponent: number }): DisplayBundle {
  const money = (minor: number): string => `${currency.code} ${minorToText(minor, currency.exponent)}`;
  const table: TableSpec = {
    title: `Statement: ${agent.id}`,
    header: ["line", "kind", "amount"],
    align: "llr",
    rows: [
      ...agent.lines.map((l) => [l.id, l.kind, money(l.amountMinor)]),
      ...agent.rewards.map((r) => [r.awardId, r.kind, `${r.quantity} ${r.unit}`]),
      ["cash", "", money(agent.cashMinor)],
    ],
  };
  const chart = barChart({
    title: `Statement: ${agent.id}`,
    description: `Each cash line of ${agent.id}'s payout in ${currency.code}; a negative line (a cap adjustment) is drawn at zero and written out.`,
    legend: `bar: the line's amount (${currency.code})`,
    rows: agent.lines.map((l) => ({ label: l.id, value: Math.max(0, l.amountMinor), text: money(l.amountMinor) })),
  });
  return { "text/plain": textTable(table), "text/html": htmlTable(table, chart), "image/svg+xml": chart };
}

/** Exact decimal text of integer minor units (no float division): 123456, 2 → "1,234.56". */
function minorToText(minor: number, exponent: number): string {
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}
