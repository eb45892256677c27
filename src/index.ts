/**
 * support-metrics: customer-service metrics with sourced definitions and honest
 * statistics, and an exact, explainable incentive-plan evaluator.
 *
 * @packageDocumentation
 */

export * from "./contacts/index.js";
export { mergeCounts } from "./counts.js";
export * from "./customers/index.js";
export {
  type DisplayBundle,
  type FormatOptions,
  formatDuration,
  formatInterval,
  formatNpsPoints,
  formatPercent,
} from "./display/index.js";
export { type MetricErrorCode, MetricInputError, type PlanIssue, PlanValidationError } from "./errors.js";
export * from "./incentives/index.js";
export * from "./reports/index.js";
export * from "./sql/index.js";
export * from "./stats/index.js";
export * from "./survey/index.js";
export * from "./tickets/index.js";
export * from "./time/index.js";
