export type { SqlDialect } from "./dialect.js";
export { ticketTallyFromRows } from "./ticket-tally-rows.js";
export {
  type SqlQuery,
  type TicketTallyColumns,
  type TicketTallySqlOptions,
  type TicketTallyTables,
  ticketTallySql,
} from "./ticket-tally-sql.js";
