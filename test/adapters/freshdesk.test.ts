// fromFreshdesk against tickets written in exactly the shape of the Freshdesk API v2
// reference (developers.freshdesk.com/api, Tickets, "View a ticket" with include=stats):
// id, subject, status (2 Open, 3 Pending, 4 Resolved, 5 Closed), priority (1 Low,
// 2 Medium, 3 High, 4 Urgent), source (1 Email, 2 Portal, 3 Phone, 7 Chat, 9 Feedback
// Widget, 10 Outbound Email), requester_id, responder_id, group_id, created_at,
// updated_at, due_by, fr_due_by, and stats { agent_responded_at, requester_responded_at,
// first_responded_at, status_updated_at, reopened_at, resolved_at, closed_at,
// pending_since }.
import { describe, expect, it } from "vitest";
import { fromFreshdesk } from "../../src/adapters/index.js";
import { reopenRate } from "../../src/index.js";

const utc = Date.parse;
const stats = {
  agent_responded_at: "2024-05-01T09:20:00Z",
  requester_responded_at: null,
  first_responded_at: "2024-05-01T09:20:00Z",
  status_updated_at: "2024-05-01T12:00:00Z",
  reopened_at: null,
  resolved_at: "2024-05-01T12:00:00Z",
  closed_at: null,
  pending_since: null,
};
const ticket = {
  id: 20,
  subject: "Support needed",
  status: 4,
  priority: 3,
  source: 1,
  requester_id: 1000,
  responder_id: 9,
  group_id: 3,
  type: "Question",
  created_at: "2024-05-01T09:00:00Z",
  updated_at: "2024-05-01T12:00:00Z",
  due_by: "2024-05-04T09:00:00Z",
  fr_due_by: "2024-05-02T09:00:00Z",
  stats,
};

describe("fromFreshdesk: the field-by-field table", () => {
  it("maps a resolved ticket", () => {
    const { tickets, setAside, warnings } = fromFreshdesk({ tickets: [ticket] });
    expect(setAside).toEqual([]);
    expect(warnings).toEqual([]);
    expect(tickets[0]).toEqual({
      id: "20",
      createdAt: utc("2024-05-01T09:00:00Z"),
      firstResponseAt: utc("2024-05-01T09:20:00Z"),
      resolvedAt: utc("2024-05-01T12:00:00Z"),
      firstResolvedAt: null,
      priority: "high",
      channel: "email",
      agentId: "9",
      team: "3",
      reopenCount: 0,
      contactsToResolve: null,
      statusHistory: null,
    });
  });
  it("status codes: 2 and 3 unresolved, 4 and 5 resolved (closed_at when resolved_at is missing)", () => {
    const { tickets } = fromFreshdesk({
      tickets: [
        { ...ticket, id: 1, status: 2 },
        { ...ticket, id: 2, status: 3 },
        { ...ticket, id: 3, status: 5, stats: { ...stats, resolved_at: null, closed_at: "2024-05-02T09:00:00Z" } },
      ],
    });
    expect(tickets.map((t) => t.resolvedAt)).toEqual([null, null, utc("2024-05-02T09:00:00Z")]);
  });
  it("every priority and source code", () => {
    const { tickets } = fromFreshdesk({
      tickets: [1, 2, 3, 4].map((priority, k) => ({ ...ticket, id: k, priority, source: [1, 2, 3, 7, 9, 10, 11][k] })),
    });
    expect(tickets.map((t) => t.priority)).toEqual(["low", "medium", "high", "urgent"]);
    expect(tickets.map((t) => t.channel)).toEqual(["email", "portal", "phone", "chat"]);
    const more = fromFreshdesk({ tickets: [9, 10, 11].map((source, k) => ({ ...ticket, id: k, source })) }).tickets;
    expect(more.map((t) => t.channel)).toEqual(["feedback_widget", "outbound_email", "source_11"]);
  });
  it("reopened_at makes reopenCount 1, so the reopen rate is exact", () => {
    const { tickets } = fromFreshdesk({
      tickets: [ticket, { ...ticket, id: 21, stats: { ...stats, reopened_at: "2024-05-01T11:00:00Z" } }],
    });
    expect(tickets.map((t) => t.reopenCount)).toEqual([0, 1]);
    expect(reopenRate(tickets)).toBe(50);
  });
  it("a custom status is unresolved, with a warning", () => {
    const { tickets, warnings } = fromFreshdesk({ tickets: [{ ...ticket, status: 6 }] });
    expect(tickets[0]?.resolvedAt).toBeNull();
    expect(warnings.map((w) => [w.index, w.id, w.code])).toEqual([[0, "20", "custom_status"]]);
  });
  it("a ticket without stats has no response or resolution", () => {
    const { tickets } = fromFreshdesk({ tickets: [{ ...ticket, status: 2, stats: undefined }] });
    expect(tickets[0]?.firstResponseAt).toBeNull();
  });
});

describe("fromFreshdesk: set aside, never thrown", () => {
  it("each broken ticket with its code and path", () => {
    const { tickets, setAside } = fromFreshdesk({
      tickets: [
        { ...ticket, id: null },
        { ...ticket, created_at: "yesterday" },
        { ...ticket, status: "Open" },
        { ...ticket, stats: { ...stats, resolved_at: null } },
        { ...ticket, stats: { ...stats, first_responded_at: "2024-05-01T08:00:00Z" } },
        { ...ticket, priority: "high" },
        ticket,
      ],
    });
    expect(tickets.map((t) => t.id)).toEqual(["20"]);
    expect(setAside.map((s) => [s.index, s.code, s.path])).toEqual([
      [0, "missing_value", "tickets[0].id"],
      [1, "invalid_instant", "tickets[1].created_at"],
      [2, "invalid_type", "tickets[2].status"],
      [3, "missing_value", "tickets[3].stats.resolved_at"],
      [4, "inconsistent_instants", "tickets[4].stats.first_responded_at"],
      [5, "invalid_type", "tickets[5].priority"],
    ]);
  });
});

describe("fromFreshdesk: errors", () => {
  it("input, tickets and keys", () => {
    expect(() => fromFreshdesk([] as never)).toThrow(expect.objectContaining({ code: "invalid_type", path: "input" }));
    expect(() => fromFreshdesk({} as never)).toThrow(
      expect.objectContaining({ code: "missing_value", path: "input.tickets" }),
    );
    expect(() => fromFreshdesk({ tickets: 3 } as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "input.tickets" }),
    );
    expect(() => fromFreshdesk({ tickets: [], contacts: [] } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "input.contacts" }),
    );
  });
});

describe("fromFreshdesk: does not mutate its input", () => {
  it("works on frozen input", () => {
    const input = Object.freeze({
      tickets: Object.freeze([Object.freeze({ ...ticket, stats: Object.freeze({ ...stats }) })]),
    });
    expect(fromFreshdesk(input).tickets).toHaveLength(1);
  });
});
