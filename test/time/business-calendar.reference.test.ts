// Randomized cross-check of businessCalendar against a slow minute-by-minute
// reference that reads every minute with Intl (business-calendar-reference.ts),
// in six zones, around both daylight-saving changes of 2024, with random weeks
// (several intervals a day, touching intervals, "24:00") and holidays.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessCalendar } from "../../src/index.js";
import { datesNear, MINUTE, reference, weeks, ZONES } from "./business-calendar-reference.js";

const DAY = 86_400_000;

describe("businessCalendar agrees with a minute-by-minute Intl reference", () => {
  for (const { timeZone, around } of ZONES) {
    it(`${timeZone}: elapsedMs, isOpen and addMs around ${around.join(" and ")}`, () => {
      const scenario = fc
        .record({
          week: weeks,
          change: fc.constantFrom(...around),
          holidayPicks: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
          // start and length in minutes: within ±3 days of the change, spans up to 2 days
          startMinute: fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
          lengthMinutes: fc.integer({ min: 0, max: 2 * 1440 }),
        })
        .map(({ week, change, holidayPicks, startMinute, lengthMinutes }) => {
          const holidays = datesNear(change).filter((_, k) => holidayPicks[k]);
          const a = Date.parse(`${change}T00:00:00Z`) + startMinute * MINUTE;
          return { options: { timeZone, week, holidays }, a, b: a + lengthMinutes * MINUTE };
        });
      fc.assert(
        fc.property(scenario, ({ options, a, b }) => {
          const calendar = businessCalendar(options);
          const slow = reference(options);
          const elapsed = calendar.elapsedMs(a, b);
          expect(elapsed).toBe(slow.elapsedMs(a, b));
          expect(calendar.isOpen(a)).toBe(slow.isOpen(a));
          expect(calendar.isOpen(b)).toBe(slow.isOpen(b));
          // The deadline: open, with exactly `elapsed` of open time before it, and nothing open
          // between the last counted minute and it (the reference walks there minute by minute).
          const deadline = calendar.addMs(a, elapsed);
          expect(deadline % MINUTE).toBe(0);
          expect(slow.isOpen(deadline)).toBe(true);
          expect(deadline).toBeLessThan(b + 15 * DAY);
          expect(slow.elapsedMs(a, deadline)).toBe(elapsed);
          if (slow.isOpen(b)) expect(deadline).toBe(b);
        }),
        { numRuns: 60 },
      );
    });
  }
});
