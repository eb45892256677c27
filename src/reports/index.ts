export type {
  Dimension,
  PeriodDimension,
} from "./dimensions.js";
export { mergeTallies, type Tally } from "./merge.js";
export type { SetAside, SetAsideEntry } from "./set-aside.js";
export {
  mergeSketches,
  type QuantileSketch,
  type QuantileSketchOptions,
  quantileSketch,
  sketchQuantile,
} from "./sketch.js";
export {
  type SlaDetailsOptions,
  type SlaTargetDetail,
  type SlaTicketDetail,
  slaDetails,
} from "./sla-details.js";
export {
  type DurationSummary,
  type TicketReport,
  type TicketReportOptions,
  type TicketReportRow,
  ticketReport,
} from "./ticket-report.js";
export {
  type DurationTally,
  type TallyTicketsOptions,
  type TicketTally,
  type TicketTallyGroup,
  tallyTickets,
} from "./tickets.js";
