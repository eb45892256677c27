import { describe, expect, it } from "vitest";
import {
  businessCalendar,
  firstResponseTime,
  mergeTallies,
  slaCounts,
  type Ticket,
  tallyTickets,
  ticketReport,
} from "../../src/index.js";

const hour = 3_600_000;
const minute = 60_000;
const t0 = Date.UTC(2025, 5, 2, 13); // Monday 2025-06-02 09:00 in New York
const day = [["09:00", "17:00"]] as const;
const newYork = businessCalendar({
  timeZone: "America/New_York",
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
});

const tickets: Ticket[] = [
  {
    createdAt: t0,
    firstResponseAt: t0 + 10 * minute,
    resolvedAt: t0 + 2 * hour,
    agentId: "ana",
    channel: "email",
    priority: "urgent",
    reopenCount: 0,
    contactsToResolve: 1,
  },
  { createdAt: t0 + hour, firstResponseAt: t0 + 3 * hour, agentId: "ana", channel: "chat", priority: "normal" },
  {
    createdAt: t0 + 2 * hour,
    resolvedAt: t0 + 30 * hour,
    agentId: "ben",
    channel: "email",
    priority: "normal",
    reopenCount: 2,
    contactsToResolve: 3,
  },
  { createdAt: t0 + 3 * hour, agentId: "ben", priority: "urgent" },
];
const asOf = t0 + 48 * hour;

describe("tallyTickets and ticketReport", () => {
  it("a small centre by agent: counts, means, SLA, rates and channels by hand", () => {
    const sla = { firstResponseMs: hour, byPriority: { urgent: { resolutionMs: 4 * hour } } };
    const report = ticketReport(tallyTickets(tickets, { asOf, by: ["agentId"], sla }));
    expect(report.groups.map((g) => g.key)).toEqual([{ agentId: "ana" }, { agentId: "ben" }]);
    const [ana, ben] = report.groups as [(typeof report.groups)[0], (typeof report.groups)[0]];
    expect(ana).toMatchObject({ tickets: 2, resolved: 1, backlog: 1 });
    expect(ana.firstResponse).toMatchObject({ n: 2, censored: 0, meanMs: 65 * minute });
    // ana: 10 min response (met), 2 h response (breached) → 1 achieved, 1 breached.
    expect(ana.sla).toEqual({ achieved: 1, breached: 1, pending: 0, compliance: 50 });
    // ben: resolved without a response at 28 h (first response clock stopped late: breached);
    // the urgent one open for 45 h, past both targets: breached.
    expect(ben.sla).toEqual({ achieved: 0, breached: 2, pending: 0, compliance: 0 });
    expect(ben.firstResponse).toMatchObject({ n: 0, censored: 1, resolvedWithoutResponse: 1, meanMs: null });
    expect(ben.reopenRate).toBe(100);
    expect(report.total.reopenRate).toBe(50);
    expect(report.total.firstContactResolutionRate).toBe(50);
    expect(report.total.channels).toEqual([
      // channelMix of the three tickets with a channel.
      { channel: "email", count: 2, percent: 200 / 3 },
      { channel: "chat", count: 1, percent: 100 / 3 },
    ]);
    expect(report.total.channelUnrecorded).toBe(1);
    expect(report.total.key).toEqual({});
  });

  it("business hours with pausing give the per-array functions' numbers", () => {
    const paused: Ticket = {
      createdAt: t0,
      firstResponseAt: t0 + 30 * minute,
      resolvedAt: t0 + 26 * hour, // Tue 11:00
      statusHistory: [
        { status: "open", at: t0 },
        { status: "pending", at: t0 + hour }, // Mon 10:00
        { status: "open", at: t0 + 5 * hour }, // Mon 14:00
      ],
    };
    const options = { asOf, calendar: newYork, pauseStatuses: ["pending"] };
    const row = ticketReport(tallyTickets([paused], options)).total;
    // Open time Mon 9–17 (8 h) + Tue 9–11 (2 h), less the 4 paused hours: 6 h.
    expect(row.resolution.meanMs).toBe(6 * hour);
    expect(row.firstResponse.meanMs).toBe(firstResponseTime([paused], options));
  });

  it("periods are local to the zone: ISO weeks, days and months", () => {
    const late = Date.UTC(2025, 0, 1, 3); // 2024-12-31 22:00 in New York: ISO week 2025-W01
    const t = tallyTickets([{ createdAt: late }], {
      asOf: late,
      by: [
        { period: "week", of: "createdAt", timeZone: "America/New_York" },
        { period: "day", of: "createdAt", timeZone: "America/New_York" },
        { period: "month", of: "createdAt", timeZone: "America/New_York", name: "month" },
        { period: "day", of: "resolvedAt", timeZone: "UTC" },
      ],
    });
    expect(t.dimensions).toEqual(["week(createdAt)", "day(createdAt)", "month", "day(resolvedAt)"]);
    expect(t.groups[0]?.key).toEqual(["2025-W01", "2024-12-31", "2024-12", null]);
  });

  it("a function dimension gets the record and its index; absent fields are the group null", () => {
    const t = tallyTickets(tickets, {
      asOf,
      by: [
        function tier(ticket: Ticket, index: number) {
          return index < 2 ? `first:${ticket.agentId}` : null;
        },
        "team",
      ],
    });
    expect(t.dimensions).toEqual(["tier", "team"]);
    expect(t.groups.map((g) => g.key)).toEqual([
      [null, null],
      ["first:ana", null],
    ]);
  });

  it("no `by` gives one group with key []; no tickets give no group and an empty total", () => {
    expect(tallyTickets(tickets, { asOf }).groups.map((g) => g.key)).toEqual([[]]);
    const empty = ticketReport(tallyTickets([], { asOf }));
    expect(empty.groups).toEqual([]);
    expect(empty.total).toMatchObject({ tickets: 0, backlog: 0, sla: null, reopenRate: null });
    expect(empty.total.firstResponse.quantilesMs).toEqual([
      { p: 0.5, ms: null },
      { p: 0.9, ms: null },
    ]);
  });

  it("tickets created after asOf are in no group and counted apart", () => {
    const t = tallyTickets(tickets, { asOf: t0 + 90 * minute });
    expect(t.createdAfterAsOf).toBe(2);
    expect(t.groups[0]?.tickets).toBe(2);
    expect(t.records).toBe(4);
  });

  it("set aside: each bad ticket is left out, counted by code, the first kept with its path", () => {
    const bad = [
      ...tickets,
      { createdAt: "2025-06-02T09:00:00" },
      { createdAt: t0, resolvedAt: t0 - 1 },
      {
        createdAt: t0,
        statusHistory: [
          { status: "open", at: t0 + 2 },
          { status: "pending", at: t0 + 1 },
        ],
      },
    ] as Ticket[];
    const t = tallyTickets(bad, { asOf, onInvalid: "setAside", firstIndex: 100 });
    expect(t.setAside.count).toBe(3);
    expect(t.setAside.byCode).toEqual({ inconsistent_instants: 2, invalid_instant: 1 });
    expect(t.setAside.first.map((e) => [e.index, e.path, e.code])).toEqual([
      [104, "tickets[104].createdAt", "invalid_instant"],
      [105, "tickets[105].resolvedAt", "inconsistent_instants"],
      [106, "tickets[106].statusHistory[1].at", "inconsistent_instants"],
    ]);
    expect(t.groups).toEqual(tallyTickets(tickets, { asOf }).groups);
    expect(ticketReport(t).setAside).toEqual(t.setAside);
  });

  it("a history instant that is the very string of createdAt, firstResponseAt or resolvedAt reads as that instant", () => {
    // The tally reuses the reading of such a string; the same instants written with an offset are parsed.
    const created = "2025-06-02T13:00:00Z";
    const responded = "2025-06-02T14:00:00Z";
    const resolved = "2025-06-02T18:00:00Z";
    const history = [
      { status: "new", at: created },
      { status: "pending", at: responded },
      { status: "solved", at: resolved },
    ];
    const ticket = { createdAt: created, firstResponseAt: responded, resolvedAt: resolved, statusHistory: history };
    const offsets = ["2025-06-02T09:00:00-04:00", "2025-06-02T10:00:00-04:00", "2025-06-02T14:00:00-04:00"];
    const parsed = { ...ticket, statusHistory: history.map((e, k) => ({ ...e, at: offsets[k] as string })) };
    for (const calendar of [undefined, newYork]) {
      const options = { asOf, pauseStatuses: ["pending"], ...(calendar === undefined ? {} : { calendar }) };
      const reused = tallyTickets([ticket], options);
      expect(reused.groups).toEqual(tallyTickets([parsed], options).groups);
      // 5 h from creation to resolution, 4 h of them pending.
      expect(reused.groups[0]?.resolution.sumMs).toBe(hour);
    }
    // Out of order, a reused reading is still checked against the entry before.
    const backwards = { ...ticket, statusHistory: [history[2], history[0]] } as Ticket;
    expect(() => tallyTickets([backwards], { asOf, pauseStatuses: ["pending"] })).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "tickets[0].statusHistory[1].at" }),
    );
  });

  it("tallies made with different options are refused, naming what differs", () => {
    const a = tallyTickets(tickets, { asOf });
    const b = tallyTickets(tickets, { asOf: asOf + 1, pauseStatuses: ["pending"] });
    expect(() => mergeTallies(a, b)).toThrow(
      expect.objectContaining({
        code: "inconsistent_counts",
        path: "tallies[1].fingerprint",
        message: expect.stringContaining("asOf, pauseStatuses"),
      }),
    );
    const c = tallyTickets(tickets, { asOf, calendar: newYork });
    const d = tallyTickets(tickets, {
      asOf,
      calendar: businessCalendar({ timeZone: "America/New_York", week: { mon: day } }),
    });
    expect(() => mergeTallies(c, d)).toThrow(
      expect.objectContaining({
        code: "inconsistent_counts",
        path: "tallies[1].fingerprint",
        message: expect.stringContaining("they differ in calendar"),
      }),
    );
    // The same calendar options built twice are the same calendar.
    const e = tallyTickets(tickets, {
      asOf,
      calendar: businessCalendar({
        timeZone: "America/New_York",
        week: { mon: day, tue: day, wed: day, thu: day, fri: day },
      }),
    });
    expect(mergeTallies(c, e).records).toBe(8);
  });

  it("the SLA in the tally equals slaCounts with the tally's calendar and pauses", () => {
    const policy = { resolutionMs: 8 * hour };
    const t = tallyTickets(tickets, { asOf, calendar: newYork, sla: policy });
    expect(t.groups[0]?.sla).toEqual(slaCounts(tickets, { ...policy, calendar: newYork }, { asOf }));
  });

  describe("errors", () => {
    it("missing_value without asOf", () => {
      expect(() => tallyTickets(tickets, {} as never)).toThrow(
        expect.objectContaining({ code: "missing_value", path: "options.asOf" }),
      );
    });
    it("invalid_option for an unknown option, a bad dimension, a bad onInvalid, an SLA with another calendar", () => {
      const cases: [object, string][] = [
        [{ asOf, groupBy: ["agentId"] }, "options.groupBy"],
        [{ asOf, by: "agentId" }, "options.by"],
        [{ asOf, by: [{ period: "year", of: "createdAt", timeZone: "UTC" }] }, "options.by[0].period"],
        [{ asOf, by: [{ period: "day", of: "firstResponseAt", timeZone: "UTC" }] }, "options.by[0].of"],
        [{ asOf, by: [{ period: "day", of: "createdAt", timeZone: "Mars/Base" }] }, "options.by[0].timeZone"],
        [{ asOf, by: ["agentId", "agentId"] }, "options.by[1]"],
        [{ asOf, onInvalid: "skip" }, "options.onInvalid"],
        [{ asOf, sketch: { relativeAccuracy: 2 } }, "options.sketch.relativeAccuracy"],
        [{ asOf, sla: { resolutionMs: hour, calendar: newYork } }, "options.sla.calendar"],
        [{ asOf, sla: { resolutionMs: hour, pauseStatuses: ["pending"] } }, "options.sla.pauseStatuses"],
        [{ asOf, firstIndex: -1 }, "options.firstIndex"],
      ];
      for (const [options, path] of cases) {
        expect(() => tallyTickets(tickets, options as never)).toThrow(
          expect.objectContaining({ code: "invalid_option", path }),
        );
      }
    });
    it("inconsistent_instants for a resolution before creation (path as the per-array functions)", () => {
      expect(() => tallyTickets([{ createdAt: 10, resolvedAt: 5 }], { asOf })).toThrow(
        expect.objectContaining({ code: "inconsistent_instants", path: "tickets[0].resolvedAt", fn: "tallyTickets" }),
      );
    });
    it("invalid_instant for a zone-less instant", () => {
      expect(() => tallyTickets([{ createdAt: "2025-06-02T09:00" }], { asOf })).toThrow(
        expect.objectContaining({ code: "invalid_instant", path: "tickets[0].createdAt" }),
      );
    });
    it("invalid_type for a dimension field that is not a string, or a ticket that is not an object", () => {
      expect(() => tallyTickets([{ createdAt: 0, agentId: 7 } as never], { asOf, by: ["agentId"] })).toThrow(
        expect.objectContaining({ code: "invalid_type", path: "tickets[0].agentId" }),
      );
      expect(() => tallyTickets([null as never], { asOf })).toThrow(
        expect.objectContaining({ code: "invalid_type", path: "tickets[0]" }),
      );
    });
    it("missing_value for a ticket with no SLA target", () => {
      expect(() =>
        tallyTickets([{ createdAt: 0, priority: "low" }], {
          asOf,
          sla: { byPriority: { urgent: { resolutionMs: 1 } } },
        }),
      ).toThrow(expect.objectContaining({ code: "missing_value", path: "tickets[0].priority" }));
    });
    it("not_integer for a fractional reopen count", () => {
      expect(() => tallyTickets([{ createdAt: 0, reopenCount: 0.5 }], { asOf })).toThrow(
        expect.objectContaining({ code: "not_integer", path: "tickets[0].reopenCount" }),
      );
    });
    it("ticketReport: invalid_option for a bad quantile; a malformed tally names the field", () => {
      const t = tallyTickets(tickets, { asOf });
      expect(() => ticketReport(t, { quantiles: [0.5, 95] })).toThrow(
        expect.objectContaining({ code: "invalid_option", path: "options.quantiles[1]" }),
      );
      const broken = JSON.parse(JSON.stringify(t));
      broken.groups[0].backlog = -1;
      expect(() => ticketReport(broken)).toThrow(
        expect.objectContaining({ code: "out_of_range", path: "tally.groups[0].backlog" }),
      );
    });
    it("mergeTallies: invalid_value for an unknown kind", () => {
      const t = tallyTickets(tickets, { asOf });
      expect(() => mergeTallies(t, { ...t, kind: "calls" } as never)).toThrow(
        expect.objectContaining({ code: "invalid_value", path: "tallies[1].kind" }),
      );
    });
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(
      tickets.map((t) =>
        Object.freeze({ ...t, statusHistory: Object.freeze([Object.freeze({ status: "open", at: t.createdAt })]) }),
      ),
    ) as readonly Ticket[];
    const before = JSON.stringify(frozen);
    const tally = tallyTickets(frozen, { asOf, by: ["agentId"], sla: { resolutionMs: hour } });
    const deepFreeze = (o: unknown): unknown => {
      if (o !== null && typeof o === "object") {
        for (const v of Object.values(o)) deepFreeze(v);
        Object.freeze(o);
      }
      return o;
    };
    deepFreeze(tally);
    const tallyText = JSON.stringify(tally);
    ticketReport(tally);
    mergeTallies(tally, tally);
    expect(JSON.stringify(frozen)).toBe(before);
    expect(JSON.stringify(tally)).toBe(tallyText);
  });
});
