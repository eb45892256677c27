// The `calendar` option of the ticket metrics, with a small, obviously correct
// stand-in for businessCalendar: UTC, Monday–Friday 09:00–17:00, computed day by day.
// (test/tickets/business-hours.test.ts runs the same metrics on the real businessCalendar.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backlog, resolutionTime, slaCounts, type TicketCalendar, ticketDurations } from "../../src/index.js";
import { hour, tickets } from "./arbitraries.js";

const day = 24 * hour;
const nineToFive: TicketCalendar = {
  elapsedMs(start, end) {
    const a = Number(start);
    const b = Number(end);
    let total = 0;
    for (let d = Math.floor(a / day) * day; d < b; d += day) {
      const weekday = new Date(d).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const from = Math.max(a, d + 9 * hour);
      const until = Math.min(b, d + 17 * hour);
      if (until > from) total += until - from;
    }
    return total;
  },
};
const fri16 = Date.UTC(2024, 2, 8, 16); // Friday 2024-03-08 16:00Z
const mon10 = Date.UTC(2024, 2, 11, 10);

describe("the calendar option", () => {
  it("counts only open time: Friday 16:00 → Monday 10:00 is 2 business hours", () => {
    const t = [{ createdAt: fri16, resolvedAt: mon10 }];
    expect(resolutionTime(t)).toBe(66 * hour);
    expect(resolutionTime(t, { calendar: nineToFive })).toBe(2 * hour);
  });

  it("pausing and business hours combine: a pending stretch only removes its open time", () => {
    const t = [
      {
        createdAt: fri16,
        resolvedAt: mon10,
        statusHistory: [
          { status: "open", at: fri16 },
          { status: "pending", at: fri16 + 0.5 * hour }, // Fri 16:30 → Mon 09:15: 45 open minutes
          { status: "open", at: mon10 - 0.75 * hour },
        ],
      },
    ];
    expect(resolutionTime(t, { calendar: nineToFive, pauseStatuses: ["pending"] })).toBe(1.25 * hour);
  });

  it("SLA targets in business time: 8 business hours from Friday 16:00 end Monday 16:00", () => {
    const policy = { resolutionMs: 8 * hour, calendar: nineToFive };
    expect(slaCounts([{ createdAt: fri16, resolvedAt: fri16 + 3 * day }], policy)).toEqual({
      achieved: 1,
      breached: 0,
      pending: 0,
    });
    expect(slaCounts([{ createdAt: fri16, resolvedAt: fri16 + 3 * day + 1 }], policy)).toEqual({
      achieved: 0,
      breached: 1,
      pending: 0,
    });
    // Open over the weekend: only one business hour has passed by Sunday night.
    expect(slaCounts([{ createdAt: fri16 }], policy, { asOf: fri16 + 2.3 * day })).toEqual({
      achieved: 0,
      breached: 0,
      pending: 1,
    });
  });

  it("backlog ages in business time", () => {
    const t = [{ createdAt: fri16 }];
    expect(backlog(t, { asOf: mon10, olderThanMs: day })).toBe(1);
    expect(backlog(t, { asOf: mon10, olderThanMs: 1.5 * hour, calendar: nineToFive })).toBe(1);
    expect(backlog(t, { asOf: mon10, olderThanMs: 2 * hour, calendar: nineToFive })).toBe(0);
  });

  it("business time never exceeds calendar time, with or without pausing", () => {
    fc.assert(
      fc.property(tickets, (list) => {
        const plain = ticketDurations(list).durationsMs;
        const business = ticketDurations(list, { calendar: nineToFive }).durationsMs;
        const pausedBusiness = ticketDurations(list, { calendar: nineToFive, pauseStatuses: ["pending"] }).durationsMs;
        plain.forEach((d, k) => {
          if (d === null) return;
          expect(business[k]!).toBeLessThanOrEqual(d);
          expect(pausedBusiness[k]!).toBeLessThanOrEqual(business[k]!);
          expect(pausedBusiness[k]!).toBeGreaterThanOrEqual(0);
        });
      }),
    );
  });

  it("rejects something that is not a calendar (invalid_option)", () => {
    expect(() => resolutionTime([], { calendar: { elapsedMs: 5 } as never })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.calendar" }),
    );
    expect(() => slaCounts([], { resolutionMs: 1, calendar: null as never })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "policy.calendar" }),
    );
  });
});
