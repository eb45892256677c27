import { describe, expect, it } from "vitest";
import { firstResponseTime, resolutionTime, ticketDurations } from "../../src/index.js";

const minute = 60_000;
const hour = 3_600_000;
const t0 = Date.UTC(2024, 2, 18, 9); // Monday 2024-03-18 09:00Z

describe("firstResponseTime", () => {
  // The metric reference, section 4: FRT minutes 5, 10, 15, 20, 600 → mean 130, median 15
  // (R: mean(c(5,10,15,20,600)) = 130; median(...) = 15).
  const tickets = [5, 10, 15, 20, 600].map((m) => ({ createdAt: t0, firstResponseAt: t0 + m * minute }));
  it("is the mean by default (130 min) and the median on request (15 min)", () => {
    expect(firstResponseTime(tickets)).toBe(130 * minute);
    expect(firstResponseTime(tickets, { statistic: "mean" })).toBe(130 * minute);
    expect(firstResponseTime(tickets, { statistic: "median" })).toBe(15 * minute);
  });

  it("54 000 s of first-response time over 800 first responses is 67.5 s (section 9, error 4)", () => {
    // 800 tickets whose response times sum to 54 000 s: 400 at 60 s and 400 at 75 s.
    const many = Array.from({ length: 800 }, (_, k) => ({
      createdAt: t0,
      firstResponseAt: t0 + (k % 2 === 0 ? 60_000 : 75_000),
    }));
    expect(firstResponseTime(many)).toBe(67_500);
  });

  it("reports any quantile (R-7: quantile(c(5,10,15,20,600), 0.25) = 10)", () => {
    expect(firstResponseTime(tickets, { statistic: { quantile: 0.25 } })).toBe(10 * minute);
    expect(firstResponseTime(tickets, { statistic: { quantile: 1 } })).toBe(600 * minute);
  });

  it("leaves censored tickets out instead of averaging them as 0", () => {
    const withOpen = [...tickets, { createdAt: t0 }, { createdAt: t0 + hour }];
    expect(firstResponseTime(withOpen)).toBe(130 * minute);
    expect(ticketDurations(withOpen, { measure: "firstResponse" }).leftOut.censored).toBe(2);
  });

  it("returns null when no ticket has a first response", () => {
    expect(firstResponseTime([])).toBeNull();
    expect(firstResponseTime([{ createdAt: t0 }, { createdAt: t0, resolvedAt: t0 + hour }])).toBeNull();
  });

  it("with asOf, responses after it have not happened yet", () => {
    const asOf = t0 + 12 * minute;
    expect(firstResponseTime(tickets, { asOf })).toBe(7.5 * minute);
    expect(ticketDurations(tickets, { measure: "firstResponse", asOf }).leftOut.censored).toBe(3);
  });

  it("a response exactly at createdAt is 0 ms, never -0", () => {
    expect(Object.is(firstResponseTime([{ createdAt: t0, firstResponseAt: t0 }]), 0)).toBe(true);
  });

  it("throws inconsistent_instants with the ticket's path when the response precedes creation", () => {
    const bad = [tickets[0]!, tickets[1]!, { createdAt: t0, firstResponseAt: t0 - 1 }];
    expect(() => firstResponseTime(bad)).toThrow(
      expect.objectContaining({
        code: "inconsistent_instants",
        fn: "firstResponseTime",
        path: "tickets[2].firstResponseAt",
      }),
    );
  });

  it("rejects an invalid statistic (invalid_option)", () => {
    expect(() => firstResponseTime(tickets, { statistic: "mode" as "mean" })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.statistic" }),
    );
    expect(() => firstResponseTime(tickets, { statistic: { quantile: 1.5 } })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.statistic.quantile" }),
    );
  });
});

describe("resolutionTime", () => {
  const tickets = [
    { createdAt: t0, firstResolvedAt: t0 + 2 * hour, resolvedAt: t0 + 10 * hour, reopenCount: 1 },
    { createdAt: t0, resolvedAt: t0 + 4 * hour, reopenCount: 0 },
    { createdAt: t0, resolvedAt: t0 + 6 * hour, reopenCount: 2 },
    { createdAt: t0 },
  ];

  it("full basis runs to the final resolution; first basis to the first", () => {
    expect(resolutionTime(tickets)).toBe(((10 + 4 + 6) * hour) / 3);
    expect(resolutionTime(tickets, { basis: "full", statistic: "median" })).toBe(6 * hour);
    // The third ticket was reopened and has no firstResolvedAt: its first resolution is unknown.
    expect(resolutionTime(tickets, { basis: "first" })).toBe(3 * hour);
    expect(ticketDurations(tickets, { basis: "first" }).leftOut).toEqual({
      censored: 1,
      createdAfterAsOf: 0,
      resolvedWithoutResponse: 0,
      firstResolutionUnknown: 1,
    });
  });

  it("a first resolution is measured even while the reopened ticket is open again", () => {
    expect(resolutionTime([{ createdAt: t0, firstResolvedAt: t0 + hour }], { basis: "first" })).toBe(hour);
    expect(resolutionTime([{ createdAt: t0, firstResolvedAt: t0 + hour }])).toBeNull();
  });

  it("pausing removes the time spent in the paused statuses (Zendesk requester wait time)", () => {
    const ticket = {
      createdAt: t0,
      resolvedAt: t0 + 10 * hour,
      statusHistory: [
        { status: "new", at: t0 },
        { status: "Pending", at: t0 + hour },
        { status: "open", at: t0 + 3 * hour },
        { status: "on-hold", at: t0 + 5 * hour },
        { status: "open", at: t0 + 6 * hour },
        { status: "solved", at: t0 + 10 * hour },
      ],
    };
    expect(resolutionTime([ticket])).toBe(10 * hour);
    expect(resolutionTime([ticket], { pauseStatuses: ["pending"] })).toBe(8 * hour);
    expect(resolutionTime([ticket], { pauseStatuses: ["pending", "ON-HOLD"] })).toBe(7 * hour);
  });

  it("a paused status that began before creation or lasts past the end only counts inside the interval", () => {
    const ticket = {
      createdAt: t0,
      resolvedAt: t0 + 4 * hour,
      statusHistory: [
        { status: "pending", at: t0 - hour },
        { status: "open", at: t0 + hour },
        { status: "pending", at: t0 + 3 * hour },
      ],
    };
    expect(resolutionTime([ticket], { pauseStatuses: ["pending"] })).toBe(2 * hour);
  });

  it("throws inconsistent_instants with the path for a resolution before creation", () => {
    const bad = [tickets[0]!, tickets[1]!, { createdAt: t0, resolvedAt: t0 - hour }];
    expect(() => resolutionTime(bad)).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", fn: "resolutionTime", path: "tickets[2].resolvedAt" }),
    );
    expect(() =>
      resolutionTime([{ createdAt: t0, firstResolvedAt: t0 + 2 * hour, resolvedAt: t0 + hour }], { basis: "first" }),
    ).toThrow(expect.objectContaining({ code: "inconsistent_instants", path: "tickets[0].firstResolvedAt" }));
  });

  it("throws inconsistent_instants for a status history out of time order", () => {
    const ticket = {
      createdAt: t0,
      resolvedAt: t0 + 4 * hour,
      statusHistory: [
        { status: "open", at: t0 + hour },
        { status: "pending", at: t0 },
      ],
    };
    expect(() => resolutionTime([ticket], { pauseStatuses: ["pending"] })).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "tickets[0].statusHistory[1].at" }),
    );
  });

  it("rejects a missing createdAt (missing_value), zone-less strings (invalid_instant), wrong types (invalid_type)", () => {
    expect(() => resolutionTime([{ resolvedAt: t0 } as never])).toThrow(
      expect.objectContaining({ code: "missing_value", path: "tickets[0].createdAt" }),
    );
    expect(() => resolutionTime([{ createdAt: "2024-03-18T09:00:00" }])).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "tickets[0].createdAt" }),
    );
    expect(() => resolutionTime([{ createdAt: t0, resolvedAt: true as never }])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "tickets[0].resolvedAt" }),
    );
    expect(() => resolutionTime([null as never])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "tickets[0]" }),
    );
    expect(() => resolutionTime({} as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "tickets" }),
    );
    expect(() =>
      resolutionTime([{ createdAt: t0, resolvedAt: t0 + 1, statusHistory: [{ status: 3 as never, at: t0 }] }], {
        pauseStatuses: ["x"],
      }),
    ).toThrow(expect.objectContaining({ code: "invalid_type", path: "tickets[0].statusHistory[0].status" }));
  });

  it("rejects bad options (invalid_option)", () => {
    for (const [bad, path] of [
      [{ basis: "last" }, "options.basis"],
      [{ calendar: {} }, "options.calendar"],
      [{ pauseStatuses: [1] }, "options.pauseStatuses[0]"],
      [{ pauseStatuses: "pending" }, "options.pauseStatuses"],
    ] as const) {
      expect(() => resolutionTime(tickets, bad as never)).toThrow(
        expect.objectContaining({ code: "invalid_option", fn: "resolutionTime", path }),
      );
    }
    expect(() => resolutionTime(tickets, 5 as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options" }),
    );
  });

  it("reads ISO strings with offsets and Dates alike", () => {
    expect(
      resolutionTime([
        { createdAt: "2024-03-18T09:00:00Z", resolvedAt: "2024-03-18T12:00:00+02:00" },
        { createdAt: new Date(t0), resolvedAt: new Date(t0 + 3 * hour) },
      ]),
    ).toBe(2 * hour);
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(
      tickets.map((t) =>
        Object.freeze({ ...t, statusHistory: Object.freeze([Object.freeze({ status: "open", at: t0 })]) }),
      ),
    );
    const before = JSON.stringify(frozen);
    resolutionTime(frozen, { pauseStatuses: ["pending"], statistic: "median" });
    ticketDurations(frozen, { basis: "first" });
    expect(JSON.stringify(frozen)).toBe(before);
  });
});

describe("ticketDurations", () => {
  it("returns per-ticket durations in input order and counts what was left out and why", () => {
    const result = ticketDurations(
      [
        { createdAt: t0, firstResponseAt: t0 + 5 * minute },
        { createdAt: t0 },
        { createdAt: t0, resolvedAt: t0 + hour },
        { createdAt: t0 + 2 * hour, firstResponseAt: t0 + 3 * hour },
        { createdAt: t0, firstResponseAt: t0 + 2 * hour },
      ],
      { measure: "firstResponse", asOf: t0 + hour },
    );
    expect(result).toEqual({
      durationsMs: [5 * minute, null, null, null, null],
      measured: 1,
      leftOut: { censored: 2, createdAfterAsOf: 1, resolvedWithoutResponse: 1, firstResolutionUnknown: 0 },
    });
  });

  it("measures resolution by default", () => {
    expect(ticketDurations([{ createdAt: t0, resolvedAt: t0 + hour }]).durationsMs).toEqual([hour]);
  });

  it("counts every ticket exactly once", () => {
    const result = ticketDurations([{ createdAt: t0 }, { createdAt: t0, resolvedAt: t0 + 1 }], { asOf: t0 - 1 });
    const left = result.leftOut;
    expect(
      result.measured +
        left.censored +
        left.createdAfterAsOf +
        left.resolvedWithoutResponse +
        left.firstResolutionUnknown,
    ).toBe(2);
    expect(left.createdAfterAsOf).toBe(2);
  });

  it("rejects an unknown measure (invalid_option) and a zone-less asOf (invalid_instant)", () => {
    expect(() => ticketDurations([], { measure: "handle" as never })).toThrow(
      expect.objectContaining({ code: "invalid_option", fn: "ticketDurations", path: "options.measure" }),
    );
    expect(() => ticketDurations([], { asOf: "2024-03-18 09:00" })).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "options.asOf" }),
    );
  });
});
