import { arrayLike, normalize, percentOf, readFields, record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { amountField } from "./fields.js";

/**
 * The input of {@link netRevenueRetention}: recurring revenue of the customers
 * present at the start of the period, in the caller's currency unit.
 *
 * @category Customers
 */
export interface NetRevenueRetentionInput {
  /** Recurring revenue of the starting customers at the start of the period (≥ 0). */
  readonly startingRevenue: number;
  /** Revenue those customers added: upgrades, add-ons, price rises (≥ 0). */
  readonly expansion: number;
  /** Revenue those customers gave up without leaving: downgrades, discounts (≥ 0). */
  readonly contraction: number;
  /** Revenue of the starting customers who left (≥ 0). */
  readonly churned: number;
}

/**
 * The input of {@link grossRevenueRetention}: as {@link NetRevenueRetentionInput}, without expansion.
 *
 * @category Customers
 */
export interface GrossRevenueRetentionInput {
  /** Recurring revenue of the starting customers at the start of the period (≥ 0). */
  readonly startingRevenue: number;
  /** Revenue those customers gave up without leaving (≥ 0). */
  readonly contraction: number;
  /** Revenue of the starting customers who left (≥ 0). */
  readonly churned: number;
}

/**
 * One customer's recurring revenue at the start and at the end of the period
 * (e.g. MRR), in the caller's currency unit. A customer who left has `endRevenue: 0`;
 * a customer with `startRevenue: 0` joined during the period and is not in the cohort.
 *
 * @category Customers
 */
export interface CustomerRevenue {
  /** Recurring revenue at the start of the period (≥ 0). */
  readonly startRevenue: number;
  /** Recurring revenue at the end of the period (≥ 0); 0 for a customer who left. */
  readonly endRevenue: number;
}

/**
 * The revenue movements of a cohort, summed from per-customer records by
 * {@link revenueMovements}: the input of {@link netRevenueRetention} and
 * {@link grossRevenueRetention}, plus what was left out of the cohort.
 *
 * @category Customers
 */
export interface RevenueMovements {
  /** Σ startRevenue over the cohort (customers with startRevenue > 0). */
  readonly startingRevenue: number;
  /** Σ (end − start) over cohort customers whose revenue grew. */
  readonly expansion: number;
  /** Σ (start − end) over cohort customers whose revenue fell but stayed above 0. */
  readonly contraction: number;
  /** Σ start over cohort customers whose revenue fell to 0 (they left). */
  readonly churned: number;
  /** Customers left out of the cohort because their startRevenue is 0 (new in the period). */
  readonly newCustomers: number;
  /** Σ endRevenue of those new customers: revenue that NRR and GRR leave out by definition. */
  readonly newRevenue: number;
}

/**
 * Net and gross revenue retention computed together from per-customer records.
 *
 * @category Customers
 */
export interface RevenueRetention {
  /** NRR, a percentage ≥ 0 (above 100 when expansion outweighs losses). */
  readonly netRevenueRetention: number;
  /** GRR, a percentage 0–100 (each customer counted at most at its starting revenue). */
  readonly grossRevenueRetention: number;
}

/**
 * Net revenue retention (NRR, also "net dollar retention"): the recurring
 * revenue a cohort of customers brings at the end of a period, as a share of what it brought at the start.
 *
 * NRR = (start + expansion − contraction − churned) / start × 100, over the
 * customers present at the start only: revenue from customers acquired during
 * the period is left out (the standard SaaS definition, e.g. ChartMogul's net MRR retention). Can exceed
 * 100. Losing more revenue than the cohort had (contraction + churned > start)
 * is `inconsistent_counts` (sums are accepted within a relative 1e-12 of
 * rounding); no starting revenue gives `null`.
 *
 * @param revenue - `{ startingRevenue, expansion, contraction, churned }`, amounts ≥ 0 in one currency unit.
 * @returns A percentage of the starting revenue, ≥ 0; `null` when `startingRevenue` is 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type` / `not_finite` / `out_of_range` for an
 *   amount that is not a finite number ≥ 0 (negative revenue); `inconsistent_counts` when `contraction + churned > startingRevenue`.
 *
 * @example
 * ```ts
 * import { netRevenueRetention } from "support-metrics";
 * netRevenueRetention({ startingRevenue: 200_000, expansion: 20_000, contraction: 4_000, churned: 6_000 }); // => 105
 * netRevenueRetention({ startingRevenue: 0, expansion: 500, contraction: 0, churned: 0 }); // => null
 * netRevenueRetention({ startingRevenue: 100, expansion: 0, contraction: -5, churned: 0 }); // throws out_of_range
 * ```
 * @see {@link grossRevenueRetention}, {@link revenueRetentionFromCustomers}, {@link revenueMovements}
 * @category Customers
 */
export function netRevenueRetention(revenue: NetRevenueRetentionInput): number | null {
  const fn = "netRevenueRetention";
  const r = readFields(fn, "revenue", revenue, {
    fields: ["startingRevenue", "expansion", "contraction", "churned"] satisfies (keyof NetRevenueRetentionInput)[],
    read: amountField,
    alsoAccepted: ["newCustomers", "newRevenue"] satisfies (keyof RevenueMovements)[],
  });
  const start = r.startingRevenue;
  const kept = keptRevenue(fn, start, r.contraction, r.churned);
  return percentOf(kept + r.expansion, start);
}

/**
 * Gross revenue retention (GRR): the share of a cohort's starting recurring revenue it still brings, ignoring expansion.
 *
 * GRR = (start − contraction − churned) / start × 100, over the customers
 * present at the start; expansion never counts, so GRR ≤ 100 and GRR ≤ NRR
 * (the standard SaaS definition). From per-customer records each
 * customer counts at most at its own starting revenue ({@link revenueRetentionFromCustomers}).
 * Losing more than the cohort had is `inconsistent_counts`; no starting revenue gives `null`.
 *
 * @param revenue - `{ startingRevenue, contraction, churned }`, amounts ≥ 0 in one currency unit (an `expansion` field is ignored).
 * @returns A percentage of the starting revenue, 0–100; `null` when `startingRevenue` is 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type` / `not_finite` / `out_of_range` for an
 *   amount that is not a finite number ≥ 0; `inconsistent_counts` when `contraction + churned > startingRevenue`.
 *
 * @example
 * ```ts
 * import { grossRevenueRetention } from "support-metrics";
 * grossRevenueRetention({ startingRevenue: 200_000, contraction: 4_000, churned: 6_000 }); // => 95
 * grossRevenueRetention({ startingRevenue: 0, contraction: 0, churned: 0 }); // => null
 * grossRevenueRetention({ startingRevenue: 1_000, contraction: 600, churned: 500 }); // throws inconsistent_counts
 * ```
 * @see {@link netRevenueRetention}, {@link revenueRetentionFromCustomers}
 * @category Customers
 */
export function grossRevenueRetention(revenue: GrossRevenueRetentionInput): number | null {
  const fn = "grossRevenueRetention";
  const r = readFields(fn, "revenue", revenue, {
    fields: ["startingRevenue", "contraction", "churned"] satisfies (keyof GrossRevenueRetentionInput)[],
    read: amountField,
    alsoAccepted: ["expansion", "newCustomers", "newRevenue"] satisfies (keyof RevenueMovements)[],
  });
  const start = r.startingRevenue;
  const kept = keptRevenue(fn, start, r.contraction, r.churned);
  return percentOf(kept, start);
}

/**
 * Sums per-customer start and end revenue into the movements NRR and GRR are built from.
 *
 * For each customer with startRevenue > 0 (the cohort): endRevenue 0 is
 * churned (its whole start), a fall is contraction, a rise is expansion.
 * Customers with startRevenue 0 joined during the period: they are left out of
 * the cohort and reported in `newCustomers` / `newRevenue`. With amounts in
 * integer minor units the result is a tally that adds with `mergeCounts`.
 *
 * @param customers - One `{ startRevenue, endRevenue }` per customer, amounts ≥ 0.
 * @returns Amounts in the caller's currency unit, and the count of customers left out.
 * @throws {MetricInputError} `invalid_type` when `customers` is not an array or a record not an object;
 *   `missing_value` / `invalid_type` / `not_finite` / `out_of_range` for a revenue that is not a number ≥ 0 (path `customers[i].endRevenue`).
 *
 * @example
 * ```ts
 * import { revenueMovements } from "support-metrics";
 * revenueMovements([
 *   { startRevenue: 100, endRevenue: 150 },
 *   { startRevenue: 100, endRevenue: 60 },
 *   { startRevenue: 100, endRevenue: 0 },
 *   { startRevenue: 0, endRevenue: 80 },
 * ]); // => { startingRevenue: 300, expansion: 50, contraction: 40, churned: 100, newCustomers: 1, newRevenue: 80 }
 * revenueMovements([{ startRevenue: -1, endRevenue: 0 }]); // throws out_of_range
 * ```
 * @see {@link revenueRetentionFromCustomers}, {@link netRevenueRetention}, {@link grossRevenueRetention}
 * @category Customers
 */
export function revenueMovements(customers: readonly CustomerRevenue[]): RevenueMovements {
  const t = sumRevenue("revenueMovements", customers);
  return {
    startingRevenue: t.startingRevenue,
    expansion: t.expansion,
    contraction: t.contraction,
    churned: t.churned,
    newCustomers: t.newCustomers,
    newRevenue: t.newRevenue,
  };
}

/**
 * Net and gross revenue retention of a cohort from per-customer records, each
 * customer's contribution to GRR capped at its own starting revenue.
 *
 * NRR = Σ end / Σ start × 100 and GRR = Σ min(start, end) / Σ start × 100 over
 * the customers with startRevenue > 0. Capping per customer is what makes GRR
 * gross: one customer's upgrade cannot hide another's downgrade (netting totals
 * first would). Customers with startRevenue 0 are new and left out (see
 * {@link revenueMovements} for their count). No starting revenue gives `null`.
 *
 * @param customers - One `{ startRevenue, endRevenue }` per customer, amounts ≥ 0.
 * @returns Percentages of the starting revenue: NRR ≥ 0 and GRR 0–100, GRR ≤ NRR; `null` when the cohort has no starting revenue.
 * @throws {MetricInputError} As {@link revenueMovements}.
 *
 * @example
 * ```ts
 * import { revenueRetentionFromCustomers } from "support-metrics";
 * revenueRetentionFromCustomers([
 *   { startRevenue: 100, endRevenue: 150 },
 *   { startRevenue: 100, endRevenue: 50 },
 * ]); // => { netRevenueRetention: 100, grossRevenueRetention: 75 }
 * revenueRetentionFromCustomers([{ startRevenue: 0, endRevenue: 80 }]); // => null
 * revenueRetentionFromCustomers([{ startRevenue: 10, endRevenue: "9" as unknown as number }]); // throws invalid_type
 * ```
 * @see {@link revenueMovements}, {@link netRevenueRetention}, {@link grossRevenueRetention}
 * @category Customers
 */
export function revenueRetentionFromCustomers(customers: readonly CustomerRevenue[]): RevenueRetention | null {
  const t = sumRevenue("revenueRetentionFromCustomers", customers);
  if (t.startingRevenue === 0) return null;
  return {
    netRevenueRetention: normalize((t.endingRevenue * 100) / t.startingRevenue),
    grossRevenueRetention: normalize((t.retainedRevenue * 100) / t.startingRevenue),
  };
}

/** Start revenue minus contraction and churn, checked: `inconsistent_counts` beyond rounding. */
function keptRevenue(fn: string, start: number, contraction: number, churned: number): number {
  const kept = start - contraction - churned;
  if (kept >= 0) return kept;
  if (-kept <= start * 1e-12) return 0;
  throw inputError(
    "inconsistent_counts",
    fn,
    "revenue.churned",
    `contraction + churned at most startingRevenue (${start})`,
    churned,
  );
}

interface RevenueSums extends RevenueMovements {
  readonly endingRevenue: number;
  readonly retainedRevenue: number;
}

/** One pass over per-customer revenue records for the public `fn`. */
function sumRevenue(fn: string, customers: readonly CustomerRevenue[]): RevenueSums {
  const list = arrayLike(fn, "customers", customers, { expected: "an array of { startRevenue, endRevenue }" });
  let startingRevenue = 0;
  let endingRevenue = 0;
  let retainedRevenue = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  let newCustomers = 0;
  let newRevenue = 0;
  for (let i = 0; i < list.length; i++) {
    const path = `customers[${i}]`;
    const c = record(fn, path, list[i], { expected: "an object { startRevenue, endRevenue }" });
    const start = revenueAt(fn, c, path, "startRevenue");
    const end = revenueAt(fn, c, path, "endRevenue");
    if (start === 0) {
      newCustomers++;
      newRevenue += end;
      continue;
    }
    startingRevenue += start;
    endingRevenue += end;
    if (end >= start) {
      retainedRevenue += start;
      expansion += end - start;
    } else {
      retainedRevenue += end;
      if (end === 0) churned += start;
      else contraction += start - end;
    }
  }
  return { startingRevenue, expansion, contraction, churned, newCustomers, newRevenue, endingRevenue, retainedRevenue };
}

/** {@link amountField} with the common case inlined: this runs once per customer. */
function revenueAt(fn: string, c: Record<string, unknown>, path: string, field: string): number {
  const value = c[field];
  if (typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY) return value;
  return amountField(fn, `${path}.${field}`, value);
}
