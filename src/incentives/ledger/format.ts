/**
 * `formatSettlement`: an agent's statement for one settlement, every line
 * explained to the minor unit, as `formatTrace` explains an evaluation.
 *
 * @module
 */
import { inputError } from "../../internal/messages.js";
import { decimalString, plain, type Rational, ratio, readExact } from "../rational.js";
import type { LedgerLine, Settlement, SettlementAgent } from "./types.js";

/**
 * Renders one agent's statement for a settlement: each ledger line with the
 * sum that gives its amount (a segment's share of days, a holdback's
 * percentage, a true-up's before and after and the metrics that changed, a
 * release, a draw's top-up or recovery), then the amount paid and what carries
 * to the next period. Every amount is shown in the plan's currency to the minor
 * unit; exact intermediate values are shown as decimals (`≈` when they do not
 * terminate) with the rounding that made them whole.
 *
 * @param settlement - A settlement from {@link settlePayouts}.
 * @param agentId - The agent whose statement is wanted.
 * @returns The statement, lines separated by `\n`.
 * @throws {MetricInputError} `invalid_value` when the settlement has no agent `agentId` (path `agentId`);
 *   `invalid_type` when `settlement` is not a settlement.
 *
 * @example
 * ```ts
 * import { formatSettlement, settlePayouts } from "support-metrics";
 * const plan = {
 *   schema: "cs-incentive-plan/1", id: "per-ticket", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-12-31" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 }, metrics: { tickets: { type: "count" } },
 *   components: [{ id: "per_ticket", type: "perUnit", basis: "tickets", ratePerUnitMinor: 50,
 *     holdback: { pct: "12.5", releaseAfterPeriods: 2 } }],
 * };
 * const june = settlePayouts(plan, { period: "2025-06", agents: [{ id: "ava", metrics: { tickets: 101 } }] });
 * formatSettlement(june, "ava").split("\n").slice(2, 5); // => ["2025-06 per_ticket (perUnit), earned: USD 50.50", "2025-06 per_ticket, held back: -USD 6.31", "  12.5% of USD 50.50 = 6.3125 → USD 6.31 (halfAwayFromZero), released 2 settlements later"]
 * formatSettlement(june, "zed"); // throws invalid_value
 * ```
 * @see {@link settlePayouts}
 * @see {@link formatTrace}
 * @category Incentives
 */
export function formatSettlement(settlement: Settlement, agentId: string): string {
  if (settlement === null || typeof settlement !== "object" || !Array.isArray(settlement.agents)) {
    throw inputError("invalid_type", FN, "settlement", "a settlement returned by settlePayouts", settlement);
  }
  const agents: readonly SettlementAgent[] = settlement.agents;
  const agent = agents.find((a) => a.id === agentId);
  if (agent === undefined)
    throw inputError("invalid_value", FN, "agentId", "the id of an agent of the settlement", agentId);
  const { exponent, code } = settlement.currency;
  const money = (minor: number): string => {
    const text = plain(BigInt(minor < 0 ? -minor : minor), exponent, true);
    return `${minor < 0 ? "-" : ""}${code} ${text}`;
  };
  const major = (r: Rational): string => decimalString(ratio(r.n, r.d * 10n ** BigInt(exponent)), exponent + 2);
  const out = [
    `Statement for ${agent.id}: settlement ${settlement.sequence} of plan ${settlement.planId}, period ${settlement.period}`,
    "",
  ];
  for (const line of agent.lines) {
    out.push(`${head(line)}: ${money(line.amountMinor)}`);
    for (const why of explain(line, money, major)) out.push(`  ${why}`);
  }
  const c = agent.carry;
  const t = c.toDate;
  const heldNow = c.held.reduce((s, h) => s + h.amountMinor, 0);
  const owedNow = c.owed.reduce((s, o) => s + o.amountMinor, 0);
  out.push(
    "",
    `Paid this settlement: ${money(agent.paidMinor)} (the sum of the lines above)`,
    `Carried: held back ${money(heldNow)}, clawbacks to recover ${money(owedNow)}${
      c.draw
        ? `, draw balance ${money(c.draw.balanceMinor)} (${c.draw.periodsUsed} of ${c.draw.periods} draw periods used)`
        : ""
    }`,
    `To date: earned ${money(t.earnedMinor)} + forgiven ${money(t.forgivenMinor)} + owed ${money(t.owedMinor)} − recovered ${money(
      t.recoveredMinor,
    )} + advanced ${money(t.advancedMinor)} − held ${money(t.heldMinor)} + released ${money(t.releasedMinor)} = paid ${money(t.paidMinor)}`,
  );
  return out.join("\n");
}

const FN = "formatSettlement";

const HEADS: Readonly<Record<LedgerLine["kind"], string>> = {
  earning: "earned",
  adjustment: "true-up",
  holdback: "held back",
  release: "released",
  drawAdvance: "draw advance",
  drawRecovery: "draw recovered",
  drawForgiven: "draw forgiven",
};

function head(line: LedgerLine): string {
  const what =
    line.componentId === undefined ? "" : ` ${line.componentId}${line.kind === "earning" ? ` (${line.lineKind})` : ""}`;
  const segment = line.segment
    ? ` [plan v${line.segment.planVersion}${line.segment.from ? ` ${line.segment.from}–${line.segment.to}` : ""}]`
    : "";
  return `${line.period}${what}${segment}, ${HEADS[line.kind]}`;
}

function explain(line: LedgerLine, money: (minor: number) => string, major: (r: Rational) => string): string[] {
  const rounded = (exact: Rational, amount: number): string =>
    exact.d === 1n ? money(amount) : `${major(exact)} → ${money(amount)} (${line.rounding})`;
  switch (line.kind) {
    case "earning": {
      const s = line.segment;
      if (s === undefined || line.fullMinor === undefined) return [];
      const exact = ratio(BigInt(line.fullMinor) * BigInt(s.days), BigInt(s.periodDays));
      return [
        `${money(line.fullMinor)} for the period × ${s.days}/${s.periodDays} days = ${rounded(exact, line.amountMinor)}`,
      ];
    }
    case "holdback": {
      const later = `released ${line.releaseAfterPeriods} settlement${line.releaseAfterPeriods === 1 ? "" : "s"} later`;
      if (line.pct === undefined) return [`a fixed amount of the earning ${money(line.baseMinor ?? 0)}, ${later}`];
      const pct = readExact(line.pct) ?? { n: 0n, d: 1n };
      const exact = ratio(BigInt(line.baseMinor ?? 0) * pct.n, 100n * pct.d);
      return [`${line.pct}% of ${money(line.baseMinor ?? 0)} = ${rounded(exact, -line.amountMinor)}, ${later}`];
    }
    case "release":
      return [`held back in ${line.period}, paid now`];
    case "adjustment": {
      const why: string[] = [];
      if (line.previousMinor !== undefined && line.restatedMinor !== undefined) {
        const changed = [...(line.metrics ?? []), ...(line.teamMetrics ?? []).map((m) => `team ${m}`)];
        why.push(
          `restated: ${money(line.restatedMinor)} − paid ${money(line.previousMinor)} = ${money(line.restatedMinor - line.previousMinor)}` +
            (changed.length > 0 ? ` (changed: ${changed.join(", ")})` : " (other agents' metrics changed)"),
        );
        if (line.lineKind === "pool" || line.lineKind === "rank")
          why.push("a team award, decided again across every agent of the period");
      }
      if (line.policy === "forgive") why.push(`forgiven: ${money(line.forgivenMinor ?? 0)} kept, nothing deducted`);
      else if (line.policy === "recover") why.push("recovered now");
      else if (line.policy === "carryForward") {
        why.push(
          `carried forward: ${money(-line.amountMinor)} recovered now, ${money(line.owedMinor ?? 0)} still to recover`,
        );
      }
      return why;
    }
    case "drawAdvance":
      return [
        `draw ${money(line.drawMinor ?? 0)} − pay ${money(line.payBeforeMinor ?? 0)}; draw balance now ${money(line.balanceMinor ?? 0)}`,
      ];
    case "drawRecovery":
      return [
        `pay ${money(line.payBeforeMinor ?? 0)} above the draw ${money(line.drawMinor ?? 0)}; draw balance now ${money(line.balanceMinor ?? 0)}`,
      ];
    case "drawForgiven":
      return [`the draw ends: balance ${money(line.forgivenMinor ?? 0)} forgiven, nothing deducted`];
    default:
      return [];
  }
}
