/**
 * Internal: the option keys of `tallyTickets`, shared with `ticketTallySql`
 * (whose options are the tally's plus the SQL ones), so that an option added
 * to the tally is accepted by both. Here, in a floor, because an area reaches
 * another only through its public index.
 *
 * @module
 */
import type { TallyTicketsOptions } from "../reports/ticket-options.js";
import type { Fields } from "./assert.js";

/** Internal: the keys of `TallyTicketsOptions`. */
export const TALLY_TICKETS_FIELDS: Fields<TallyTicketsOptions> = {
  asOf: "required",
  by: "optional",
  calendar: "optional",
  pauseStatuses: "optional",
  sla: "optional",
  sketch: "optional",
  onInvalid: "optional",
  firstIndex: "optional",
};
