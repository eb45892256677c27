import { describe, expect, it } from "vitest";
import { firstResponseTime, resolutionTime, ticketDurations } from "../../src/index.js";
import { code } from "../helpers/errors.js";

// Behaviours the mutation run (npm run mutation) found unpinned: boundaries at asOf, the
// first-resolution basis, the statistic option and the paths of bad options. Worked by hand.
const minute = 60_000;
const hour = 3_600_000;
const t0 = Date.UTC(2024, 2, 18, 9);
const none = { censored: 0, createdAfterAsOf: 0, resolvedWithoutResponse: 0, firstResolutionUnknown: 0 };

describe("first response and asOf", () => {
  const asOf = t0 + hour;

  it("a response after asOf is censored, not measured; one exactly at asOf is measured", () => {
    const later = ticketDurations([{ createdAt: t0, firstResponseAt: asOf + 1 }], { measure: "firstResponse", asOf });
    expect(later).toEqual({ durationsMs: [null], measured: 0, leftOut: { ...none, censored: 1 } });
    const atAsOf = ticketDurations([{ createdAt: t0, firstResponseAt: asOf }], { measure: "firstResponse", asOf });
    expect(atAsOf).toEqual({ durationsMs: [hour], measured: 1, leftOut: none });
    expect(firstResponseTime([{ createdAt: t0, firstResponseAt: asOf + 1 }], { asOf })).toBeNull();
  });

  it("a ticket created exactly at asOf is not created after it", () => {
    const open = ticketDurations([{ createdAt: asOf }], { measure: "firstResponse", asOf });
    expect(open.leftOut).toEqual({ ...none, censored: 1 });
    const answered = ticketDurations([{ createdAt: asOf, firstResponseAt: asOf }], { measure: "firstResponse", asOf });
    expect(answered).toEqual({ durationsMs: [0], measured: 1, leftOut: none });
  });

  it("a resolution without a response ends the wait only if it happened by asOf", () => {
    const tickets = [
      { createdAt: t0, resolvedAt: asOf + 1 }, // resolved later: still waiting at asOf
      { createdAt: t0, resolvedAt: asOf }, // resolved exactly at asOf
      { createdAt: t0 }, // neither: still waiting
    ];
    expect(ticketDurations(tickets, { measure: "firstResponse", asOf }).leftOut).toEqual({
      ...none,
      censored: 2,
      resolvedWithoutResponse: 1,
    });
    expect(ticketDurations(tickets, { measure: "firstResponse" }).leftOut).toEqual({
      ...none,
      censored: 1,
      resolvedWithoutResponse: 2,
    });
  });
});

describe("resolution and asOf", () => {
  const asOf = t0 + 2 * hour;

  it("a resolution after asOf is censored; one exactly at asOf is measured", () => {
    expect(ticketDurations([{ createdAt: t0, resolvedAt: asOf + 1 }], { asOf })).toEqual({
      durationsMs: [null],
      measured: 0,
      leftOut: { ...none, censored: 1 },
    });
    expect(resolutionTime([{ createdAt: t0, resolvedAt: asOf }], { asOf })).toBe(2 * hour);
  });

  it("a ticket created and resolved exactly at asOf takes 0 ms", () => {
    expect(ticketDurations([{ createdAt: asOf, resolvedAt: asOf }], { asOf })).toEqual({
      durationsMs: [0],
      measured: 1,
      leftOut: none,
    });
  });
});

describe('basis: "first"', () => {
  it("a first resolution equal to the final one is measured", () => {
    const tickets = [{ createdAt: t0, firstResolvedAt: t0 + 3 * hour, resolvedAt: t0 + 3 * hour }];
    expect(resolutionTime(tickets, { basis: "first" })).toBe(3 * hour);
  });

  it("a first resolution after the final one is inconsistent_instants at firstResolvedAt", () => {
    const tickets = [
      { createdAt: t0, resolvedAt: t0 + hour },
      { createdAt: t0, firstResolvedAt: t0 + 3 * hour + 1, resolvedAt: t0 + 3 * hour },
    ];
    expect(() => resolutionTime(tickets, { basis: "first" })).toThrow(
      code("inconsistent_instants", {
        fn: "resolutionTime",
        path: "tickets[1].firstResolvedAt",
        received: t0 + 3 * hour + 1,
      }),
    );
    expect(() => resolutionTime(tickets, { basis: "first" })).toThrow(/an instant at or before resolvedAt/);
  });

  it("a reopened ticket without firstResolvedAt is censored while its final resolution is after asOf", () => {
    const tickets = [{ createdAt: t0, resolvedAt: t0 + 5 * hour, reopenCount: 1 }];
    const unknown = { ...none, firstResolutionUnknown: 1 };
    expect(ticketDurations(tickets, { basis: "first" }).leftOut).toEqual(unknown);
    expect(ticketDurations(tickets, { basis: "first", asOf: t0 + 5 * hour }).leftOut).toEqual(unknown);
    expect(ticketDurations(tickets, { basis: "first", asOf: t0 + 4 * hour }).leftOut).toEqual({ ...none, censored: 1 });
    // Never reopened: the final resolution is the first.
    expect(resolutionTime([{ ...tickets[0]!, reopenCount: 0 }], { basis: "first" })).toBe(5 * hour);
  });
});

describe("the statistic option", () => {
  // Minutes 5, 10, 15, 20, 600: R quantile(type = 7) at 0 is the minimum, at 1 the maximum; the mean is 130.
  const tickets = [20, 600, 5, 15, 10].map((m) => ({ createdAt: t0, firstResponseAt: t0 + m * minute }));

  it("{ quantile: 0 } is the minimum and { quantile: 1 } the maximum, never the mean", () => {
    expect(firstResponseTime(tickets, { statistic: { quantile: 0 } })).toBe(5 * minute);
    expect(firstResponseTime(tickets, { statistic: { quantile: 1 } })).toBe(600 * minute);
    expect(firstResponseTime(tickets, { statistic: "mean" })).toBe(130 * minute);
  });

  it("null, an array or a string is invalid_option at options.statistic", () => {
    for (const statistic of [null, [0.5], "p90", 0.5]) {
      expect(() => firstResponseTime(tickets, { statistic: statistic as never })).toThrow(
        code("invalid_option", { fn: "firstResponseTime", path: "options.statistic", received: statistic }),
      );
    }
    expect(() => resolutionTime(tickets, { statistic: null as never })).toThrow(
      /"mean", "median" or \{ quantile: p \}/,
    );
  });

  it("a quantile outside 0…1 or not a number is invalid_option at options.statistic.quantile", () => {
    for (const quantile of [-0.01, 1.01, "0.5", Number.NaN, undefined]) {
      expect(() => resolutionTime(tickets, { statistic: { quantile: quantile as never } })).toThrow(
        code("invalid_option", { fn: "resolutionTime", path: "options.statistic.quantile" }),
      );
    }
    expect(() => resolutionTime(tickets, { statistic: { quantile: 2 } })).toThrow(/a position 0 ≤ p ≤ 1/);
  });
});

describe("option paths", () => {
  const tickets = [{ createdAt: t0, resolvedAt: t0 + hour }];

  it("names the path of each bad option", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ measure: "handle" }, "options.measure"],
      [{ basis: "last" }, "options.basis"],
      [{ calendar: "business" }, "options.calendar"],
      [{ pauseStatuses: "pending" }, "options.pauseStatuses"],
    ];
    for (const [options, path] of cases) {
      expect(() => ticketDurations(tickets, options as never), path).toThrow(
        code("invalid_option", { fn: "ticketDurations", path }),
      );
    }
    expect(() => resolutionTime(tickets, { basis: "last" as never })).toThrow(
      code("invalid_option", { fn: "resolutionTime", path: "options.basis" }),
    );
  });

  it("reads the status history only when pauseStatuses are given", () => {
    const withHistory = [{ createdAt: t0, resolvedAt: t0 + hour, statusHistory: "not a history" as never }];
    expect(resolutionTime(withHistory)).toBe(hour);
    expect(() => resolutionTime(withHistory, { pauseStatuses: ["pending"] })).toThrow(
      code("invalid_type", { path: "tickets[0].statusHistory" }),
    );
  });
});
