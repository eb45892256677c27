/**
 * `validatePlan`: every problem of a plan, each with a JSON pointer, a stable
 * code and a message. The schema's tables are in validate-shapes.ts, the walker
 * that reads them in validate-walker.ts, the rules across fields in
 * validate-rules.ts and the conditions in validate-conditions.ts.
 *
 * @module
 */
import type { PlanIssue } from "../errors.js";
import type { Plan } from "./schema.js";
import { context, declarations } from "./validate-rules.js";
import { PLAN } from "./validate-shapes.js";
import { checkObject, isPlainObject, type Place, walkPrototypeKeys } from "./validate-walker.js";
import { planWarnings } from "./validate-warnings.js";

/**
 * The result of `validatePlan`: the plan, typed, or every issue found.
 *
 * @category Incentives
 */
export type PlanValidationResult =
  | {
      /** The plan is valid. */
      readonly ok: true;
      /** The same object, typed. */
      readonly plan: Plan;
      /** What is valid but probably wrong (see {@link PlanWarningCode}), in document order; never blocks evaluation. */
      readonly warnings: readonly PlanIssue[];
    }
  | {
      /** The plan is invalid. */
      readonly ok: false;
      /** Every problem found, in document order. */
      readonly issues: readonly PlanIssue[];
      /** Empty: warnings are looked for once the plan is valid. */
      readonly warnings: readonly PlanIssue[];
    };

/**
 * Checks an incentive plan against the `cs-incentive-plan/1` schema and its
 * rules, and reports **every** problem, not only the first.
 *
 * Each issue has a JSON pointer (RFC 6901) to the offending value
 * (`/components/0/bands/1/fromPct`), a stable code and a message. Rejected, as
 * the incentive specification requires (docs/spec/INCENTIVES.md, "Schema"): unknown metric names (`unknown_metric`), KPI weights
 * not summing to 100 (`weights_not_100`), non-monotone curves
 * (`non_monotone_curve`), band gaps and overlaps (`band_gap`, `band_overlap`,
 * `band_empty`, `band_not_open_ended`, `band_not_closed`), `top < 1`
 * (`out_of_range`), negative amounts and rates (`negative_amount`), unknown
 * component and award types (`unknown_component_type`, `unknown_award_type`),
 * rates that are not integers or decimal strings (`invalid_rate`; other exact
 * numbers `invalid_number`), prototype keys `__proto__`, `constructor`,
 * `prototype` anywhere (`prototype_key`). Also: unknown keys (`unknown_key`),
 * missing keys (`missing_key`), wrong types (`invalid_type`), non-integer minor
 * amounts (`not_integer`), values outside their range (`out_of_range`) or set
 * (`invalid_value`), duplicate ids (`duplicate_id`), a bad currency
 * (`invalid_currency`), rounding mode (`invalid_rounding_mode`) or date
 * (`invalid_date`), empty `all`/`any` (`empty_condition`), conditions nested
 * deeper than 32 (`too_deep`), agent metrics in a team condition
 * (`team_condition_reads_agent_metric`), proration asked for without
 * `proration` (`proration_not_configured`), a percentage cap on a component
 * without a target incentive (`invalid_cap`), objects with a non-standard
 * prototype (`not_plain_object`). The plan is never changed.
 *
 * @param plan - Anything: parsed JSON, typically.
 * Warnings flag what is valid but probably wrong, each with a pointer, a
 * {@link PlanWarningCode} and a message naming the component, KPI or award:
 * a rate below one minor unit (`"0.40"` meant 40 cents: `rate_below_minor_unit`),
 * a `percent` metric's curve or condition written as fractions (`0.7` meant
 * 70 %: `percent_as_fraction`), a scorecard cap below its target incentive
 * (`cap_below_target`), an award no agent can be eligible for or a pool that
 * can never be funded (`never_eligible`, `never_funded`; a component condition
 * that can never hold: `never_holds`), a scorecard target incentive of 0
 * (`zero_target`). `evaluatePlan` runs such plans unchanged and lists the
 * warnings in each trace; `formatTrace` prints them first.
 *
 * @param plan - Anything: parsed JSON, typically.
 * @returns `{ ok: true, plan, warnings }` (the same object, typed) or `{ ok: false, issues, warnings: [] }`.
 *
 * @example
 * ```ts
 * import { validatePlan } from "support-metrics";
 * const plan = {
 *   schema: "cs-incentive-plan/1", id: "p", version: 1,
 *   effective: { from: "2025-06-01", to: "2025-06-30" }, period: { days: 30 },
 *   currency: { code: "USD", exponent: 2 },
 *   metrics: { tickets: { type: "count" } },
 *   components: [{ id: "c", type: "perUnit", basis: "tickets", ratePerUnitMinor: "12.5" }],
 * };
 * validatePlan(plan).ok; // => true
 * const bad = validatePlan({ ...plan, components: [{ id: "c", type: "perUnit", basis: "tix", ratePerUnitMinor: 12.5 }] });
 * bad.ok; // => false
 * bad.ok ? [] : bad.issues.map((i) => `${i.path} ${i.code}`); // => ["/components/0/basis unknown_metric", "/components/0/ratePerUnitMinor invalid_rate"]
 * const cents = validatePlan({ ...plan, components: [{ id: "c", type: "perUnit", basis: "tickets", ratePerUnitMinor: "0.40" }] });
 * cents.warnings.map((w) => `${w.path} ${w.code}`); // => ["/components/0/ratePerUnitMinor rate_below_minor_unit"]
 * ```
 * @see {@link evaluatePlan}
 * @see {@link compilePlan}
 * @category Incentives
 */
export function validatePlan(plan: unknown): PlanValidationResult {
  const declared = isPlainObject(plan)
    ? declarations(plan)
    : { agent: new Set<string>(), team: new Set<string>(), definitions: new Map(), prorates: false };
  const cx = context({ ...declared, teamOnly: false });
  const at: Place = { cx, path: "", parent: {} };
  walkPrototypeKeys(at, plan);
  checkObject(plan, at, PLAN);
  if (cx.issues.length > 0) return { ok: false, issues: cx.issues, warnings: [] };
  const valid = plan as Plan;
  return { ok: true, plan: valid, warnings: planWarnings(valid) };
}
