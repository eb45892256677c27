// Differential properties: random ticket sets loaded into DuckDB and PGlite give,
// through ticketTallySql + ticketTallyFromRows, exactly the tally of tallyTickets
// (counts, sums to the millisecond, sketch bins, SLA states, backlog). The sets
// span the New York DST changes of 2024, with holidays, pauses, SLA by priority,
// open tickets at asOf and tickets created after it.
import fc from "fast-check";
import { expect, it } from "vitest";
import {
  businessCalendar,
  businessClock,
  type TallyTicketsOptions,
  type Ticket,
  tallyTickets,
  ticketTallyFromRows,
  ticketTallySql,
} from "../../src/index.js";
import { describeOnEngines } from "./engines.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const nineToFive = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "America/New_York",
  week: {
    mon: nineToFive,
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: [
      ["08:00", "12:00"],
      ["13:00", "18:30"],
    ],
    sun: [["00:00", "24:00"]],
  },
  holidays: ["2024-03-12", "2024-11-04", "2024-11-05"],
});
const STATUSES = ["new", "open", "Pending", "pending", "on-hold", "solved", "Closed"];

/** A ticket created within 12 days of `start`; events and history after its creation (whole ms). */
function ticket(start: number): fc.Arbitrary<Ticket> {
  return fc
    .record({
      created: fc.integer({ min: 0, max: 12 * DAY }),
      response: fc.option(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * DAY })), { nil: undefined }),
      resolution: fc.option(fc.integer({ min: 0, max: 9 * DAY }), { nil: undefined }),
      agentId: fc.option(fc.constantFrom("ana", "ben", "cy"), { nil: undefined }),
      channel: fc.option(fc.constantFrom("email", "chat"), { nil: undefined }),
      priority: fc.option(fc.constantFrom("urgent", "Urgent", "high", "HIGH", "low"), { nil: undefined }),
      reopenCount: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      contactsToResolve: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      history: fc.uniqueArray(fc.integer({ min: 0, max: 10 * DAY }), { maxLength: 5 }),
      statuses: fc.array(fc.constantFrom(...STATUSES), { minLength: 5, maxLength: 5 }),
    })
    .map((r) => {
      const createdAt = start + r.created;
      const t: Record<string, unknown> & { createdAt: number } = { createdAt };
      if (r.response !== undefined) t["firstResponseAt"] = createdAt + r.response;
      if (r.resolution !== undefined) t["resolvedAt"] = createdAt + r.resolution;
      for (const k of ["agentId", "channel", "priority", "reopenCount", "contactsToResolve"] as const) {
        if (r[k] !== undefined) t[k] = r[k];
      }
      if (r.history.length > 0) {
        t["statusHistory"] = [...r.history]
          .sort((a, b) => a - b)
          .map((offset, j) => ({ status: r.statuses[j] as string, at: createdAt + offset }));
      }
      return t as Ticket;
    });
}

const scenario = fc
  .record({
    start: fc.constantFrom(Date.parse("2024-03-04T12:00:00Z"), Date.parse("2024-10-28T03:00:00Z")),
    asOfAfter: fc.integer({ min: 2 * DAY, max: 14 * DAY }),
    useCalendar: fc.boolean(),
    pauses: fc.constantFrom([], ["pending"], ["Pending", "on-hold"]),
    sla: fc.constantFrom(
      undefined,
      { firstResponseMs: 2 * HOUR, resolutionMs: 2 * DAY },
      {
        resolutionMs: DAY,
        byPriority: { urgent: { firstResponseMs: 30 * MINUTE }, high: { firstResponseMs: 4 * HOUR } },
      },
    ),
    by: fc.constantFrom<TallyTicketsOptions["by"]>(
      undefined,
      ["agentId"],
      ["agentId", { period: "week", of: "createdAt", timeZone: "America/New_York" }],
      [{ period: "day", of: "resolvedAt", timeZone: "Europe/London" }, "channel"],
      [{ period: "month", of: "createdAt", timeZone: "Asia/Kolkata" }],
    ),
    alpha: fc.constantFrom(0.01, 0.05),
  })
  .chain((s) => fc.record({ s: fc.constant(s), tickets: fc.array(ticket(s.start), { maxLength: 25 }) }));

const runs = { numRuns: 12 };

describeOnEngines("ticketTallySql", (engine) => {
  it("the SQL tally always equals tallyTickets: counts, bins, SLA states, backlog, sums to the ms", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ s, tickets }) => {
        const asOf = s.start + s.asOfAfter;
        const options: TallyTicketsOptions = {
          asOf,
          sketch: { relativeAccuracy: s.alpha },
          ...(s.by === undefined ? {} : { by: s.by }),
          ...(s.useCalendar ? { calendar } : {}),
          ...(s.pauses.length > 0 ? { pauseStatuses: s.pauses } : {}),
          ...(s.sla === undefined ? {} : { sla: s.sla }),
        };
        await engine().load(tickets, businessClock(calendar, s.start - DAY, asOf + DAY));
        const { sql, params } = ticketTallySql({
          ...options,
          dialect: engine().dialect,
          tables: { tickets: "tickets", statusHistory: "ticket_statuses", clock: "business_clock" },
        });
        const rows = await engine().query(sql, params);
        expect(ticketTallyFromRows(rows, options)).toEqual(tallyTickets(tickets, options));
      }),
      runs,
    );
  }, 120_000);

  it("looks business time up before the clock's first row, across a closed weekend and after its last row", async () => {
    // The clock starts on a closed Saturday, a resolution falls in the closed Friday-evening-to-Sunday gap
    // (two day buckets), and a status change comes after the clock's last row (asOf is within the clock).
    const at = (iso: string): number => Date.parse(iso);
    const tickets: Ticket[] = [
      {
        createdAt: at("2024-03-09T17:00:00Z"),
        firstResponseAt: at("2024-03-11T15:00:00Z"),
        resolvedAt: at("2024-03-16T12:00:00Z"),
        statusHistory: [
          { status: "open", at: at("2024-03-09T17:00:00Z") },
          { status: "pending", at: at("2024-03-13T15:00:00Z") },
          { status: "open", at: at("2024-03-25T15:00:00Z") },
        ],
      },
    ];
    const options: TallyTicketsOptions = { asOf: at("2024-03-19T00:00:00Z"), calendar, pauseStatuses: ["pending"] };
    await engine().load(tickets, businessClock(calendar, at("2024-03-09T05:00:00Z"), at("2024-03-20T00:00:00Z")));
    const { sql, params } = ticketTallySql({
      ...options,
      dialect: engine().dialect,
      tables: { tickets: "tickets", statusHistory: "ticket_statuses", clock: "business_clock" },
    });
    const tally = ticketTallyFromRows(await engine().query(sql, params), options);
    expect(tally).toEqual(tallyTickets(tickets, options));
    expect(tally.groups[0]?.resolution.sumMs).toBeGreaterThan(0);
  }, 60_000);

  it("matches SLA priorities without regard to case, as tallyTickets does", async () => {
    const start = Date.parse("2024-03-04T12:00:00Z");
    const tickets = [
      { createdAt: start, firstResponseAt: start + HOUR, resolvedAt: start + 2 * HOUR, priority: "URGENT" },
      { createdAt: start, firstResponseAt: start + 10 * MINUTE, resolvedAt: start + HOUR, priority: "Urgent" },
    ];
    const options: TallyTicketsOptions = {
      asOf: start + DAY,
      sla: { resolutionMs: DAY, byPriority: { urgent: { firstResponseMs: 30 * MINUTE } } },
    };
    await engine().load(tickets, businessClock(calendar, start - DAY, start + 2 * DAY));
    const { sql, params } = ticketTallySql({ ...options, dialect: engine().dialect, tables: { tickets: "tickets" } });
    const tally = ticketTallyFromRows(await engine().query(sql, params), options);
    expect(tally).toEqual(tallyTickets(tickets, options));
    expect(tally.groups[0]?.sla).toEqual({ achieved: 1, breached: 1, pending: 0 });
  }, 60_000);
});
