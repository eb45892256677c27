// Shared fast-check arbitraries for the report property tests.
import fc from "fast-check";
import { businessCalendar, type Ticket } from "../../src/index.js";
import { ticket as baseTicket, hour, T0 } from "../tickets/arbitraries.js";

export { hour, T0 };

const day = [["09:00", "17:00"]] as const;
/** New York business hours, Monday to Friday 9–17 (the first test week holds the start of daylight-saving time). */
export const newYork = businessCalendar({
  timeZone: "America/New_York",
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: ["2024-03-08"],
});

/** A ticket with an agent, a channel, a priority and contact counts, some absent. */
export const reportTicket: fc.Arbitrary<Ticket> = fc
  .record({
    base: baseTicket,
    agentId: fc.option(fc.constantFrom("ana", "ben", "chloé"), { nil: undefined }),
    channel: fc.option(fc.constantFrom("email", "chat", "phone"), { nil: null }),
    contactsToResolve: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })
  .map(({ base, agentId, channel, contactsToResolve }) => ({
    ...base,
    channel,
    ...(agentId === undefined ? {} : { agentId }),
    ...(contactsToResolve === undefined ? {} : { contactsToResolve }),
  }));

export const reportTickets: fc.Arbitrary<Ticket[]> = fc.array(reportTicket, { maxLength: 30 });

export const asOf: fc.Arbitrary<number> = fc.integer({ min: 0, max: 20 * 24 * hour }).map((d) => T0 + d);

/** Tally options: maybe a calendar, maybe pauses, maybe an SLA by priority. */
export const tallyOptions = fc.record({
  asOf,
  calendar: fc.option(fc.constant(newYork), { nil: undefined }),
  pauseStatuses: fc.option(fc.subarray(["pending", "on-hold"]), { nil: undefined }),
  sla: fc.option(
    fc.record({
      firstResponseMs: fc.integer({ min: 0, max: 48 * hour }),
      byPriority: fc.constant({ urgent: { resolutionMs: 4 * hour }, high: { resolutionMs: 24 * hour } }),
    }),
    { nil: undefined },
  ),
  alpha: fc.constantFrom(0.01, 0.05),
});

/** `T` with its possibly-undefined properties made optional and never `undefined`. */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops `undefined` options (exactOptionalPropertyTypes). */
export function defined<T extends object>(o: T): Defined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
}
