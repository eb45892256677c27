import { countField, normalize, shaped } from "../internal/assert.js";
import { amountField } from "./fields.js";

/**
 * The input of {@link retentionCost}.
 *
 * @category Customers
 */
export interface RetentionCostInput {
  /** What the retention programme cost over the period (≥ 0, the caller's currency unit). */
  readonly retentionSpend: number;
  /** Customers it retained (a count). */
  readonly customersRetained: number;
}

/**
 * The input of {@link costPerResolution}.
 *
 * @category Customers
 */
export interface CostPerResolutionInput {
  /** The support team's total cost over the period (≥ 0, the caller's currency unit). */
  readonly supportCost: number;
  /** Tickets resolved in the period (a count). */
  readonly resolvedTickets: number;
}

/**
 * Retention cost: what keeping one customer cost.
 *
 * retention spend ÷ customers retained, in the caller's currency unit,
 * unrounded. Which customers count as retained by the programme (all renewals,
 * or only saves of customers who asked to cancel) is the caller's definition;
 * keep it the same across periods. No customer retained gives `null`.
 *
 * @param input - `{ retentionSpend, customersRetained }`.
 * @returns An amount per retained customer, in the caller's currency unit; `null` when `customersRetained` is 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type` / `not_finite` / `not_integer` / `out_of_range`
 *   for negative spend or a count that is not a count.
 *
 * @example
 * ```ts
 * import { retentionCost } from "support-metrics";
 * retentionCost({ retentionSpend: 10_000, customersRetained: 500 }); // => 20
 * retentionCost({ retentionSpend: 10_000, customersRetained: 0 }); // => null
 * retentionCost({ retentionSpend: -1, customersRetained: 5 }); // throws out_of_range
 * ```
 * @see {@link customerLifetimeValue}, {@link costPerResolution}
 * @category Customers
 */
export function retentionCost(input: RetentionCostInput): number | null {
  const fn = "retentionCost";
  const o = shaped(fn, "input", input, { retentionSpend: "required", customersRetained: "required" });
  const spend = amountField(fn, "input.retentionSpend", o.retentionSpend);
  const retained = countField(fn, "input.customersRetained", o.customersRetained);
  return retained === 0 ? null : normalize(spend / retained);
}

/**
 * Cost per resolution: the support cost of resolving one ticket.
 *
 * support cost ÷ resolved tickets, in the caller's currency unit, unrounded.
 * Cost per *ticket handled* (÷ all tickets worked, resolved or not) is a
 * different metric and comes out lower; do not compare the two. No resolved
 * ticket gives `null`.
 *
 * @param input - `{ supportCost, resolvedTickets }`.
 * @returns An amount per resolved ticket, in the caller's currency unit; `null` when `resolvedTickets` is 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type` / `not_finite` / `not_integer` / `out_of_range`
 *   for a negative cost or a count that is not a count.
 *
 * @example
 * ```ts
 * import { costPerResolution } from "support-metrics";
 * costPerResolution({ supportCost: 10_000, resolvedTickets: 400 }); // => 25
 * costPerResolution({ supportCost: 0, resolvedTickets: 0 }); // => null
 * costPerResolution({ supportCost: 100, resolvedTickets: 2.5 }); // throws not_integer
 * ```
 * @see {@link retentionCost}, {@link resolutionRate}
 * @category Customers
 */
export function costPerResolution(input: CostPerResolutionInput): number | null {
  const fn = "costPerResolution";
  const o = shaped(fn, "input", input, { supportCost: "required", resolvedTickets: "required" });
  const cost = amountField(fn, "input.supportCost", o.supportCost);
  const resolved = countField(fn, "input.resolvedTickets", o.resolvedTickets);
  return resolved === 0 ? null : normalize(cost / resolved);
}
