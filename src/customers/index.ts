export {
  type ChurnDenominator,
  type ChurnInput,
  type ChurnPeriods,
  type ChurnRateOptions,
  churnRate,
  convertChurnRate,
} from "./churn.js";
export { type CostPerResolutionInput, costPerResolution, type RetentionCostInput, retentionCost } from "./costs.js";
export { customerLifetimeValue, type LifetimeValueInput } from "./lifetime-value.js";
export { type RetentionInput, retentionRate } from "./retention.js";
export {
  type CustomerRevenue,
  type GrossRevenueRetentionInput,
  grossRevenueRetention,
  type NetRevenueRetentionInput,
  netRevenueRetention,
  type RevenueMovements,
  type RevenueRetention,
  revenueMovements,
  revenueRetentionFromCustomers,
} from "./revenue-retention.js";
