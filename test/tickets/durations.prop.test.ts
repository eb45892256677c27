import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstResponseTime, resolutionTime, ticketDurations } from "../../src/index.js";
import { asOf, hour, ticket, tickets, ticketsAndShuffled } from "./arbitraries.js";

const statistic = fc.constantFrom("mean" as const, "median" as const, { quantile: 0.9 });
const pauseStatuses = fc.subarray(["pending", "on-hold", "awaiting user info"]);

describe("duration properties", () => {
  it("do not depend on ticket order", () => {
    fc.assert(
      fc.property(ticketsAndShuffled, statistic, pauseStatuses, ([list, shuffled], s, pause) => {
        const a = resolutionTime(list, { statistic: s, pauseStatuses: pause });
        const b = resolutionTime(shuffled, { statistic: s, pauseStatuses: pause });
        if (a === null) expect(b).toBeNull();
        else expect(b).toBeCloseTo(a, 3);
        expect(firstResponseTime(shuffled, { statistic: "median" })).toBe(
          firstResponseTime(list, { statistic: "median" }),
        );
      }),
    );
  });

  it("pausing never lengthens a duration", () => {
    fc.assert(
      fc.property(
        tickets,
        pauseStatuses,
        fc.constantFrom("firstResponse" as const, "resolution" as const),
        (list, pause, measure) => {
          const plain = ticketDurations(list, { measure }).durationsMs;
          const paused = ticketDurations(list, { measure, pauseStatuses: pause }).durationsMs;
          paused.forEach((d, k) => {
            if (d === null) expect(plain[k]).toBeNull();
            else {
              expect(d).toBeGreaterThanOrEqual(0);
              expect(d).toBeLessThanOrEqual(plain[k]!);
            }
          });
        },
      ),
    );
  });

  it("pausing on a status the history never shows changes nothing", () => {
    fc.assert(
      fc.property(tickets, (list) => {
        expect(ticketDurations(list, { pauseStatuses: ["escalated"] })).toEqual(ticketDurations(list));
      }),
    );
  });

  it("every ticket is either measured or counted once as left out", () => {
    fc.assert(
      fc.property(
        tickets,
        fc.option(asOf, { nil: undefined }),
        fc.constantFrom("full" as const, "first" as const),
        (list, at, basis) => {
          const r = ticketDurations(list, at === undefined ? { basis } : { basis, asOf: at });
          const left = r.leftOut;
          expect(
            r.measured +
              left.censored +
              left.createdAfterAsOf +
              left.resolvedWithoutResponse +
              left.firstResolutionUnknown,
          ).toBe(list.length);
          expect(r.durationsMs.filter((d) => d !== null).length).toBe(r.measured);
        },
      ),
    );
  });

  it("the statistic always equals the statistic of the per-ticket durations", () => {
    fc.assert(
      fc.property(tickets, (list) => {
        const ds = ticketDurations(list, { measure: "firstResponse" }).durationsMs.filter(
          (d): d is number => d !== null,
        );
        const mean = firstResponseTime(list);
        if (ds.length === 0) expect(mean).toBeNull();
        else expect(mean).toBeCloseTo(ds.reduce((s, d) => s + d, 0) / ds.length, 3);
      }),
    );
  });

  it("the median never exceeds the longest measured duration, and the mean lies within [min, max]", () => {
    fc.assert(
      fc.property(fc.array(ticket, { minLength: 1, maxLength: 30 }), (list) => {
        const ds = ticketDurations(list).durationsMs.filter((d): d is number => d !== null);
        if (ds.length === 0) return;
        const max = Math.max(...ds);
        const min = Math.min(...ds);
        expect(resolutionTime(list, { statistic: "median" })!).toBeLessThanOrEqual(max);
        const mean = resolutionTime(list)!;
        expect(mean).toBeLessThanOrEqual(max);
        expect(mean).toBeGreaterThanOrEqual(min);
      }),
    );
  });

  it("an earlier asOf never measures more tickets", () => {
    fc.assert(
      fc.property(tickets, asOf, fc.integer({ min: 0, max: 100 * hour }), (list, at, back) => {
        expect(ticketDurations(list, { asOf: at - back }).measured).toBeLessThanOrEqual(
          ticketDurations(list, { asOf: at }).measured,
        );
      }),
    );
  });
});
