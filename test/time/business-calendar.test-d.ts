// Types of businessCalendar: a calendar is what the ticket metrics take, methods
// take any Instant and return numbers, and intervals are [start, end] pairs.
import { describe, expectTypeOf, it } from "vitest";
import {
  type BusinessCalendar,
  type BusinessCalendarOptions,
  businessCalendar,
  type Instant,
  type TicketCalendar,
} from "../../src/index.js";

describe("businessCalendar types", () => {
  it("returns a BusinessCalendar that the ticket metrics accept", () => {
    expectTypeOf(businessCalendar).returns.toEqualTypeOf<BusinessCalendar>();
    expectTypeOf<BusinessCalendar>().toMatchTypeOf<TicketCalendar>();
    expectTypeOf<BusinessCalendar["elapsedMs"]>().parameters.toEqualTypeOf<[Instant, Instant]>();
    expectTypeOf<BusinessCalendar["addMs"]>().returns.toEqualTypeOf<number>();
    expectTypeOf<BusinessCalendar["isOpen"]>().returns.toEqualTypeOf<boolean>();
  });
  it("takes literal intervals as [start, end] pairs and rejects other shapes", () => {
    expectTypeOf({
      timeZone: "UTC",
      week: { mon: [["09:00", "17:00"]] },
    } as const).toMatchTypeOf<BusinessCalendarOptions>();
    expectTypeOf({ timeZone: "UTC", week: { mon: [["09:00"]] } } as const).not.toMatchTypeOf<BusinessCalendarOptions>();
    expectTypeOf({ week: { mon: [["09:00", "17:00"]] } } as const).not.toMatchTypeOf<BusinessCalendarOptions>();
  });
});
