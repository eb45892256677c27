// Properties of businessCalendar on random weeks (several intervals a day,
// touching intervals, "24:00"), random holidays, six zones and instants over
// 1995–2045 (arbitrary milliseconds, not only whole minutes).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BusinessCalendar, businessCalendar } from "../../src/index.js";
import { fastCalendarOf } from "../../src/time/business-calendar.js";
import { MINUTE, weeks, ZONES } from "./business-calendar-reference.js";

const from = Date.UTC(1995, 0, 1);
const to = Date.UTC(2045, 0, 1);
const DAY = 86_400_000;

const holidayDates = fc.uniqueArray(
  fc
    .integer({ min: 0, max: Math.floor((to - from) / DAY) })
    .map((k) => new Date(from + k * DAY).toISOString().slice(0, 10)),
  { maxLength: 40 },
);
const calendars: fc.Arbitrary<BusinessCalendar> = fc
  .record({ timeZone: fc.constantFrom(...ZONES.map((z) => z.timeZone)), week: weeks, holidays: holidayDates })
  .map((options) => businessCalendar(options));
const instant = fc.integer({ min: from, max: to });
/** Three ascending instants, mostly close together (hours to weeks), sometimes years apart. */
const ordered = fc
  .tuple(
    instant,
    fc.oneof(fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 0, max: 3 * 365 * DAY })),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([a, span, f]) => {
    const c = a + span;
    return [a, a + Math.floor(span * f), c] as const;
  });
const runs = { numRuns: 300 };

describe("businessCalendar properties", () => {
  it("business time never exceeds calendar time and is never negative", () => {
    fc.assert(
      fc.property(calendars, ordered, (calendar, [a, , c]) => {
        const e = calendar.elapsedMs(a, c);
        expect(e).toBeGreaterThanOrEqual(0);
        expect(e).toBeLessThanOrEqual(c - a);
      }),
      runs,
    );
  });

  it("is additive over split intervals: elapsed(a, c) = elapsed(a, b) + elapsed(b, c)", () => {
    fc.assert(
      fc.property(calendars, ordered, (calendar, [a, b, c]) => {
        expect(calendar.elapsedMs(a, b) + calendar.elapsedMs(b, c)).toBe(calendar.elapsedMs(a, c));
      }),
      runs,
    );
  });

  it("is monotone in the end: a later end never gives less open time", () => {
    fc.assert(
      fc.property(calendars, ordered, (calendar, [a, b, c]) => {
        expect(calendar.elapsedMs(a, b)).toBeLessThanOrEqual(calendar.elapsedMs(a, c));
        expect(calendar.elapsedMs(b, c)).toBeLessThanOrEqual(calendar.elapsedMs(a, c));
      }),
      runs,
    );
  });

  it("addMs(t, elapsedMs(t, u)) always lands on u when u is open", () => {
    fc.assert(
      fc.property(calendars, ordered, (calendar, [t, , u]) => {
        const back = calendar.addMs(t, calendar.elapsedMs(t, u));
        if (calendar.isOpen(u)) expect(back).toBe(u);
        else expect(back).toBeGreaterThan(u); // the next opening after u
      }),
      runs,
    );
  });

  it("the deadline of addMs is always open and has exactly ms of open time before it", () => {
    fc.assert(
      fc.property(calendars, instant, fc.integer({ min: 0, max: 400 * DAY }), (calendar, t, ms) => {
        const deadline = calendar.addMs(t, ms);
        expect(deadline).toBeGreaterThanOrEqual(t);
        expect(calendar.isOpen(deadline)).toBe(true);
        expect(calendar.elapsedMs(t, deadline)).toBe(ms);
      }),
      runs,
    );
  });

  it("isOpen agrees with elapsedMs over one-minute windows", () => {
    fc.assert(
      fc.property(calendars, instant, (calendar, t) => {
        const start = Math.floor(t / MINUTE) * MINUTE; // calendars and offsets change on whole minutes
        expect(calendar.elapsedMs(start, start + MINUTE)).toBe(calendar.isOpen(start) ? MINUTE : 0);
      }),
      { numRuns: 1000 },
    );
  });

  it("a calendar never depends on the order of its holidays or intervals", () => {
    fc.assert(
      fc.property(weeks, holidayDates, ordered, (week, holidays, [a, , c]) => {
        const reversedWeek = Object.fromEntries(Object.entries(week).map(([k, v]) => [k, [...v].reverse()]));
        const one = businessCalendar({ timeZone: "Europe/London", week, holidays });
        const two = businessCalendar({
          timeZone: "Europe/London",
          week: reversedWeek,
          holidays: [...holidays].reverse(),
        });
        expect(two.elapsedMs(a, c)).toBe(one.elapsedMs(a, c));
      }),
      { numRuns: 100 },
    );
  });

  it("positionsInto: two places always differ by exactly elapsedMs between them, or it refuses and writes nothing", () => {
    let placed = 0;
    fc.assert(
      fc.property(calendars, ordered, fc.double({ min: 0, max: 1, noNaN: true }), (calendar, [a, b, c], f) => {
        const fast = fastCalendarOf(calendar);
        if (fast === undefined) throw new Error("a calendar from businessCalendar has its hooks");
        const fraction = a + f * (b - a); // fractional milliseconds too
        const io = new Float64Array([a, fraction, b, c, Number.NaN]);
        const before = io.slice();
        if (!fast.positionsInto(io, 5)) {
          expect(io).toEqual(before); // a change of offset (or of the zone table's chunk) lies between a and c
          return;
        }
        placed++;
        expect(io[4]).toBeNaN();
        expect((io[2] as number) - (io[1] as number) + 0).toBe(calendar.elapsedMs(fraction, b));
        expect((io[3] as number) - (io[2] as number) + 0).toBe(calendar.elapsedMs(b, c));
      }),
      runs,
    );
    expect(placed).toBeGreaterThan(runs.numRuns / 2); // most spans lie within one offset: the property is not vacuous
  });
});
