// Properties of businessClock on random weeks in six zones (with and without
// DST), with holidays and spans around each zone's 2024 offset changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BusinessClockRow, businessCalendar, businessClock } from "../../src/index.js";
import { datesNear, weeks, ZONES } from "./business-calendar-reference.js";

const DAY = 86_400_000;

/**
 * A calendar in one of the cross-check zones with holidays drawn from the days
 * around its 2024 offset changes, and a span of up to 40 days around one of
 * those changes with four instants inside it (arbitrary milliseconds).
 */
const cases = fc
  .constantFrom(...ZONES)
  .chain((zone) =>
    fc.record({
      calendar: fc
        .record({ week: weeks, holidays: fc.subarray(zone.around.flatMap(datesNear)) })
        .map(({ week, holidays }) => businessCalendar({ timeZone: zone.timeZone, week, holidays })),
      around: fc.constantFrom(...zone.around),
      start: fc.integer({ min: -20 * DAY, max: 5 * DAY }),
      span: fc.integer({ min: 0, max: 40 * DAY }),
      fs: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    }),
  )
  .map(({ calendar, around, start, span, fs }) => {
    const a = Date.parse(`${around}T00:00:00Z`) + start;
    const ts = fs.map((f) => a + Math.floor(span * f)).sort((x, y) => x - y);
    return { calendar, a, b: a + span, ts };
  });
const runs = { numRuns: 80 };

/** B(t) of the rows, exactly as the SQL computes it. */
function openUpTo(rows: readonly BusinessClockRow[], t: number): number {
  let b = 0;
  for (const r of rows) {
    if (r.startMs > t) break;
    b = r.openBeforeMs + Math.min(Math.max(t - r.startMs, 0), r.endMs - r.startMs);
  }
  return b;
}

describe("businessClock properties", () => {
  it("B(t2) − B(t1) always equals calendar.elapsedMs(t1, t2) to the millisecond", () => {
    fc.assert(
      fc.property(cases, ({ calendar, a, b, ts }) => {
        const rows = businessClock(calendar, a, b);
        for (let i = 0; i < ts.length; i++) {
          for (let j = i; j < ts.length; j++) {
            const t1 = ts[i] as number;
            const t2 = ts[j] as number;
            expect(openUpTo(rows, t2) - openUpTo(rows, t1)).toBe(calendar.elapsedMs(t1, t2));
          }
        }
        expect(openUpTo(rows, b)).toBe(calendar.elapsedMs(a, b));
      }),
      runs,
    );
  });

  it("rows are always ordered, non-empty, never touching, and open at their start", () => {
    fc.assert(
      fc.property(cases, ({ calendar, a, b }) => {
        const rows = businessClock(calendar, a, b);
        let end = Number.NEGATIVE_INFINITY;
        let open = 0;
        for (const r of rows) {
          expect(r.startMs).toBeGreaterThan(end);
          expect(r.endMs).toBeGreaterThan(r.startMs);
          expect(r.openBeforeMs).toBe(open);
          expect(calendar.isOpen(r.startMs)).toBe(true);
          expect(r.startMs).toBeGreaterThanOrEqual(a);
          expect(r.endMs).toBeLessThanOrEqual(b);
          open += r.endMs - r.startMs;
          end = r.endMs;
        }
      }),
      runs,
    );
  });

  it("splitting the span never changes the open stretches (apart from the cut)", () => {
    fc.assert(
      fc.property(cases, ({ calendar, a, b, ts }) => {
        const m = ts[1] as number;
        const whole = businessClock(calendar, a, b);
        const left = businessClock(calendar, a, m);
        const right = businessClock(calendar, m, b);
        const total = (rows: BusinessClockRow[]) => rows.reduce((s, r) => s + r.endMs - r.startMs, 0);
        expect(total(left) + total(right)).toBe(total(whole));
      }),
      runs,
    );
  });
});
