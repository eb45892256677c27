import { record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { StatusChange } from "../tickets/index.js";
import {
  type AdaptedSurveyResponse,
  type AdapterResult,
  type Collector,
  collector,
  eachRecord,
  fieldError,
  idString,
  inputObject,
  notBefore,
  optionalCountField,
  optionalIso,
  optionalList,
  optionalName,
  requiredId,
  requiredIso,
  requiredList,
  ticket,
} from "./common.js";

/**
 * The input of {@link fromZendesk}: records as the Zendesk Support API returns
 * them (already fetched and parsed; the adapter does no HTTP).
 *
 * @category Adapters
 */
export interface ZendeskInput {
  /** Ticket objects (Tickets API, `GET /api/v2/tickets`). @defaultValue none (required) */
  readonly tickets: readonly unknown[];
  /** Ticket audit objects (Ticket Audits API, `GET /api/v2/tickets/{id}/audits` or `/api/v2/ticket_audits`). @defaultValue none: status history and first replies then come from `ticketMetrics` */
  readonly audits?: readonly unknown[] | null;
  /** Ticket metric objects (Ticket Metrics API, `GET /api/v2/ticket_metrics`). @defaultValue none */
  readonly ticketMetrics?: readonly unknown[] | null;
  /** Satisfaction rating objects (Satisfaction Ratings API, `GET /api/v2/satisfaction_ratings`). @defaultValue none: each ticket's own `satisfaction_rating` is read instead */
  readonly satisfactionRatings?: readonly unknown[] | null;
}

/**
 * What {@link fromZendesk} returns: tickets, survey responses, the records set
 * aside and the warnings.
 *
 * @category Adapters
 */
export interface ZendeskResult extends AdapterResult {
  /** One response per satisfaction rating (or per ticket with a `satisfaction_rating`); `csat` is `1` good, `0` bad, `null` offered or unoffered. */
  readonly surveyResponses: AdaptedSurveyResponse[];
}

/**
 * The statuses to pass as `pauseStatuses` for Zendesk's **requester wait
 * time**: `["pending"]`. Zendesk defines requester wait time as the time a
 * ticket spends in the New, Open and On-hold statuses, that is, everything
 * except Pending ("the agent is waiting for more information from the
 * requester") until the ticket is solved (Zendesk Support API, Ticket Metrics:
 * `requester_wait_time_in_minutes`; Zendesk help center, "About ticket
 * statuses"). Zendesk's agent wait time is the time in Pending; its on-hold
 * time the time in On-hold (status `"hold"` in the API).
 *
 * @example
 * ```ts
 * import { zendeskPauseStatuses } from "support-metrics/adapters";
 * zendeskPauseStatuses; // => ["pending"]
 * ```
 * @see {@link fromZendesk}
 * @category Adapters
 */
export const zendeskPauseStatuses: readonly string[] = Object.freeze(["pending"]);

const FN = "fromZendesk";
const KEYS = ["tickets", "audits", "ticketMetrics", "satisfactionRatings"];
const SCORES: Readonly<Record<string, number | null>> = { good: 1, bad: 0, offered: null, unoffered: null };
const SOLVED = new Set(["solved", "closed"]);

/**
 * Maps a Zendesk Support export (tickets, and optionally their audits, ticket
 * metrics and satisfaction ratings) to the library's tickets and survey
 * responses; records that cannot be mapped are set aside with a reason.
 *
 * Definition, field by field (Zendesk Support API reference: Tickets, Ticket
 * Audits, Ticket Metrics, Satisfaction Ratings):
 *
 * | Ticket field | Zendesk source |
 * |---|---|
 * | `id` | ticket `id` |
 * | `createdAt` | ticket `created_at` |
 * | `statusHistory` | audits: every `Create` or `Change` event with `field_name: "status"`, its `value` at the audit's `created_at` (audits in time order, ties by audit `id`; consecutive repeats merged); `null` without audits |
 * | `firstResponseAt` | audits: the first audit after the creating one with a `Comment` event that is `public` and whose `author_id` is not the ticket's `requester_id`; without audits, `created_at` + metrics `reply_time_in_minutes.calendar` (whole minutes only) |
 * | `resolvedAt` | the last audit changing `status` to `solved` (final resolution), when the ticket's `status` is `solved` or `closed` (a ticket closed without a solve: when it was closed); without audits, metrics `solved_at` |
 * | `firstResolvedAt` | the first audit changing `status` to `solved`; without audits, `created_at` + metrics `first_resolution_time_in_minutes.calendar` |
 * | `reopenCount` | metrics `reopens`; without metrics, the audits' changes from `solved` back to an open status |
 * | `priority` | ticket `priority` (`urgent`, `high`, `normal`, `low`) |
 * | `channel` | ticket `via.channel` (`email`, `web`, `api`, `chat`, …) |
 * | `agentId` | ticket `assignee_id` |
 * | `team` | ticket `group_id` |
 *
 * Survey responses come from the satisfaction ratings (`ticket_id`, `score`,
 * `created_at`, `assignee_id`, `group_id`), or without them from each ticket's
 * `satisfaction_rating.score`: `good` is `1`, `bad` is `0`, and `offered` /
 * `unoffered` are unanswered (`csat: null`). For the CSAT of the responses use
 * `csat(answers, { scale: { min: 0, max: 1 }, satisfiedFrom: 1 })`.
 *
 * Set aside (never thrown): a ticket without `id` or `created_at`, with a
 * malformed instant, a solved ticket without a solve time, a reply or solve
 * before `created_at`; a rating without `ticket_id` or with an unknown
 * `score`. Warned: audits, metrics and ratings of tickets not in `tickets`
 * (ignored), ties in audit time, first replies read from whole minutes.
 *
 * @param input - `tickets`, and optionally `audits`, `ticketMetrics`, `satisfactionRatings`.
 * @returns Tickets (instants in epoch ms), survey responses, the set-aside records and the warnings.
 * @throws {MetricInputError} `invalid_type` when `input` or one of its lists is not an object / array;
 *   `missing_value` without `tickets`; `invalid_option` for an unknown key of `input`.
 *
 * @example
 * ```ts
 * import { fromZendesk } from "support-metrics/adapters";
 * const { tickets, surveyResponses, setAside } = fromZendesk({
 *   tickets: [
 *     { id: 35436, created_at: "2024-05-01T09:00:00Z", status: "solved", priority: "high", requester_id: 20,
 *       assignee_id: 235323, group_id: 98738, via: { channel: "email" }, satisfaction_rating: { score: "good" } },
 *     { id: 35437, status: "open" },
 *   ],
 *   audits: [
 *     { id: 1, ticket_id: 35436, created_at: "2024-05-01T09:00:00Z", author_id: 20, events: [
 *       { type: "Create", field_name: "status", value: "new" },
 *       { type: "Comment", public: true, author_id: 20, body: "My order is late" } ] },
 *     { id: 2, ticket_id: 35436, created_at: "2024-05-01T09:30:00Z", author_id: 235323, events: [
 *       { type: "Comment", public: true, author_id: 235323, body: "On its way" },
 *       { type: "Change", field_name: "status", value: "solved", previous_value: "new" } ] },
 *   ],
 * });
 * (tickets[0].firstResponseAt - tickets[0].createdAt) / 60_000; // => 30
 * tickets[0].statusHistory.length; // => 2
 * surveyResponses[0].csat; // => 1
 * setAside[0].code; // => "missing_value"
 * fromZendesk({ audits: [] }); // throws missing_value
 * ```
 * @see {@link zendeskPauseStatuses}, {@link reconcileZendeskMetrics}
 * @category Adapters
 */
export function fromZendesk(input: ZendeskInput): ZendeskResult {
  const o = inputObject(FN, input, KEYS);
  const list = requiredList(FN, o, "tickets");
  const auditList = optionalList(FN, o, "audits");
  const metricList = optionalList(FN, o, "ticketMetrics");
  const ratingList = optionalList(FN, o, "satisfactionRatings");
  const c = collector(FN);
  const surveyResponses: AdaptedSurveyResponse[] = [];

  // Ticket ids first, so that the other inputs can be matched to them.
  const ticketIds = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const id = idString(list[i]);
    if (id !== null) ticketIds.add(id);
  }
  const audits = auditList === undefined ? undefined : groupAudits(c, auditList, ticketIds);
  const metrics = metricList === undefined ? undefined : byTicket(c, "ticketMetrics", metricList, ticketIds);
  const channels = new Map<string, string | null>();
  let fromMinutes = 0;

  eachRecord(c, "tickets", list, idString, (value, i, path) => {
    const t = record(FN, path, value, { expected: "a Zendesk ticket object" });
    const id = requiredId(FN, `${path}.id`, t["id"]);
    const createdAt = requiredIso(FN, `${path}.created_at`, t["created_at"]);
    const status = t["status"];
    if (typeof status !== "string") {
      throw fieldError(FN, `${path}.status`, "a Zendesk status", status);
    }
    const metric = metrics?.get(id);
    const m =
      metric === undefined ? undefined : record(FN, metric.path, metric.value, { expected: "a ticket metric object" });
    const via = t["via"];
    const channel =
      via !== null && typeof via === "object"
        ? optionalName(FN, `${path}.via.channel`, (via as Record<string, unknown>)["channel"])
        : null;
    channels.set(id, channel);

    let firstResponseAt: number | null = null;
    let resolvedAt: number | null = null;
    let firstResolvedAt: number | null = null;
    let statusHistory: StatusChange[] | null = null;
    let reopensFromAudits: number | null = null;
    const ticketAudits = audits?.get(id);
    if (ticketAudits !== undefined) {
      const requester = optionalName(FN, `${path}.requester_id`, t["requester_id"]);
      if (requester === null) {
        throw inputError(
          "missing_value",
          FN,
          `${path}.requester_id`,
          "the requester's id (to tell replies from the requester's own comments)",
          t["requester_id"],
        );
      }
      const read = readAudits(ticketAudits, requester);
      statusHistory = read.history;
      firstResponseAt = read.firstReply;
      firstResolvedAt = read.firstSolve;
      resolvedAt = SOLVED.has(status) ? (read.lastSolve ?? read.closedAt) : null;
      reopensFromAudits = read.reopens;
    } else if (m !== undefined) {
      const mp = metric?.path as string;
      const reply = calendarMinutes(`${mp}.reply_time_in_minutes`, m["reply_time_in_minutes"]);
      if (reply !== null) {
        firstResponseAt = createdAt + reply * 60_000;
        fromMinutes++;
      }
      const first = calendarMinutes(`${mp}.first_resolution_time_in_minutes`, m["first_resolution_time_in_minutes"]);
      if (SOLVED.has(status)) {
        resolvedAt = optionalIso(FN, `${mp}.solved_at`, m["solved_at"]);
        if (first !== null) firstResolvedAt = createdAt + first * 60_000;
      }
    }
    if (SOLVED.has(status) && resolvedAt === null) {
      throw inputError(
        "missing_value",
        FN,
        `${path}.status`,
        "a solve time for a solved ticket (from audits or ticket_metrics.solved_at)",
        status,
      );
    }
    notBefore(FN, `${path}.created_at`, firstResponseAt, createdAt, t["created_at"]);
    notBefore(FN, `${path}.created_at`, resolvedAt, createdAt, t["created_at"]);
    notBefore(FN, `${path}.created_at`, firstResolvedAt, createdAt, t["created_at"]);
    const reopens =
      m === undefined ? reopensFromAudits : optionalCountField(FN, `${metric?.path}.reopens`, m["reopens"]);

    c.tickets.push(
      ticket({
        id,
        createdAt,
        firstResponseAt,
        resolvedAt,
        firstResolvedAt,
        priority: optionalName(FN, `${path}.priority`, t["priority"]),
        channel,
        agentId: optionalName(FN, `${path}.assignee_id`, t["assignee_id"]),
        team: optionalName(FN, `${path}.group_id`, t["group_id"]),
        reopenCount: reopens,
        statusHistory,
      }),
    );
    if (ratingList === undefined) {
      const rating = t["satisfaction_rating"];
      if (rating !== undefined && rating !== null) {
        const score = typeof rating === "object" ? (rating as Record<string, unknown>)["score"] : undefined;
        if (typeof score === "string" && Object.hasOwn(SCORES, score)) {
          surveyResponses.push({
            ticketId: id,
            at: null,
            agentId: optionalName(FN, `${path}.assignee_id`, t["assignee_id"]),
            team: optionalName(FN, `${path}.group_id`, t["group_id"]),
            channel,
            csat: SCORES[score] as number | null,
          });
        } else {
          c.warn(
            "tickets",
            i,
            id,
            "invalid_rating",
            `${FN}: satisfaction_rating.score ${JSON.stringify(score)} is none of good, bad, offered, unoffered: no survey response`,
          );
        }
      }
    }
  });
  if (fromMinutes > 0) {
    c.warn(
      "ticketMetrics",
      -1,
      null,
      "minute_precision",
      `${FN}: the first reply of ${fromMinutes} ticket(s) was read from reply_time_in_minutes.calendar, which has whole-minute precision (pass audits for exact times)`,
    );
  }

  if (ratingList !== undefined) {
    eachRecord(c, "satisfactionRatings", ratingList, idString, (value, _i, path) => {
      const r = record(FN, path, value, { expected: "a satisfaction rating object" });
      const ticketId = requiredId(FN, `${path}.ticket_id`, r["ticket_id"]);
      const score = r["score"];
      if (typeof score !== "string" || !Object.hasOwn(SCORES, score)) {
        throw fieldError(FN, `${path}.score`, "one of good, bad, offered, unoffered", score, "invalid_value");
      }
      surveyResponses.push({
        ticketId,
        at: optionalIso(FN, `${path}.created_at`, r["created_at"]),
        agentId: optionalName(FN, `${path}.assignee_id`, r["assignee_id"]),
        team: optionalName(FN, `${path}.group_id`, r["group_id"]),
        channel: channels.get(ticketId) ?? null,
        csat: SCORES[score] as number | null,
      });
    });
  }
  return { tickets: c.tickets, surveyResponses, setAside: c.setAside, warnings: c.warnings };
}

/** A record of an auxiliary input with its path. */
interface Located {
  readonly value: unknown;
  readonly path: string;
  readonly at: number;
  readonly order: number;
}

/** The records of `list` by their `ticket_id`; malformed ones set aside, unknown tickets warned. */
function byTicket(c: Collector, source: string, list: ArrayLike<unknown>, known: Set<string>): Map<string, Located> {
  const out = new Map<string, Located>();
  eachRecord(c, source, list, idString, (value, i, path) => {
    const r = record(FN, path, value, { expected: `a ${source} object` });
    const id = requiredId(FN, `${path}.ticket_id`, r["ticket_id"]);
    if (!known.has(id))
      c.warn(source, i, id, "unknown_ticket", `${FN}: ${path} is for ticket ${id}, which is not in tickets: ignored`);
    else if (out.has(id))
      c.warn(source, i, id, "duplicate", `${FN}: ${path} repeats the metrics of ticket ${id}: the first is used`);
    else out.set(id, { value, path, at: 0, order: i });
  });
  return out;
}

/** Audits by ticket id, each list in time order (ties by audit id, then input order). */
function groupAudits(c: Collector, list: ArrayLike<unknown>, known: Set<string>): Map<string, Located[]> {
  const out = new Map<string, Located[]>();
  eachRecord(c, "audits", list, idString, (value, i, path) => {
    const a = record(FN, path, value, { expected: "a ticket audit object" });
    const id = requiredId(FN, `${path}.ticket_id`, a["ticket_id"]);
    const at = requiredIso(FN, `${path}.created_at`, a["created_at"]);
    const events = a["events"];
    if (!Array.isArray(events)) {
      throw fieldError(FN, `${path}.events`, "an array of audit events", events);
    }
    for (let k = 0; k < events.length; k++)
      record(FN, `${path}.events[${k}]`, events[k], { expected: "an audit event object" });
    if (!known.has(id)) {
      c.warn(
        "audits",
        i,
        idString(a),
        "unknown_ticket",
        `${FN}: ${path} is for ticket ${id}, which is not in tickets: ignored`,
      );
      return;
    }
    const group = out.get(id);
    const entry = { value, path, at, order: i };
    if (group === undefined) out.set(id, [entry]);
    else group.push(entry);
  });
  for (const [ticketId, group] of out) {
    const auditId = (e: Located) => {
      const v = (e.value as Record<string, unknown>)["id"];
      return typeof v === "number" ? v : Number.NaN;
    };
    group.sort((x, y) => x.at - y.at || auditId(x) - auditId(y) || x.order - y.order);
    for (let k = 1; k < group.length; k++) {
      const prev = group[k - 1] as Located;
      const cur = group[k] as Located;
      if (prev.at === cur.at && hasStatusChange(prev) && hasStatusChange(cur)) {
        c.warn(
          "audits",
          cur.order,
          ticketId,
          "order_tie",
          `${FN}: ${prev.path} and ${cur.path} share created_at and both change the status: ordered by audit id, then input order`,
        );
      }
    }
  }
  return out;
}

function eventsOf(audit: Located): Record<string, unknown>[] {
  return (audit.value as { events: Record<string, unknown>[] }).events;
}

function hasStatusChange(audit: Located): boolean {
  return eventsOf(audit).some(isStatusEvent);
}

function isStatusEvent(e: Record<string, unknown>): boolean {
  return (e["type"] === "Change" || e["type"] === "Create") && e["field_name"] === "status";
}

interface AuditReading {
  readonly history: StatusChange[];
  readonly firstReply: number | null;
  readonly firstSolve: number | null;
  readonly lastSolve: number | null;
  readonly closedAt: number | null;
  readonly reopens: number;
}

/** Reads one ticket's audits (in time order). */
function readAudits(audits: readonly Located[], requester: string): AuditReading {
  const history: StatusChange[] = [];
  let firstReply: number | null = null;
  let firstSolve: number | null = null;
  let lastSolve: number | null = null;
  let closedAt: number | null = null;
  let reopens = 0;
  let current: string | undefined;
  for (const audit of audits) {
    const events = eventsOf(audit);
    const creating = events.some((e) => e["type"] === "Create");
    for (let k = 0; k < events.length; k++) {
      const e = events[k] as Record<string, unknown>;
      if (isStatusEvent(e)) {
        const value = e["value"];
        if (typeof value !== "string") {
          throw inputError("invalid_type", FN, `${audit.path}.events[${k}].value`, "a status name", value);
        }
        if (value === "solved") {
          firstSolve ??= audit.at;
          lastSolve = audit.at;
        } else if (value === "closed") closedAt ??= audit.at;
        else if (current === "solved") reopens++;
        if (value !== current) history.push({ status: value, at: audit.at });
        current = value;
      } else if (e["type"] === "Comment" && !creating && firstReply === null && e["public"] === true) {
        const author = e["author_id"] ?? (audit.value as Record<string, unknown>)["author_id"];
        if (author !== undefined && author !== null && String(author) !== requester) firstReply = audit.at;
      }
    }
  }
  return { history, firstReply, firstSolve, lastSolve, closedAt, reopens };
}

/** The `calendar` minutes of a Zendesk `{ calendar, business }` metric, `null` when absent. */
function calendarMinutes(path: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  const v = record(FN, path, value, { expected: "an object { calendar, business }" })["calendar"];
  if (v === undefined || v === null) return null;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw inputError(typeof v === "number" ? "out_of_range" : "invalid_type", FN, `${path}.calendar`, "minutes ≥ 0", v);
  }
  return v;
}
