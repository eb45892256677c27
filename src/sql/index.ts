export type { SqlDialect } from "./dialect.js";
export { surveyTallyFromRows } from "./survey-tally-rows.js";
export {
  type SurveyTallyColumns,
  type SurveyTallySqlOptions,
  type SurveyTallyTables,
  surveyTallySql,
} from "./survey-tally-sql.js";
export { ticketTallyFromRows } from "./ticket-tally-rows.js";
export {
  type SqlQuery,
  type TicketTallyColumns,
  type TicketTallySqlOptions,
  type TicketTallyTables,
  ticketTallySql,
} from "./ticket-tally-sql.js";
