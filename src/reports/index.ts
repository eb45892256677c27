export {
  type ContactReport,
  type ContactReportOptions,
  type ContactReportRow,
  contactReport,
} from "./contact-report.js";
export {
  type ContactGroup,
  type ContactRecord,
  type ContactTally,
  type TallyContactsOptions,
  tallyContacts,
} from "./contacts.js";
export type {
  Dimension,
  PeriodDimension,
} from "./dimensions.js";
export type { GroupKey } from "./groups.js";
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
export type { SurveyResponse, SurveyScales, TallySurveysOptions } from "./survey-options.js";
export {
  type SurveyReport,
  type SurveyReportOptions,
  type SurveyReportRow,
  surveyReport,
} from "./survey-report.js";
export { type SurveyGroup, type SurveyTally, tallySurveys } from "./surveys.js";
export type { TallyTicketsOptions } from "./ticket-options.js";
export {
  type DurationSummary,
  type TicketReport,
  type TicketReportOptions,
  type TicketReportRow,
  ticketReport,
} from "./ticket-report.js";
export {
  type DurationTally,
  type TicketTally,
  type TicketTallyGroup,
  tallyTickets,
} from "./tickets.js";
