/**
 * `formatTrace`: an agent's traced result as the statement the agent reads.
 *
 * @module
 */
import { inputError } from "../internal/messages.js";
import { plain } from "./rational.js";
import type { AgentResult, ConditionTrace } from "./result.js";

/**
 * Renders an agent's traced result as the statement the agent reads: each line
 * with how it was reached, caps and rounding, the plan cap, team awards and the total.
 * The plan's warnings (see `validatePlan`), when it has any, come first.
 *
 * Amounts are shown in major units with the currency's digits (`$450.00` for
 * 45 000 minor units of USD, as `USD 450.00`); exact intermediate values that
 * do not terminate are shown as fractions with a rounded decimal
 * (`30800/3 ≈ 10266.67`), so every figure can be checked with a calculator.
 *
 * @param agent - An `AgentResult` from an evaluation run with `trace: true`.
 * @returns Text: the statement, one line per row, joined with `\n`.
 * @throws {MetricInputError} `missing_value` when the result carries no trace.
 *
 * @example
 * ```ts
 * import { evaluatePlan, formatTrace } from "support-metrics";
 * const plan = {
 *   schema: "cs-incentive-plan/1", id: "kicker", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-06-30" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 },
 *   metrics: { qa_score: { type: "percent" } },
 *   components: [{ id: "qa_bonus", type: "flat", amountMinor: 5000,
 *     when: { metric: "qa_score", op: "gte", value: 90 } }],
 * };
 * const result = evaluatePlan(plan, { agents: [{ id: "ava", metrics: { qa_score: 84 } }] }, { trace: true });
 * formatTrace(result.agents[0]).includes("qa_score 84 < 90"); // => true
 * formatTrace(evaluatePlan(plan, { agents: [{ id: "ava", metrics: { qa_score: 84 } }] }).agents[0]); // throws missing_value
 * ```
 * @see {@link evaluatePlan}
 * @category Incentives
 */
export function formatTrace(agent: AgentResult): string {
  const trace = agent?.trace;
  if (trace === undefined) {
    throw inputError(
      "missing_value",
      "formatTrace",
      "agent.trace",
      "an agent result evaluated with { trace: true }",
      trace,
    );
  }
  const money = (minor: number | string): string => formatMoney(minor, trace.currency);
  const out: string[] = [`Statement for ${agent.id}`];
  if (trace.warnings && trace.warnings.length > 0) {
    out.push(`Plan warnings (valid but probably wrong; amounts below are computed as written):`);
    for (const w of trace.warnings) out.push(`  ! ${w.code} at ${w.path}: ${w.message}`);
  }
  if (trace.proration) {
    const p = trace.proration;
    out.push(`Proration: ${p.activeDaysMetric} ${p.activeDays} of ${p.periodDays} days → p = ${exact(p.factor)}`);
  }
  if (trace.missing.length > 0) out.push(`Missing metrics read as 0: ${trace.missing.join(", ")}`);
  for (const line of trace.lines) {
    out.push("", `${line.label ?? line.id} (${line.kind}): ${money(line.amountMinor)}`);
    const inputs = Object.keys(line.inputs).map((k) => `${k} ${line.inputs[k]}`);
    if (inputs.length > 0) out.push(`  read: ${inputs.join(", ")}`);
    if (line.when) conditionLines(out, line.when, { indent: "    ", head: "  condition " });
    if (line.when && !line.when.passed) {
      out.push(`  pays 0 → ${line.amountMinor}`);
      continue;
    }
    switch (line.kind) {
      case "tiered":
        out.push(`  ${line.mode} on ${line.basis} ${line.units}, target ${prorated(line.proratedTarget, line.target)}`);
        for (const b of line.bands) {
          const range = `${b.fromUnits}–${b.toUnits ?? "∞"}`;
          out.push(
            `    band ${b.index + 1}${b.label ? ` (${b.label})` : ""} [${b.fromPct}%, ${b.toPct === null ? "∞" : `${b.toPct}%`}) = [${range}): ${b.units} × ${b.ratePerUnitMinor} = ${exact(b.amount)}`,
          );
        }
        break;
      case "scorecard":
        out.push(`  target incentive ${prorated(line.proratedTargetIncentive, line.targetIncentive, money)}`);
        for (const k of line.kpis) {
          const head = `    ${k.id}: ${k.metric} ${k.value} → `;
          const tail = `; × ${k.weight}% = ${exact(k.contribution)}`;
          if (k.gate && !k.gate.passed) {
            out.push(`${head}0 (gate ${k.gate.reason} fails: ${failedText(k.gate.condition)})${tail}`);
          } else {
            const gate = k.gate ? ` [gate ${k.gate.reason}: ${k.gate.condition.text}]` : "";
            out.push(`${head}${exact(k.score)} (${k.segment})${gate}${tail}`);
          }
        }
        out.push(
          `  weighted score W = ${exact(line.weightedScore)}${
            line.gate
              ? ` (gate ${line.gate.minWeightedPct}: ${line.gate.passed ? "passed" : "not reached, pays 0"})`
              : ""
          }`,
          `  payout factor ${exact(line.payoutFactor)}% → ${line.proratedTargetIncentive} × ${line.payoutFactor} / 100 = ${exact(line.exact)}`,
        );
        break;
      case "flat":
        out.push(`  amount ${line.amount}${line.prorated ? " × p" : ""} = ${exact(line.exact)}`);
        break;
      case "perUnit":
        out.push(`  ${line.basis} ${line.units} × ${line.ratePerUnitMinor} = ${exact(line.exact)}`);
        break;
      default:
        return unreachableLine(line);
    }
    for (const c of line.caps) {
      out.push(`  cap (${c.cap}) ${money(c.limit)}: ${c.bound ? `bound, ${line.exact} → ${c.limit}` : "not reached"}`);
    }
    out.push(`  rounded ${line.rounding}: ${exact(line.capped)} → ${line.amountMinor}`);
  }
  if (trace.planCap) {
    const c = trace.planCap;
    const outcome = c.bound ? ` → adjustment ${money(c.adjustmentMinor)}` : ", not reached";
    out.push("", `Plan cap ${money(c.limitMinor)}: components ${money(c.componentsMinor)}${outcome}`);
  }
  for (const a of trace.awards) {
    const name = a.label ?? a.id;
    out.push("");
    if (a.kind === "rank") {
      out.push(`${name} (rank): ${a.won ? "won" : "not won"}; ${a.reason}`);
      if (a.eligibility) conditionLines(out, a.eligibility, { indent: "    ", head: "  eligibility " });
      if (a.values.length > 0) out.push(`  ranked on ${a.values.join(", ")}`);
    } else {
      out.push(`${name} (pool): ${money(a.amountMinor)}`);
      if (a.funding) conditionLines(out, a.funding, { indent: "    ", head: "  funding " });
      if (a.eligibility) conditionLines(out, a.eligibility, { indent: "    ", head: "  eligibility " });
      if (a.funded && a.eligible) {
        out.push(
          `  share = ${a.poolMinor} × ${a.weight} / ${a.totalWeight} = ${exact(a.exactShare)} → ${a.amountMinor}${
            a.remainderUnit ? " (a leftover unit by largest remainder)" : ""
          }`,
        );
      }
    }
  }
  out.push("", `Cash: ${money(agent.cashMinor)}`);
  for (const r of agent.rewards)
    out.push(`Reward: ${r.quantity} ${r.unit}${r.quantity === 1 ? "" : "s"} ${r.kind} (${r.awardId})`);
  return out.join("\n");
}

/** Pushes a condition's outcome onto `out`, one node a row, each child indented further; `head` opens the block. */
function conditionLines(
  out: string[],
  node: ConditionTrace,
  layout: { readonly indent: string; readonly head?: string },
): void {
  const { indent, head } = layout;
  if (head !== undefined) out.push(`${head}${node.passed ? "holds" : "fails"}:`);
  const mark = node.passed ? "✓" : "✗";
  out.push(`${indent}${mark} ${node.text}`);
  if (node.nodes) for (const child of node.nodes) conditionLines(out, child, { indent: `${indent}  ` });
}

function failedText(node: ConditionTrace): string {
  if (node.node === "compare") return node.text;
  const failed = node.nodes?.filter((n) => !n.passed) ?? [];
  return failed.length > 0 ? failed.map(failedText).join("; ") : node.text;
}

/** A prorated value, with the value it came from when proration changed it: `"160 (prorated from 400)"`. */
function prorated(value: string, from: string, show: (v: string) => string = String): string {
  return value === from ? show(value) : `${show(value)} (prorated from ${show(from)})`;
}

/** An exact value with its rounded decimal when it is a fraction: `"30800/3 ≈ 10266.67"`, `"49750"`. */
function exact(value: string): string {
  return `${value}${approx(value)}`;
}

/** `" ≈ 10266.67"` for a fraction string, `""` for an integer or terminating decimal. */
function approx(exact: string): string {
  const slash = exact.indexOf("/");
  if (slash < 0) return "";
  const value = Number(exact.slice(0, slash)) / Number(exact.slice(slash + 1));
  return ` ≈ ${value.toFixed(2)}`;
}

/** Minor units as `USD 450.00`; a fraction string is shown exactly with its decimal. */
function formatMoney(minor: number | string, currency: { code: string; exponent: number }): string {
  const text = String(minor);
  if (!/^-?\d+$/.test(text)) return `${currency.code} ${text} minor units${approx(text)}`;
  return `${currency.code} ${plain(BigInt(text), currency.exponent, true)}`;
}

function unreachableLine(line: never): never {
  throw new Error(`unreachable line kind: ${String(line)}`);
}
