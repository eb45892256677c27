export {
  type BusinessCalendar,
  type BusinessCalendarOptions,
  type BusinessInterval,
  type BusinessWeek,
  businessCalendar,
} from "./business-calendar.js";
export { type BusinessClockRow, businessClock } from "./business-clock.js";
export { type Instant, parseInstant } from "./instant.js";
export { type Disambiguation, type LocalInstantOptions, localInstant } from "./local-instant.js";
