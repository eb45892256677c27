/**
 * Draws (step 6 of settlePayouts): a guaranteed minimum during an agent's first
 * periods, advanced when pay falls short, recovered from pay above it when
 * recoverable, and forgiven at the end.
 *
 * @module
 */
import type { Plan } from "../schema.js";
import { type AgentBook, post } from "./period.js";
import type { AgentCarry, DrawState, SettlementAgentInput } from "./types.js";

/** What the draw reads of the period being settled. */
export interface DrawRun {
  readonly period: string;
  /** The current plan's draw, for an agent without its own. */
  readonly drawRule: Plan["draw"];
}

/**
 * (6) The draw: during the agent's first `draw.periods` settlements, pay below
 * the draw is topped up and a recoverable balance is recovered from pay above
 * it; what remains at the last draw period is forgiven. Returns the draw carried on.
 */
export function settleDraw(
  run: DrawRun,
  book: AgentBook,
  input: SettlementAgentInput | undefined,
  carry: AgentCarry | undefined,
): DrawState | null {
  const { period } = run;
  let draw: DrawState | null = carry?.draw ?? null;
  if (carry === undefined) {
    const rule = input?.draw ?? run.drawRule;
    draw = rule
      ? {
          amountMinor: rule.amountMinor,
          recoverable: rule.recoverable,
          periods: rule.periods,
          periodsUsed: 0,
          balanceMinor: 0,
        }
      : null;
  }
  if (draw === null || input === undefined || draw.periodsUsed >= draw.periods) return draw;
  const toDate = book.toDate;
  const used = draw.periodsUsed + 1;
  let balance = draw.balanceMinor;
  const pay = book.running;
  const common = { period, drawMinor: draw.amountMinor, payBeforeMinor: pay };
  if (pay < draw.amountMinor) {
    const advance = draw.amountMinor - pay;
    if (draw.recoverable) balance += advance;
    post(book, { kind: "drawAdvance", amountMinor: advance, ...common, balanceMinor: balance });
    toDate.advancedMinor += advance;
  } else if (pay > draw.amountMinor && balance > 0) {
    const recovery = Math.min(balance, pay - draw.amountMinor);
    balance -= recovery;
    post(book, { kind: "drawRecovery", amountMinor: -recovery, ...common, balanceMinor: balance });
    toDate.recoveredMinor += recovery;
  }
  if (used === draw.periods && balance > 0) {
    post(book, {
      kind: "drawForgiven",
      amountMinor: 0,
      period,
      drawMinor: draw.amountMinor,
      forgivenMinor: balance,
      balanceMinor: 0,
    });
    balance = 0;
  }
  return { ...draw, periodsUsed: used, balanceMinor: balance };
}
