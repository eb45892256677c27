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
  optionalCountField,
  optionalName,
  optionalUnixSeconds,
  requiredId,
  requiredList,
  ticket,
} from "./common.js";

/**
 * The input of {@link fromIntercom}.
 *
 * @category Adapters
 */
export interface IntercomInput {
  /** Conversation objects as the Intercom REST API returns them (`GET /conversations/{id}`, or `POST /conversations/search`), with `statistics`. @defaultValue none (required) */
  readonly conversations: readonly unknown[];
}

const FN = "fromIntercom";
const STATES = ["open", "closed", "snoozed"];

/**
 * Maps Intercom conversations to the library's tickets; records that cannot
 * be mapped are set aside with a reason.
 *
 * Definition, field by field (Intercom REST API reference, Conversations:
 * the conversation and `conversation_statistics` models; times are Unix
 * seconds):
 *
 * | Ticket field | Intercom source |
 * |---|---|
 * | `id` | `id` |
 * | `createdAt` | `statistics.first_contact_reply_at` (the customer's first message), else `created_at` (with a warning) |
 * | `firstResponseAt` | `statistics.first_admin_reply_at` (the first teammate reply after the customer's first message) |
 * | `resolvedAt` | `statistics.last_close_at` when `state` is `"closed"`; `null` while open or snoozed |
 * | `firstResolvedAt` | `statistics.first_close_at` |
 * | `reopenCount` | `statistics.count_reopens` |
 * | `priority` | `priority` (`"priority"` or `"not_priority"`) |
 * | `channel` | `source.type` (`"conversation"`, `"email"`, `"facebook"`, …) |
 * | `agentId` | `admin_assignee_id` |
 * | `team` | `team_assignee_id` |
 * | `statusHistory` | `null` (conversation parts are not read) |
 *
 * Which start: response and resolution times are measured from the
 * customer's **first message** (`first_contact_reply_at`), as Intercom's own
 * statistics are ("first admin reply after first_contact_reply_at"), not from
 * `created_at`: a conversation an admin starts with an outbound message is
 * created long before the customer writes. A conversation the customer never
 * replied to falls back to `created_at` and is warned (`no_contact_reply`).
 * Intercom's own `time_to_admin_reply` subtracts office hours; the library's
 * calendar time does not unless given a business calendar.
 *
 * Set aside (never thrown): a conversation without `id`, with a time that is
 * not Unix seconds, an unknown `state`, a closed conversation without
 * `last_close_at`, a reply or close before the start.
 *
 * @param input - `{ conversations }`.
 * @returns Tickets (instants in epoch ms), the set-aside records and the warnings.
 * @throws {MetricInputError} `invalid_type` when `input` or `conversations` is not an object / array;
 *   `missing_value` without `conversations`; `invalid_option` for an unknown key of `input`.
 *
 * @example
 * ```ts
 * import { fromIntercom } from "support-metrics/adapters";
 * const { tickets, setAside } = fromIntercom({
 *   conversations: [
 *     { id: "1295", created_at: 1714550400, state: "closed", priority: "not_priority",
 *       admin_assignee_id: 814860, team_assignee_id: "5017691", source: { type: "conversation" },
 *       statistics: { first_contact_reply_at: 1714554000, first_admin_reply_at: 1714554600,
 *         first_close_at: 1714561200, last_close_at: 1714561200, count_reopens: 0 } },
 *     { id: "1296", created_at: 1714550400, state: "archived", statistics: {} },
 *   ],
 * });
 * (tickets[0].firstResponseAt - tickets[0].createdAt) / 60_000; // => 10
 * tickets[0].createdAt === 1714554000 * 1000; // => true
 * setAside[0].code; // => "invalid_value"
 * fromIntercom({}); // throws missing_value
 * ```
 * @see {@link fromZendesk}, {@link fromFreshdesk}
 * @category Adapters
 */
export function fromIntercom(input: IntercomInput): AdapterResult {
  const o = inputObject(FN, input, ["conversations"]);
  const list = requiredList(FN, o, "conversations");
  const c = collector(FN);
  eachRecord(c, "conversations", list, idString, (value, i, path) => {
    const t = record(FN, path, value, { expected: "an Intercom conversation object" });
    const id = requiredId(FN, `${path}.id`, t["id"]);
    const created = optionalUnixSeconds(FN, `${path}.created_at`, t["created_at"]);
    const state = t["state"];
    if (typeof state !== "string" || !STATES.includes(state)) {
      throw fieldError(FN, `${path}.state`, 'one of "open", "closed", "snoozed"', state, "invalid_value");
    }
    const rawStats = t["statistics"];
    const stats =
      rawStats === undefined || rawStats === null
        ? {}
        : record(FN, `${path}.statistics`, rawStats, { expected: "a statistics object" });
    const sp = `${path}.statistics`;
    const read = (field: string) => optionalUnixSeconds(FN, `${sp}.${field}`, stats[field]);
    const contact = read("first_contact_reply_at");
    let createdAt: number;
    if (contact !== null) createdAt = contact;
    else if (created !== null) {
      createdAt = created;
      c.warn(
        "conversations",
        i,
        id,
        "no_contact_reply",
        `${FN}: ${path} has no first_contact_reply_at: measured from created_at`,
      );
    } else {
      throw inputError("missing_value", FN, `${path}.created_at`, "a Unix time in seconds", t["created_at"]);
    }
    const firstResponseAt = read("first_admin_reply_at");
    const firstResolvedAt = read("first_close_at");
    const lastClose = read("last_close_at");
    const resolvedAt = state === "closed" ? lastClose : null;
    if (state === "closed" && resolvedAt === null) {
      throw inputError(
        "missing_value",
        FN,
        `${sp}.last_close_at`,
        "the last close time of a closed conversation",
        stats["last_close_at"],
      );
    }
    for (const [field, at] of [
      ["first_admin_reply_at", firstResponseAt],
      ["first_close_at", firstResolvedAt],
      ["last_close_at", lastClose],
    ] as const) {
      notBefore(FN, `${sp}.${field}`, at, createdAt, stats[field]);
    }
    const source = t["source"];
    c.tickets.push(
      ticket({
        id,
        createdAt,
        firstResponseAt,
        resolvedAt,
        firstResolvedAt,
        priority: optionalName(FN, `${path}.priority`, t["priority"]),
        channel:
          source !== null && typeof source === "object"
            ? optionalName(FN, `${path}.source.type`, (source as Record<string, unknown>)["type"])
            : null,
        agentId: optionalName(FN, `${path}.admin_assignee_id`, t["admin_assignee_id"]),
        team: optionalName(FN, `${path}.team_assignee_id`, t["team_assignee_id"]),
        reopenCount: optionalCountField(FN, `${sp}.count_reopens`, stats["count_reopens"]),
        statusHistory: null,
      }),
    );
  });
  return { tickets: c.tickets, setAside: c.setAside, warnings: c.warnings };
}
