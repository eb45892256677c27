/**
 * support-metrics/adapters: pure functions that map help-desk exports the user
 * has already fetched or parsed (Zendesk, Freshdesk, Intercom, ServiceNow) to
 * the library's tickets. No HTTP, no CSV parser, zero dependencies. Every input
 * record ends up in `tickets` or in `setAside`, with a reason.
 *
 * @module
 */
export type {
  AdaptedSurveyResponse,
  AdaptedTicket,
  AdapterResult,
  AdapterWarning,
  SetAsideRecord,
} from "./common.js";
export { type FreshdeskInput, fromFreshdesk } from "./freshdesk.js";
export { fromIntercom, type IntercomInput } from "./intercom.js";
export { fromServiceNowEvents, type ServiceNowOptions, serviceNowPauseStatuses } from "./servicenow.js";
export { fromZendesk, type ZendeskInput, type ZendeskResult, zendeskPauseStatuses } from "./zendesk.js";
export {
  type ReconcileZendeskOptions,
  reconcileZendeskMetrics,
  type ZendeskMetricsDifference,
} from "./zendesk-reconcile.js";
