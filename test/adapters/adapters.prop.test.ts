// Properties of every adapter on generated vendor records, good and broken (a field
// replaced by a wrong value or removed, or a record that is not an object at all):
// nothing is ever lost, errors are never thrown for bad records, every set-aside entry
// names its code and path, and frozen input gives the same result.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AdapterResult,
  fromFreshdesk,
  fromIntercom,
  fromServiceNowEvents,
  fromZendesk,
} from "../../src/adapters/index.js";
import type { MetricErrorCode } from "../../src/index.js";

const CODES: readonly MetricErrorCode[] = [
  "invalid_type",
  "not_finite",
  "not_integer",
  "out_of_range",
  "invalid_value",
  "missing_value",
  "invalid_instant",
  "inconsistent_instants",
  "inconsistent_counts",
  "invalid_option",
];
const T0 = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();
const offsetMs = fc.integer({ min: 0, max: 30 * 86_400_000 });
const broken = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant("x"),
  fc.constant(-1),
  fc.constant(Number.NaN),
  fc.constant({}),
  fc.constant([]),
  fc.constant("2024-13-01T00:00:00Z"),
  fc.constant("2024-01-01 10:00"),
);

/** A good record, a record with one field broken or removed, or anything at all. */
function withBreakage<T extends Record<string, unknown>>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: good },
    {
      weight: 3,
      arbitrary: fc.tuple(good, fc.nat(), broken, fc.boolean()).map(([record, k, value, remove]) => {
        const keys = Object.keys(record);
        const key = keys[k % keys.length] as string;
        const copy: Record<string, unknown> = { ...record };
        if (remove) delete copy[key];
        else copy[key] = value;
        return copy;
      }),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
}

const zendeskTicket = fc
  .record({
    id: fc.integer({ min: 1, max: 50 }),
    created: offsetMs,
    status: fc.constantFrom("new", "open", "pending", "hold", "solved", "closed"),
    reply: fc.option(offsetMs),
    priority: fc.constantFrom("urgent", "high", "normal", "low", null),
  })
  .map(({ id, created, status, reply, priority }) => ({
    id,
    created_at: iso(T0 + created),
    status,
    priority,
    requester_id: 1,
    assignee_id: 2,
    group_id: 3,
    via: { channel: "email" },
    satisfaction_rating: { score: "offered" },
    _reply: reply,
  }));
const zendeskMetric = fc
  .record({ ticket_id: fc.integer({ min: 1, max: 50 }), solved: offsetMs, reply: fc.nat(1000), reopens: fc.nat(3) })
  .map(({ ticket_id, solved, reply, reopens }) => ({
    ticket_id,
    solved_at: iso(T0 + solved),
    reopens,
    reply_time_in_minutes: { calendar: reply, business: reply },
  }));
const zendeskAudit = fc
  .record({
    ticket_id: fc.integer({ min: 1, max: 50 }),
    at: offsetMs,
    status: fc.constantFrom("open", "pending", "solved", "closed"),
  })
  .map(({ ticket_id, at, status }) => ({
    id: at,
    ticket_id,
    created_at: iso(T0 + at),
    author_id: 2,
    events: [
      { type: "Comment", public: true, author_id: 2 },
      { type: "Change", field_name: "status", value: status },
    ],
  }));

const freshdeskTicket = fc
  .record({
    id: fc.integer({ min: 1, max: 1000 }),
    created: offsetMs,
    after: offsetMs,
    status: fc.constantFrom(2, 3, 4, 5, 6),
    priority: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ id, created, after, status, priority }) => ({
    id,
    status,
    priority,
    source: 1,
    created_at: iso(T0 + created),
    stats: { first_responded_at: iso(T0 + created + after / 2), resolved_at: iso(T0 + created + after) },
  }));

const intercomConversation = fc
  .record({
    id: fc.integer({ min: 1, max: 1000 }).map(String),
    created: fc.integer({ min: 0, max: 2_592_000 }),
    after: fc.integer({ min: 0, max: 2_592_000 }),
    state: fc.constantFrom("open", "closed", "snoozed"),
  })
  .map(({ id, created, after, state }) => ({
    id,
    created_at: T0 / 1000 + created,
    state,
    statistics: {
      first_contact_reply_at: T0 / 1000 + created,
      first_admin_reply_at: T0 / 1000 + created + after / 2,
      first_close_at: T0 / 1000 + created + after,
      last_close_at: T0 / 1000 + created + after,
      count_reopens: 0,
    },
  }));

const pad = (n: number) => String(n).padStart(2, "0");
const localText = (ms: number) => {
  const d = new Date(T0 + ms);
  return `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
const serviceNowRow = fc
  .record({
    number: fc.constantFrom("INC1", "INC2", "INC3", "INC4", "INC5"),
    mod: fc.nat(5),
    at: offsetMs,
    state: fc.constantFrom("New", "Active", "Awaiting User Info", "Resolved", "Closed"),
  })
  .map(({ number, mod, at, state }) => ({
    number,
    incident_state: state,
    sys_mod_count: String(mod),
    sys_updated_at: localText(at),
    opened_at: localText(0),
    resolved_at: "?",
    reopen_count: "0",
    priority: "3 - Moderate",
  }));

/** Every entry names a known code and a path into its source. */
function wellFormed(result: AdapterResult, source: string): void {
  for (const s of result.setAside) {
    expect(CODES).toContain(s.code);
    // The path names the bad value: in the record itself, in one of the incident's rows,
    // or in a record of another input that belongs to it (a ticket's audits or metrics).
    const m = /^([A-Za-z]+)\[(\d+)\]/.exec(s.path);
    expect(m).not.toBeNull();
    const [, pathSource, pathIndex] = m as RegExpExecArray;
    if (s.rows !== undefined) expect(s.rows).toContain(Number(pathIndex));
    else if (pathSource === s.source) expect(Number(pathIndex)).toBe(s.index);
    expect(s.message.length).toBeGreaterThan(0);
    if (s.source === source) expect(s.index).toBeGreaterThanOrEqual(0);
  }
}

/** The entries of `source` cover indexes once each, and with the tickets add up to the input. */
function nothingLost(result: AdapterResult, source: string, length: number): void {
  const indexes = result.setAside.filter((s) => s.source === source).map((s) => s.index);
  expect(new Set(indexes).size).toBe(indexes.length);
  expect(result.tickets.length + indexes.length).toBe(length);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe("adapters: properties", () => {
  it("fromZendesk never loses a ticket: each is in tickets or set aside, once", () => {
    fc.assert(
      fc.property(
        fc.array(withBreakage(zendeskTicket), { maxLength: 25 }),
        fc.array(withBreakage(zendeskAudit), { maxLength: 25 }),
        fc.array(withBreakage(zendeskMetric), { maxLength: 10 }),
        fc.array(
          withBreakage(
            fc.record({ ticket_id: fc.integer({ min: 1, max: 50 }), score: fc.constantFrom("good", "bad", "offered") }),
          ),
          {
            maxLength: 10,
          },
        ),
        (tickets, audits, ticketMetrics, satisfactionRatings) => {
          const input = { tickets, audits, ticketMetrics, satisfactionRatings };
          const copy = structuredClone(input);
          const result = fromZendesk(input);
          nothingLost(result, "tickets", tickets.length);
          const ratingsAside = result.setAside.filter((s) => s.source === "satisfactionRatings").length;
          expect(result.surveyResponses.length + ratingsAside).toBe(satisfactionRatings.length);
          wellFormed(result, "tickets");
          expect(fromZendesk(deepFreeze(copy))).toEqual(result);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("fromFreshdesk never loses a ticket, and frozen input gives the same result", () => {
    fc.assert(
      fc.property(fc.array(withBreakage(freshdeskTicket), { maxLength: 30 }), (tickets) => {
        const copy = structuredClone(tickets);
        const result = fromFreshdesk({ tickets });
        nothingLost(result, "tickets", tickets.length);
        wellFormed(result, "tickets");
        expect(fromFreshdesk(deepFreeze({ tickets: copy }))).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it("fromIntercom never loses a conversation, and frozen input gives the same result", () => {
    fc.assert(
      fc.property(fc.array(withBreakage(intercomConversation), { maxLength: 30 }), (conversations) => {
        const copy = structuredClone(conversations);
        const result = fromIntercom({ conversations });
        nothingLost(result, "conversations", conversations.length);
        wellFormed(result, "conversations");
        expect(fromIntercom(deepFreeze({ conversations: copy }))).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it("fromServiceNowEvents never loses a row: every row is in exactly one incident, ticket or set aside", () => {
    fc.assert(
      fc.property(fc.array(withBreakage(serviceNowRow), { maxLength: 40 }), (rows) => {
        const copy = structuredClone(rows);
        const result = fromServiceNowEvents(rows, { timeZone: "Europe/Berlin" });
        wellFormed(result, "rows");
        const numbers = new Map<string, number[]>();
        rows.forEach((row, i) => {
          const n = (row as { number?: unknown } | null)?.number;
          if (
            typeof n === "string" &&
            n !== "?" &&
            n !== "" &&
            row !== null &&
            typeof row === "object" &&
            !Array.isArray(row)
          ) {
            numbers.set(n, [...(numbers.get(n) ?? []), i]);
          }
        });
        const asideRows = result.setAside.flatMap((s) => s.rows ?? []);
        const ticketRows = result.tickets.flatMap((t) => numbers.get(t.id) ?? []);
        expect([...asideRows, ...ticketRows].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
        expect(fromServiceNowEvents(deepFreeze(copy), { timeZone: "Europe/Berlin" })).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it("a ticket that an adapter returns is always accepted by the ticket metrics", async () => {
    const { resolutionTime, firstResponseTime, backlog } = await import("../../src/index.js");
    fc.assert(
      fc.property(
        fc.array(withBreakage(serviceNowRow), { maxLength: 40 }),
        fc.array(withBreakage(freshdeskTicket), { maxLength: 20 }),
        fc.array(withBreakage(intercomConversation), { maxLength: 20 }),
        fc.array(withBreakage(zendeskTicket), { maxLength: 20 }),
        fc.array(withBreakage(zendeskAudit), { maxLength: 30 }),
        (rows, fd, ic, zt, za) => {
          const tickets = [
            ...fromServiceNowEvents(rows, { timeZone: "UTC" }).tickets,
            ...fromFreshdesk({ tickets: fd }).tickets,
            ...fromIntercom({ conversations: ic }).tickets,
            ...fromZendesk({ tickets: zt, audits: za }).tickets,
          ];
          expect(() => resolutionTime(tickets, { pauseStatuses: ["Awaiting User Info"] })).not.toThrow();
          expect(() => firstResponseTime(tickets)).not.toThrow();
          expect(() => backlog(tickets, { asOf: T0 + 40 * 86_400_000 })).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });

  it("bad containers always throw with a code and a path, never set aside", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.constant(undefined)), (bad) => {
        for (const [call, fn, path] of [
          [() => fromZendesk(bad as never), "fromZendesk", "input"],
          [() => fromFreshdesk({ tickets: bad as never }), "fromFreshdesk", "input.tickets"],
          [() => fromIntercom({ conversations: bad as never }), "fromIntercom", "input.conversations"],
          [() => fromServiceNowEvents(bad as never, { timeZone: "UTC" }), "fromServiceNowEvents", "rows"],
        ] as const) {
          expect(call).toThrow(expect.objectContaining({ code: expect.any(String), fn, path, received: bad }));
        }
      }),
      { numRuns: 50 },
    );
  });
});
