export {
  type AbandonmentCounts,
  type AbandonmentOptions,
  abandonmentCounts,
  abandonmentRate,
  abandonmentRateFromCounts,
} from "./abandonment.js";
export type { Contact, ContactOutcome } from "./contact.js";
export {
  type ErlangCInput,
  type ErlangCResult,
  erlangC,
  type RequiredAgents,
  type RequiredAgentsInput,
  type RequiredAgentsOptions,
  requiredAgents,
} from "./erlang.js";
export {
  averageHandleTime,
  averageHandleTimeFromTotals,
  type HandleTimeTotals,
  type HandleTimeTotalsInput,
  handleTimeTotals,
} from "./handle-time.js";
export {
  type AbandonTreatment,
  type ServiceLevelCounts,
  type ServiceLevelCountsOptions,
  type ServiceLevelFromCountsOptions,
  type ServiceLevelOptions,
  serviceLevel,
  serviceLevelCounts,
  serviceLevelFromCounts,
} from "./service-level.js";
