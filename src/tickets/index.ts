export {
  type BacklogAgingOptions,
  type BacklogBucket,
  type BacklogOptions,
  backlog,
  backlogAging,
} from "./backlog.js";
export { type ChannelItem, type ChannelShare, channelMix, preferredChannel } from "./channels.js";
export {
  type DurationLeftOut,
  type DurationOptions,
  type DurationStatistic,
  firstResponseTime,
  type ResolutionTimeOptions,
  resolutionTime,
  type TicketDurations,
  type TicketDurationsOptions,
  ticketDurations,
} from "./durations.js";
export {
  type FirstContactResolutionCounts,
  firstContactResolutionCounts,
  firstContactResolutionRate,
  firstContactResolutionRateFromCounts,
  type ReopenCounts,
  type ResolutionCohort,
  reopenCounts,
  reopenRate,
  reopenRateFromCounts,
  resolutionRate,
} from "./rates.js";
export {
  type SlaCounts,
  type SlaOptions,
  type SlaPolicy,
  type SlaTargets,
  slaCompliance,
  slaComplianceFromCounts,
  slaCounts,
} from "./sla.js";
export type { StatusChange, Ticket, TicketCalendar } from "./ticket.js";
