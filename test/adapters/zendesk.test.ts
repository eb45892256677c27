// fromZendesk, zendeskPauseStatuses, reconcileZendeskMetrics against records written in
// exactly the shapes of the Zendesk Support API reference (developer.zendesk.com):
// - Tickets API ("JSON format" of a ticket): id, created_at, status (new, open, pending,
//   hold, solved, closed), priority (urgent, high, normal, low), requester_id, assignee_id,
//   group_id, via.channel, satisfaction_rating { score };
// - Ticket Audits API: an audit has id, ticket_id, created_at, author_id, events; the
//   "Ticket Audit events reference": Create and Change events carry field_name, value
//   (Change also previous_value); a Comment event carries author_id, body, public;
// - Ticket Metrics API: ticket_id, reopens, replies, solved_at, reply_time_in_minutes,
//   first_resolution_time_in_minutes, full_resolution_time_in_minutes, each
//   { calendar, business };
// - Satisfaction Ratings API: id, ticket_id, score (offered, unoffered, good, bad),
//   created_at, assignee_id, group_id, requester_id, comment.
import { describe, expect, it } from "vitest";
import { fromZendesk, reconcileZendeskMetrics, zendeskPauseStatuses } from "../../src/adapters/index.js";
import { businessCalendar, resolutionTime } from "../../src/index.js";

const minute = 60_000;
const utc = Date.parse;
const requester = 20;
const agent = 235323;

/** Ticket 35436: created, agent replies, waits on the requester, solved, reopened, solved again, closed. */
const ticket = {
  id: 35436,
  url: "https://company.zendesk.com/api/v2/tickets/35436.json",
  created_at: "2024-05-01T09:00:00Z",
  updated_at: "2024-05-03T10:00:00Z",
  subject: "My order is late",
  status: "closed",
  priority: "high",
  requester_id: requester,
  submitter_id: requester,
  assignee_id: agent,
  group_id: 98738,
  via: { channel: "email", source: { from: {}, to: {}, rel: null } },
  satisfaction_rating: { id: 7, score: "good", comment: "Thanks" },
};
const audit = (id: number, at: string, author: number, events: object[]) => ({
  id,
  ticket_id: 35436,
  created_at: at,
  author_id: author,
  metadata: { system: {}, custom: {} },
  via: { channel: "web" },
  events,
});
const audits = [
  audit(1, "2024-05-01T09:00:00Z", requester, [
    { id: 11, type: "Comment", author_id: requester, body: "My order is late", public: true },
    { id: 12, type: "Create", field_name: "status", value: "new" },
    { id: 13, type: "Create", field_name: "priority", value: "high" },
  ]),
  audit(2, "2024-05-01T09:10:00Z", agent, [
    { id: 21, type: "Comment", author_id: agent, body: "Internal note", public: false },
    { id: 22, type: "Change", field_name: "status", value: "open", previous_value: "new" },
  ]),
  audit(3, "2024-05-01T09:30:00Z", agent, [
    { id: 31, type: "Comment", author_id: agent, body: "Which order number?", public: true },
    { id: 32, type: "Change", field_name: "status", value: "pending", previous_value: "open" },
  ]),
  audit(4, "2024-05-01T11:30:00Z", requester, [
    { id: 41, type: "Comment", author_id: requester, body: "#1234", public: true },
    { id: 42, type: "Change", field_name: "status", value: "open", previous_value: "pending" },
  ]),
  audit(5, "2024-05-01T12:00:00Z", agent, [
    { id: 51, type: "Change", field_name: "status", value: "solved", previous_value: "open" },
  ]),
  audit(6, "2024-05-02T08:00:00Z", requester, [
    { id: 61, type: "Change", field_name: "status", value: "open", previous_value: "solved" },
  ]),
  audit(7, "2024-05-02T10:00:00Z", agent, [
    { id: 71, type: "Change", field_name: "status", value: "solved", previous_value: "open" },
  ]),
  audit(8, "2024-05-06T10:00:00Z", -1, [
    { id: 81, type: "Change", field_name: "status", value: "closed", previous_value: "solved" },
  ]),
];
const metrics = {
  id: 33,
  ticket_id: 35436,
  reopens: 1,
  replies: 1,
  solved_at: "2024-05-02T10:00:00Z",
  reply_time_in_minutes: { calendar: 30, business: 30 },
  first_resolution_time_in_minutes: { calendar: 180, business: 180 },
  full_resolution_time_in_minutes: { calendar: 1500, business: 660 },
};

describe("fromZendesk: tickets with audits", () => {
  const { tickets, setAside, warnings } = fromZendesk({ tickets: [ticket], audits, ticketMetrics: [metrics] });
  const t = tickets[0];
  it("maps every field by the field-by-field table", () => {
    expect(setAside).toEqual([]);
    expect(warnings).toEqual([]);
    expect(t).toEqual({
      id: "35436",
      createdAt: utc("2024-05-01T09:00:00Z"),
      firstResponseAt: utc("2024-05-01T09:30:00Z"), // the first public comment not by the requester
      resolvedAt: utc("2024-05-02T10:00:00Z"), // the last solve
      firstResolvedAt: utc("2024-05-01T12:00:00Z"), // the first solve
      priority: "high",
      channel: "email",
      agentId: "235323",
      team: "98738",
      reopenCount: 1, // metrics reopens
      contactsToResolve: null,
      statusHistory: [
        { status: "new", at: utc("2024-05-01T09:00:00Z") },
        { status: "open", at: utc("2024-05-01T09:10:00Z") },
        { status: "pending", at: utc("2024-05-01T09:30:00Z") },
        { status: "open", at: utc("2024-05-01T11:30:00Z") },
        { status: "solved", at: utc("2024-05-01T12:00:00Z") },
        { status: "open", at: utc("2024-05-02T08:00:00Z") },
        { status: "solved", at: utc("2024-05-02T10:00:00Z") },
        { status: "closed", at: utc("2024-05-06T10:00:00Z") },
      ],
    });
  });
  it("agrees with Zendesk's own metrics on this ticket (reply 30 min, full resolution 1500 min)", () => {
    expect(reconcileZendeskMetrics(tickets, [metrics])).toEqual([]);
  });
  it("reopens come from the audits when there are no metrics", () => {
    expect(fromZendesk({ tickets: [ticket], audits }).tickets[0]?.reopenCount).toBe(1);
  });
  it("zendeskPauseStatuses gives the requester wait time: the resolution less the pending stretch", () => {
    // 25 h to the final solve, of which 2 h pending (09:30–11:30).
    expect(resolutionTime(tickets, { statistic: "mean" })).toBe(1500 * minute);
    expect(resolutionTime(tickets, { statistic: "mean", pauseStatuses: zendeskPauseStatuses })).toBe(1380 * minute);
  });
  it("the input audits are read in time order whatever their order", () => {
    const shuffled = [audits[5], audits[0], audits[7], audits[2], audits[1], audits[6], audits[4], audits[3]];
    expect(fromZendesk({ tickets: [ticket], audits: shuffled, ticketMetrics: [metrics] }).tickets[0]).toEqual(t);
  });
});

describe("fromZendesk: first replies", () => {
  const base = { ...ticket, status: "open", satisfaction_rating: null };
  it("a comment by an agent in the creating audit is not a reply (a ticket opened on the requester's behalf)", () => {
    const onBehalf = [
      audit(1, "2024-05-01T09:00:00Z", agent, [
        { id: 11, type: "Comment", author_id: agent, body: "Customer called", public: true },
        { id: 12, type: "Create", field_name: "status", value: "open" },
      ]),
      audit(2, "2024-05-01T09:45:00Z", agent, [
        { id: 21, type: "Comment", author_id: agent, body: "Fixed", public: true },
      ]),
    ];
    expect(fromZendesk({ tickets: [base], audits: onBehalf }).tickets[0]?.firstResponseAt).toBe(
      utc("2024-05-01T09:45:00Z"),
    );
  });
  it("without audits, the first reply is created_at + reply_time_in_minutes.calendar, warned as whole minutes", () => {
    const { tickets, warnings } = fromZendesk({ tickets: [ticket], ticketMetrics: [metrics] });
    expect(tickets[0]?.firstResponseAt).toBe(utc("2024-05-01T09:30:00Z"));
    expect(tickets[0]?.resolvedAt).toBe(utc("2024-05-02T10:00:00Z")); // solved_at
    expect(tickets[0]?.firstResolvedAt).toBe(utc("2024-05-01T12:00:00Z")); // + first_resolution_time_in_minutes
    expect(tickets[0]?.statusHistory).toBeNull();
    expect(warnings.map((w) => w.code)).toEqual(["minute_precision"]);
  });
  it("a ticket reopened and still open is unresolved, its first solve kept", () => {
    const open = fromZendesk({ tickets: [base], audits: audits.slice(0, 6) }).tickets[0];
    expect(open?.resolvedAt).toBeNull();
    expect(open?.firstResolvedAt).toBe(utc("2024-05-01T12:00:00Z"));
  });
});

describe("fromZendesk: satisfaction", () => {
  const ratings = ["good", "bad", "offered", "unoffered"].map((score, k) => ({
    id: 100 + k,
    ticket_id: 35436,
    score,
    created_at: "2024-05-03T10:00:00Z",
    assignee_id: agent,
    group_id: 98738,
    requester_id: requester,
    comment: null,
  }));
  it("good is 1, bad is 0, offered and unoffered are unanswered (null)", () => {
    const { surveyResponses } = fromZendesk({ tickets: [ticket], audits, satisfactionRatings: ratings });
    expect(surveyResponses.map((r) => r.csat)).toEqual([1, 0, null, null]);
    expect(surveyResponses[0]).toEqual({
      ticketId: "35436",
      at: utc("2024-05-03T10:00:00Z"),
      agentId: "235323",
      team: "98738",
      channel: "email",
      csat: 1,
    });
  });
  it("without ratings, each ticket's satisfaction_rating.score is read", () => {
    expect(fromZendesk({ tickets: [ticket], audits }).surveyResponses).toEqual([
      { ticketId: "35436", at: null, agentId: "235323", team: "98738", channel: "email", csat: 1 },
    ]);
  });
  it("a rating with an unknown score is set aside (invalid_value), one without ticket_id too (missing_value)", () => {
    const { surveyResponses, setAside } = fromZendesk({
      tickets: [ticket],
      audits,
      satisfactionRatings: [
        { id: 1, ticket_id: 35436, score: "great" },
        { id: 2, score: "good" },
      ],
    });
    expect(surveyResponses).toEqual([]);
    expect(setAside.map((s) => [s.source, s.index, s.code, s.path])).toEqual([
      ["satisfactionRatings", 0, "invalid_value", "satisfactionRatings[0].score"],
      ["satisfactionRatings", 1, "missing_value", "satisfactionRatings[1].ticket_id"],
    ]);
  });
});

describe("fromZendesk: set aside, never thrown", () => {
  it("each broken ticket is set aside with its code and path", () => {
    const { tickets, setAside } = fromZendesk({
      tickets: [
        { ...ticket, id: undefined },
        { ...ticket, id: 2, created_at: "2024-05-01 09:00" },
        { ...ticket, id: 3 }, // closed, but no audits or metrics of ticket 3
        { ...ticket, id: 4, status: 7 },
        "not a ticket",
      ],
    });
    expect(tickets).toEqual([]);
    expect(setAside.map((s) => [s.index, s.id, s.code, s.path])).toEqual([
      [0, null, "missing_value", "tickets[0].id"],
      [1, "2", "invalid_instant", "tickets[1].created_at"],
      [2, "3", "missing_value", "tickets[2].status"],
      [3, "4", "invalid_type", "tickets[3].status"],
      [4, null, "invalid_type", "tickets[4]"],
    ]);
    expect(setAside[1]?.message).toContain("fromZendesk: expected");
  });
  it("a reply before the ticket's creation is inconsistent_instants", () => {
    const early = [
      audit(1, "2024-05-01T08:00:00Z", agent, [{ id: 1, type: "Comment", author_id: agent, public: true }]),
    ];
    const { setAside } = fromZendesk({ tickets: [{ ...ticket, status: "open" }], audits: early });
    expect(setAside[0]).toMatchObject({ code: "inconsistent_instants", path: "tickets[0].created_at" });
  });
  it("audits and metrics of tickets not in the export are warned, not lost", () => {
    const { tickets, warnings } = fromZendesk({
      tickets: [ticket],
      audits: [...audits, { ...audits[1], ticket_id: 999 }],
      ticketMetrics: [metrics, { ...metrics, ticket_id: 999 }],
    });
    expect(tickets).toHaveLength(1);
    expect(warnings.map((w) => [w.source, w.index, w.code])).toEqual([
      ["audits", 8, "unknown_ticket"],
      ["ticketMetrics", 1, "unknown_ticket"],
    ]);
  });
  it("two audits at the same time that both change the status are ordered by audit id, and warned", () => {
    const tied = [
      audit(9, "2024-05-01T09:00:00Z", agent, [{ id: 1, type: "Change", field_name: "status", value: "open" }]),
      audit(8, "2024-05-01T09:00:00Z", agent, [{ id: 2, type: "Create", field_name: "status", value: "new" }]),
    ];
    const { tickets, warnings } = fromZendesk({ tickets: [{ ...ticket, status: "open" }], audits: tied });
    expect(tickets[0]?.statusHistory?.map((s) => s.status)).toEqual(["new", "open"]);
    expect(warnings.map((w) => w.code)).toEqual(["order_tie"]);
  });
});

describe("fromZendesk: errors", () => {
  it("input that is not an object is invalid_type at input", () => {
    expect(() => fromZendesk(null as never)).toThrow(expect.objectContaining({ code: "invalid_type", path: "input" }));
  });
  it("no tickets is missing_value at input.tickets", () => {
    expect(() => fromZendesk({} as never)).toThrow(
      expect.objectContaining({ code: "missing_value", path: "input.tickets", fn: "fromZendesk" }),
    );
  });
  it("a list that is not an array is invalid_type at its path", () => {
    expect(() => fromZendesk({ tickets: [], audits: "x" as never })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "input.audits" }),
    );
  });
  it("an unknown key is invalid_option", () => {
    expect(() => fromZendesk({ tickets: [], users: [] } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "input.users" }),
    );
  });
});

describe("reconcileZendeskMetrics", () => {
  const { tickets } = fromZendesk({ tickets: [ticket], audits });
  it("lists a first reply that differs, with both sides and the difference", () => {
    const theirs = { ...metrics, reply_time_in_minutes: { calendar: 20, business: 20 } };
    expect(reconcileZendeskMetrics(tickets, [theirs])).toEqual([
      { ticketId: "35436", metric: "firstReply", libraryMinutes: 30, zendeskMinutes: 20, differenceMinutes: 10 },
    ]);
  });
  it("a side missing is a difference with differenceMinutes null", () => {
    const theirs = { ticket_id: 35436, reply_time_in_minutes: { calendar: 30 } };
    expect(reconcileZendeskMetrics(tickets, [theirs])).toEqual([
      {
        ticketId: "35436",
        metric: "fullResolution",
        libraryMinutes: 1500,
        zendeskMinutes: null,
        differenceMinutes: null,
      },
    ]);
  });
  it("with a calendar, compares business minutes with Zendesk's business values", () => {
    const nineToFive = [["09:00", "17:00"]] as const;
    const calendar = businessCalendar({ timeZone: "UTC", week: { wed: nineToFive, thu: nineToFive } });
    // Business time 09:00 Wed → 10:00 Thu: 8 h + 1 h = 540 minutes; Zendesk says 660.
    expect(reconcileZendeskMetrics(tickets, [metrics], { calendar })).toEqual([
      {
        ticketId: "35436",
        metric: "fullResolution",
        libraryMinutes: 540,
        zendeskMinutes: 660,
        differenceMinutes: -120,
      },
    ]);
  });
  it("tickets without metrics are not listed; a difference under a minute is agreement", () => {
    expect(reconcileZendeskMetrics(tickets, [])).toEqual([]);
    const near = { ...metrics, reply_time_in_minutes: { calendar: 30.5 } };
    expect(reconcileZendeskMetrics(tickets, [near])).toEqual([]);
  });
  it("errors carry code and path", () => {
    expect(() => reconcileZendeskMetrics(tickets, [{}])).toThrow(
      expect.objectContaining({ code: "missing_value", path: "ticketMetrics[0].ticket_id" }),
    );
    expect(() => reconcileZendeskMetrics(tickets, [metrics], { calendar: {} as never })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.calendar" }),
    );
    expect(() => reconcileZendeskMetrics("x" as never, [])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "tickets" }),
    );
    expect(() => reconcileZendeskMetrics(tickets, [], { businessHours: true } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.businessHours" }),
    );
  });
});

describe("fromZendesk: does not mutate its input", () => {
  it("works on deeply frozen input and gives the same result", () => {
    const deepFreeze = <T>(value: T): T => {
      if (value !== null && typeof value === "object") {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
      }
      return value;
    };
    const input = { tickets: [ticket], audits, ticketMetrics: [metrics] };
    const copy = structuredClone(input);
    const result = fromZendesk(deepFreeze(structuredClone(input)));
    expect(result).toEqual(fromZendesk(copy));
    expect(input).toEqual(copy);
  });
});
