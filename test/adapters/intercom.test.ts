// fromIntercom against conversations written in exactly the shape of the Intercom REST
// API reference (developers.intercom.com, Conversations: the conversation model: type,
// id, title, created_at, updated_at, waiting_since, snoozed_until, open, state ("open",
// "closed", "snoozed"), read, priority ("priority", "not_priority"), admin_assignee_id,
// team_assignee_id, source { type, id, delivered_as, author }; and the
// conversation_statistics model: time_to_assignment, time_to_admin_reply,
// time_to_first_close, time_to_last_close, median_time_to_reply, first_contact_reply_at,
// first_assignment_at, first_admin_reply_at, first_close_at, last_assignment_at,
// last_assignment_admin_reply_at, last_contact_reply_at, last_admin_reply_at,
// last_close_at, last_closed_by_id, count_reopens, count_assignments,
// count_conversation_parts). Times are Unix seconds.
import { describe, expect, it } from "vitest";
import { fromIntercom } from "../../src/adapters/index.js";

const t0 = 1_714_550_400; // 2024-05-01T08:00:00Z
const statistics = {
  type: "conversation_statistics",
  time_to_assignment: 0,
  time_to_admin_reply: 600,
  time_to_first_close: 3600,
  time_to_last_close: 90_000,
  median_time_to_reply: 600,
  first_contact_reply_at: t0 + 3600,
  first_assignment_at: t0 + 3600,
  first_admin_reply_at: t0 + 4200,
  first_close_at: t0 + 7200,
  last_assignment_at: t0 + 3600,
  last_assignment_admin_reply_at: t0 + 4200,
  last_contact_reply_at: t0 + 80_000,
  last_admin_reply_at: t0 + 90_000,
  last_close_at: t0 + 93_600,
  last_closed_by_id: "814860",
  count_reopens: 1,
  count_assignments: 1,
  count_conversation_parts: 9,
};
const conversation = {
  type: "conversation",
  id: "1295",
  title: null,
  created_at: t0,
  updated_at: t0 + 93_600,
  waiting_since: null,
  snoozed_until: null,
  open: false,
  state: "closed",
  read: true,
  priority: "not_priority",
  admin_assignee_id: 814860,
  team_assignee_id: "5017691",
  source: {
    type: "conversation",
    id: "403918320",
    delivered_as: "admin_initiated",
    author: { type: "admin", id: "814860" },
  },
  statistics,
};

describe("fromIntercom: the field-by-field table", () => {
  it("measures from the customer's first message, not from created_at", () => {
    const { tickets, setAside, warnings } = fromIntercom({ conversations: [conversation] });
    expect(setAside).toEqual([]);
    expect(warnings).toEqual([]);
    expect(tickets[0]).toEqual({
      id: "1295",
      createdAt: (t0 + 3600) * 1000,
      firstResponseAt: (t0 + 4200) * 1000,
      resolvedAt: (t0 + 93_600) * 1000,
      firstResolvedAt: (t0 + 7200) * 1000,
      priority: "not_priority",
      channel: "conversation",
      agentId: "814860",
      team: "5017691",
      reopenCount: 1,
      contactsToResolve: null,
      statusHistory: null,
    });
  });
  it("open and snoozed conversations are unresolved", () => {
    const { tickets } = fromIntercom({
      conversations: [
        { ...conversation, id: "1", state: "open", open: true },
        { ...conversation, id: "2", state: "snoozed" },
      ],
    });
    expect(tickets.map((t) => t.resolvedAt)).toEqual([null, null]);
    expect(tickets.map((t) => t.firstResolvedAt)).toEqual([(t0 + 7200) * 1000, (t0 + 7200) * 1000]);
  });
  it("a conversation the customer never wrote in starts at created_at, with a warning", () => {
    const outbound = { ...conversation, state: "open", statistics: { ...statistics, first_contact_reply_at: null } };
    const { tickets, warnings } = fromIntercom({ conversations: [outbound] });
    expect(tickets[0]?.createdAt).toBe(t0 * 1000);
    expect(warnings.map((w) => [w.index, w.id, w.code])).toEqual([[0, "1295", "no_contact_reply"]]);
  });
});

describe("fromIntercom: set aside, never thrown", () => {
  it("each broken conversation with its code and path", () => {
    const { tickets, setAside } = fromIntercom({
      conversations: [
        { ...conversation, id: undefined },
        { ...conversation, state: "archived" },
        { ...conversation, statistics: { ...statistics, last_close_at: null } },
        { ...conversation, statistics: { ...statistics, first_admin_reply_at: "2024-05-01T09:00:00Z" } },
        { ...conversation, statistics: { ...statistics, first_admin_reply_at: t0 } },
        { ...conversation, created_at: null, statistics: { ...statistics, first_contact_reply_at: null } },
        { ...conversation, statistics: { ...statistics, count_reopens: -1 } },
        conversation,
      ],
    });
    expect(tickets).toHaveLength(1);
    expect(setAside.map((s) => [s.index, s.code, s.path])).toEqual([
      [0, "missing_value", "conversations[0].id"],
      [1, "invalid_value", "conversations[1].state"],
      [2, "missing_value", "conversations[2].statistics.last_close_at"],
      [3, "invalid_instant", "conversations[3].statistics.first_admin_reply_at"],
      [4, "inconsistent_instants", "conversations[4].statistics.first_admin_reply_at"],
      [5, "missing_value", "conversations[5].created_at"],
      [6, "out_of_range", "conversations[6].statistics.count_reopens"],
    ]);
  });
});

describe("fromIntercom: errors", () => {
  it("input, conversations and keys", () => {
    expect(() => fromIntercom("x" as never)).toThrow(expect.objectContaining({ code: "invalid_type", path: "input" }));
    expect(() => fromIntercom({} as never)).toThrow(
      expect.objectContaining({ code: "missing_value", path: "input.conversations" }),
    );
    expect(() => fromIntercom({ conversations: [], tickets: [] } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "input.tickets" }),
    );
  });
});

describe("fromIntercom: does not mutate its input", () => {
  it("works on frozen input", () => {
    const frozen = Object.freeze({ ...conversation, statistics: Object.freeze({ ...statistics }) });
    expect(fromIntercom(Object.freeze({ conversations: Object.freeze([frozen]) })).tickets).toHaveLength(1);
  });
});
