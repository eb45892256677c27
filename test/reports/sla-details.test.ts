import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessCalendar, slaCounts, slaDetails } from "../../src/index.js";
import { asOf, hour, T0, tickets } from "../tickets/arbitraries.js";

const day = [["09:00", "17:00"]] as const;
const newYork = businessCalendar({
  timeZone: "America/New_York",
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
});

describe("slaDetails", () => {
  it("the metric reference's tickets: achieved exactly at the deadline, breached when open past it", () => {
    const details = slaDetails(
      [{ createdAt: 0, resolvedAt: 8 * hour }, { createdAt: 0 }, { createdAt: 6 * hour }],
      { resolutionMs: 8 * hour },
      { asOf: 10 * hour },
    );
    expect(details.map((d) => d.state)).toEqual(["achieved", "breached", "pending"]);
    expect(details[2]?.resolution).toEqual({
      state: "pending",
      targetMs: 8 * hour,
      deadline: 14 * hour,
      elapsedMs: 4 * hour,
    });
  });

  it("deadlines count business time: Friday 16:00 + 2 h is Monday 10:00 (Zendesk business-hours targets)", () => {
    const friday = Date.parse("2024-03-08T16:00:00-05:00");
    const [d] = slaDetails(
      [{ createdAt: friday }],
      { firstResponseMs: 2 * hour, calendar: newYork },
      {
        asOf: friday + hour,
      },
    );
    expect(d?.firstResponse?.deadline).toBe(Date.parse("2024-03-11T10:00:00-04:00"));
    expect(d?.firstResponse?.elapsedMs).toBe(hour);
  });

  it("paused stretches push the deadline back; a clock paused for good has no deadline", () => {
    const history = [
      { status: "open", at: 0 },
      { status: "pending", at: 2 * hour },
      { status: "open", at: 5 * hour },
    ];
    const [d] = slaDetails(
      [{ createdAt: 0, statusHistory: history }],
      { resolutionMs: 4 * hour, pauseStatuses: ["pending"] },
      {
        asOf: 6 * hour,
      },
    );
    expect(d?.resolution).toEqual({ state: "pending", targetMs: 4 * hour, deadline: 7 * hour, elapsedMs: 3 * hour });
    const [stopped] = slaDetails(
      [{ createdAt: 0, statusHistory: history.slice(0, 2) }],
      { resolutionMs: 4 * hour, pauseStatuses: ["pending"] },
      { asOf: 6 * hour },
    );
    expect(stopped?.resolution?.deadline).toBeNull();
  });

  it("its states always add up to slaCounts, per ticket and per target", () => {
    fc.assert(
      fc.property(tickets, asOf, fc.integer({ min: 0, max: 72 * hour }), (list, at, target) => {
        const policy = { firstResponseMs: target, resolutionMs: 2 * target, pauseStatuses: ["pending"] };
        const details = slaDetails(list, policy, { asOf: at });
        const count = (states: (string | undefined)[]) => ({
          achieved: states.filter((s) => s === "achieved").length,
          breached: states.filter((s) => s === "breached").length,
          pending: states.filter((s) => s === "pending").length,
        });
        expect(count(details.map((d) => d.state))).toEqual(slaCounts(list, policy, { asOf: at }));
        expect(count(details.flatMap((d) => [d.firstResponse?.state, d.resolution?.state]))).toEqual(
          slaCounts(list, policy, { asOf: at, per: "target" }),
        );
      }),
    );
  });

  it("a deadline is never before creation, and a target met always has elapsed ≤ target", () => {
    fc.assert(
      fc.property(tickets, asOf, fc.integer({ min: 0, max: 72 * hour }), (list, at, target) => {
        for (const d of slaDetails(list, { resolutionMs: target, calendar: newYork }, { asOf: at })) {
          const r = d.resolution;
          expect(r).not.toBeNull();
          if (r?.deadline != null)
            expect(r.deadline).toBeGreaterThanOrEqual((list[d.index]?.createdAt as number) ?? T0);
          if (r?.state === "achieved") expect(r.elapsedMs).toBeLessThanOrEqual(target);
          if (r?.state === "breached") expect(r.elapsedMs).toBeGreaterThan(target);
        }
      }),
    );
  });

  it("errors: missing_value for an open ticket without asOf, invalid_option for a bad policy or option", () => {
    expect(() => slaDetails([{ createdAt: 0 }], { resolutionMs: hour })).toThrow(
      expect.objectContaining({ code: "missing_value", path: "options.asOf" }),
    );
    expect(() => slaDetails([], {})).toThrow(expect.objectContaining({ code: "invalid_option", path: "policy" }));
    expect(() => slaDetails([], { resolutionMs: 1 }, { per: "target" } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.per" }),
    );
    expect(() => slaDetails([{ createdAt: 5, resolvedAt: 1 }], { resolutionMs: 1 })).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "tickets[0].resolvedAt" }),
    );
  });

  it("does not mutate its input", () => {
    const list = Object.freeze([Object.freeze({ createdAt: 0, resolvedAt: hour })]);
    const policy = Object.freeze({ resolutionMs: hour });
    slaDetails(list, policy, Object.freeze({ asOf: hour }));
    expect(list).toEqual([{ createdAt: 0, resolvedAt: hour }]);
  });
});
