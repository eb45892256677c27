import { record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import {
  type AdapterResult,
  collector,
  eachRecord,
  fieldError,
  idString,
  inputObject,
  notBefore,
  optionalIso,
  optionalName,
  requiredId,
  requiredIso,
  requiredList,
  ticket,
} from "./common.js";

/**
 * The input of {@link fromFreshdesk}.
 *
 * @category Adapters
 */
export interface FreshdeskInput {
  /** Ticket objects as the Freshdesk API v2 returns them with `include=stats` (`GET /api/v2/tickets?include=stats`). @defaultValue none (required) */
  readonly tickets: readonly unknown[];
}

const FN = "fromFreshdesk";
/** Freshdesk's default status codes (API v2): 2 Open, 3 Pending, 4 Resolved, 5 Closed. */
const STATUS: Readonly<Record<number, string>> = { 2: "open", 3: "pending", 4: "resolved", 5: "closed" };
/** Freshdesk's priority codes: 1 Low, 2 Medium, 3 High, 4 Urgent. */
const PRIORITY: Readonly<Record<number, string>> = { 1: "low", 2: "medium", 3: "high", 4: "urgent" };
/** Freshdesk's source codes: 1 Email, 2 Portal, 3 Phone, 7 Chat, 9 Feedback widget, 10 Outbound email. */
const SOURCE: Readonly<Record<number, string>> = {
  1: "email",
  2: "portal",
  3: "phone",
  7: "chat",
  9: "feedback_widget",
  10: "outbound_email",
};

/**
 * Maps Freshdesk tickets (API v2, with `stats`) to the library's tickets;
 * records that cannot be mapped are set aside with a reason.
 *
 * Definition, field by field (Freshdesk API v2 reference, Tickets: "View a
 * ticket", `include=stats`):
 *
 * | Ticket field | Freshdesk source |
 * |---|---|
 * | `id` | `id` |
 * | `createdAt` | `created_at` |
 * | `firstResponseAt` | `stats.first_responded_at` |
 * | `resolvedAt` | when `status` is 4 (Resolved) or 5 (Closed): `stats.resolved_at`, else `stats.closed_at`; `null` for 2 (Open) and 3 (Pending) |
 * | `firstResolvedAt` | `null` (Freshdesk keeps the latest resolution only) |
 * | `reopenCount` | `1` when `stats.reopened_at` is set, else `0`: Freshdesk records the last reopening, not how many, so the reopen *rate* (tickets reopened at least once) is exact and counts above one are unknown |
 * | `priority` | `priority`: 1 `low`, 2 `medium`, 3 `high`, 4 `urgent` |
 * | `channel` | `source`: 1 `email`, 2 `portal`, 3 `phone`, 7 `chat`, 9 `feedback_widget`, 10 `outbound_email`; another code as `source_<n>` |
 * | `agentId` | `responder_id` |
 * | `team` | `group_id` |
 * | `statusHistory` | `null` (the Tickets API has no history) |
 *
 * A custom status (a code other than 2–5) is read as unresolved, with a
 * warning. Set aside (never thrown): a ticket without `id`, `created_at` or
 * `status`, a malformed instant, a resolved or closed ticket without
 * `resolved_at` or `closed_at`, a response or resolution before `created_at`.
 *
 * @param input - `{ tickets }`.
 * @returns Tickets (instants in epoch ms), the set-aside records and the warnings.
 * @throws {MetricInputError} `invalid_type` when `input` or `tickets` is not an object / array;
 *   `missing_value` without `tickets`; `invalid_option` for an unknown key of `input`.
 *
 * @example
 * ```ts
 * import { fromFreshdesk } from "support-metrics/adapters";
 * const { tickets, setAside } = fromFreshdesk({
 *   tickets: [
 *     { id: 20, status: 4, priority: 3, source: 1, responder_id: 9, group_id: 3,
 *       created_at: "2024-05-01T09:00:00Z",
 *       stats: { first_responded_at: "2024-05-01T09:20:00Z", resolved_at: "2024-05-01T12:00:00Z", reopened_at: null } },
 *     { id: 21, status: 5, created_at: "2024-05-01T10:00:00Z", stats: {} },
 *   ],
 * });
 * (tickets[0].resolvedAt - tickets[0].createdAt) / 3_600_000; // => 3
 * tickets[0].priority; // => "high"
 * tickets[0].channel; // => "email"
 * setAside[0].path; // => "tickets[1].stats.resolved_at"
 * fromFreshdesk([]); // throws invalid_type
 * ```
 * @see {@link fromZendesk}, {@link fromIntercom}
 * @category Adapters
 */
export function fromFreshdesk(input: FreshdeskInput): AdapterResult {
  const o = inputObject(FN, input, ["tickets"]);
  const list = requiredList(FN, o, "tickets");
  const c = collector(FN);
  eachRecord(c, "tickets", list, idString, (value, i, path) => {
    const t = record(FN, path, value, { expected: "a Freshdesk ticket object" });
    const id = requiredId(FN, `${path}.id`, t["id"]);
    const createdAt = requiredIso(FN, `${path}.created_at`, t["created_at"]);
    const status = t["status"];
    if (!Number.isSafeInteger(status)) {
      throw fieldError(
        FN,
        `${path}.status`,
        "a Freshdesk status code (2 Open, 3 Pending, 4 Resolved, 5 Closed)",
        status,
      );
    }
    const rawStats = t["stats"];
    const stats =
      rawStats === undefined || rawStats === null
        ? {}
        : record(FN, `${path}.stats`, rawStats, { expected: "a stats object" });
    const sp = `${path}.stats`;
    const firstResponseAt = optionalIso(FN, `${sp}.first_responded_at`, stats["first_responded_at"]);
    const resolved = optionalIso(FN, `${sp}.resolved_at`, stats["resolved_at"]);
    const closed = optionalIso(FN, `${sp}.closed_at`, stats["closed_at"]);
    const reopened = optionalIso(FN, `${sp}.reopened_at`, stats["reopened_at"]);
    const name = STATUS[status as number];
    let resolvedAt: number | null = null;
    if (name === "resolved" || name === "closed") {
      resolvedAt = resolved ?? closed;
      if (resolvedAt === null) {
        throw inputError(
          "missing_value",
          FN,
          `${sp}.resolved_at`,
          "a resolution time (stats.resolved_at or stats.closed_at) for a resolved or closed ticket",
          stats["resolved_at"],
        );
      }
    } else if (name === undefined) {
      c.warn(
        "tickets",
        i,
        id,
        "custom_status",
        `${FN}: ${path}.status ${status} is a custom status: read as unresolved`,
      );
    }
    notBefore(FN, `${sp}.first_responded_at`, firstResponseAt, createdAt, stats["first_responded_at"]);
    const resolvedField = resolved !== null ? "resolved_at" : "closed_at";
    notBefore(FN, `${sp}.${resolvedField}`, resolvedAt, createdAt, stats[resolvedField]);
    c.tickets.push(
      ticket({
        id,
        createdAt,
        firstResponseAt,
        resolvedAt,
        firstResolvedAt: null,
        priority: coded(t["priority"], PRIORITY, "priority", `${path}.priority`),
        channel: coded(t["source"], SOURCE, "source", `${path}.source`),
        agentId: optionalName(FN, `${path}.responder_id`, t["responder_id"]),
        team: optionalName(FN, `${path}.group_id`, t["group_id"]),
        reopenCount: reopened === null ? 0 : 1,
        statusHistory: null,
      }),
    );
  });
  return { tickets: c.tickets, setAside: c.setAside, warnings: c.warnings };
}

/** A Freshdesk numeric code by its table (`<prefix>_<n>` for a code not in it), `null` when absent. */
function coded(value: unknown, table: Readonly<Record<number, string>>, prefix: string, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (!Number.isSafeInteger(value)) throw inputError("invalid_type", FN, path, `a Freshdesk ${prefix} code`, value);
  return table[value as number] ?? `${prefix}_${value}`;
}
