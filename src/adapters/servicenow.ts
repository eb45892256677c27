import { MetricInputError } from "../errors.js";
import { arrayLike, record } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { StatusChange } from "../tickets/index.js";
import {
  compileFormat,
  type Disambiguation,
  disambiguationOption,
  resolveLocal,
  zoneOption,
} from "../time/local-instant.js";
import type { ZoneOffsets } from "../time/zone-offsets.js";
import { type AdapterResult, aside, collector, knownKeys, ticket } from "./common.js";

/**
 * Options of {@link fromServiceNowEvents}.
 *
 * @category Adapters
 */
export interface ServiceNowOptions {
  /** The IANA time zone the log's zone-less times were written in, e.g. `"Europe/Lisbon"`. @defaultValue none (required) */
  readonly timeZone: string;
  /** The layout of the times, with the tokens of `localInstant` (from `support-metrics`). @defaultValue either ISO-like local time (`2016-02-29 01:16:00`) or `DD-MM-YYYY HH:mm` (`29-02-2016 01:16`, the UCI log's) */
  readonly format?: string;
  /** How a time in a daylight-saving gap or overlap is read (see `localInstant` in `support-metrics`). @defaultValue `"compatible"` */
  readonly disambiguation?: Disambiguation;
}

/**
 * The "Awaiting …" incident states of ServiceNow, to pass as `pauseStatuses`:
 * the incident waits on the caller, a problem record, a vendor or evidence,
 * and the SLA clock of a default ServiceNow incident SLA pauses there.
 *
 * @example
 * ```ts
 * import { serviceNowPauseStatuses } from "support-metrics/adapters";
 * serviceNowPauseStatuses.length; // => 4
 * serviceNowPauseStatuses[0]; // => "Awaiting User Info"
 * ```
 * @see {@link fromServiceNowEvents}
 * @category Adapters
 */
export const serviceNowPauseStatuses: readonly string[] = Object.freeze([
  "Awaiting User Info",
  "Awaiting Problem",
  "Awaiting Vendor",
  "Awaiting Evidence",
]);

const FN = "fromServiceNowEvents";
const OPTION_KEYS = ["timeZone", "format", "disambiguation"];
const UCI_FORMAT = "DD-MM-YYYY HH:mm";

/**
 * Maps a ServiceNow incident event log (one row per update of an incident, as
 * in the UCI "Incident management process enriched event log") to one ticket
 * per incident; inconsistent incidents are set aside with a reason, never thrown.
 *
 * Definition: rows are grouped by `number` and ordered by `sys_mod_count`
 * (the sequence of modifications), then `sys_updated_at`, then row order;
 * a tie in `sys_mod_count` is warned (`order_tie`). Zone-less times are read
 * as local time in `timeZone` through `localInstant` (from `support-metrics`); `?`, `""`, `null`
 * mean missing. Field by field:
 *
 * | Ticket field | ServiceNow source |
 * |---|---|
 * | `id` | `number` |
 * | `createdAt` | `opened_at` (of the last row) |
 * | `statusHistory` | `incident_state` of each row at its `sys_updated_at`, consecutive repeats merged |
 * | `resolvedAt` | `resolved_at` of the last row; when missing but the incident ends Resolved or Closed, the time it last entered Resolved (warned: `resolved_from_history`) |
 * | `firstResolvedAt` | the time the incident first entered Resolved |
 * | `firstResponseAt` | `null` (the log has no replies) |
 * | `reopenCount` | `reopen_count` of the last row |
 * | `priority` | `priority` of the last row, e.g. `"3 - Moderate"` |
 * | `channel` | `contact_type` of the last row |
 * | `agentId` | `assigned_to` of the last row |
 * | `team` | `assignment_group` of the last row |
 *
 * Set aside, with every row's index in `rows`: an incident with a row that
 * lacks `sys_mod_count`, `sys_updated_at` or `incident_state`, a time that
 * cannot be read, no `opened_at`, a row stamped before the modification
 * before it (the history would run backwards), or a resolution before
 * `opened_at`. A row without `number` is set aside alone.
 *
 * @param rows - Parsed rows (objects keyed by the log's column names; values as the CSV has them).
 * @param options - `timeZone` (required), `format`, `disambiguation`.
 * @returns One ticket per incident (instants in epoch ms), the set-aside incidents and rows, and the warnings.
 * @throws {MetricInputError} `invalid_type` when `rows` is not an array; `invalid_option` for a missing or
 *   unknown `timeZone`, a malformed `format`, an unknown option.
 *
 * @example
 * ```ts
 * import { fromServiceNowEvents, serviceNowPauseStatuses } from "support-metrics/adapters";
 * const row = { number: "INC0000045", opened_at: "29-02-2016 01:16", resolved_at: "29-02-2016 11:29",
 *   reopen_count: "0", priority: "3 - Moderate", contact_type: "Phone", assigned_to: "?", assignment_group: "Group 56" };
 * const { tickets, setAside } = fromServiceNowEvents([
 *   { ...row, incident_state: "New", sys_mod_count: "0", sys_updated_at: "29-02-2016 01:23" },
 *   { ...row, incident_state: "Resolved", sys_mod_count: "2", sys_updated_at: "29-02-2016 11:29" },
 *   { ...row, incident_state: "Active", sys_mod_count: "1", sys_updated_at: "29-02-2016 08:53" },
 *   { number: "INC0000047", incident_state: "New", sys_mod_count: "0", sys_updated_at: "29-02-2016 04:40", opened_at: "?" },
 * ], { timeZone: "Europe/Lisbon" });
 * tickets[0].statusHistory.map((s) => s.status); // => ["New", "Active", "Resolved"]
 * (tickets[0].resolvedAt - tickets[0].createdAt) / 60_000; // => 613
 * tickets[0].agentId; // => null
 * setAside[0].code; // => "missing_value"
 * serviceNowPauseStatuses.includes("Awaiting Vendor"); // => true
 * fromServiceNowEvents([], { timeZone: "Mars/Olympus_Mons" }); // throws invalid_option
 * ```
 * @see `localInstant` (from `support-metrics`), {@link serviceNowPauseStatuses}
 * @category Adapters
 */
export function fromServiceNowEvents(rows: readonly unknown[], options: ServiceNowOptions): AdapterResult {
  const list = arrayLike(FN, "rows", rows, { expected: "an array of event rows" });
  const o = record(FN, "options", options, { expected: "an options object { timeZone, format?, disambiguation? }" });
  knownKeys(FN, "options", o, OPTION_KEYS);
  const zone = zoneOption(FN, "options.timeZone", o["timeZone"]);
  const formats =
    o["format"] === undefined
      ? [undefined, compileFormat(FN, "options.format", UCI_FORMAT)]
      : [compileFormat(FN, "options.format", o["format"])];
  const disambiguation = disambiguationOption(FN, "options.disambiguation", o["disambiguation"]);
  const time = (path: string, value: unknown): number | null => {
    if (isMissing(value)) return null;
    return readTime(path, value, zone, formats, disambiguation);
  };
  const c = collector(FN);

  // Group the rows by incident, in order of first appearance.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < list.length; i++) {
    try {
      const row = record(FN, `rows[${i}]`, list[i], { expected: "an event row object" });
      const id = row["number"];
      if (typeof id !== "string" || isMissing(id)) {
        throw inputError(
          isMissing(id) ? "missing_value" : "invalid_type",
          FN,
          `rows[${i}].number`,
          "an incident number",
          id,
        );
      }
      const group = groups.get(id);
      if (group === undefined) groups.set(id, [i]);
      else group.push(i);
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error;
      c.setAside.push({ ...aside("rows", i, null, error), rows: [i] });
    }
  }

  for (const [id, indexes] of groups) {
    try {
      const events = indexes.map((i) => {
        const row = list[i] as Record<string, unknown>;
        const state = row["incident_state"];
        if (typeof state !== "string" || isMissing(state)) {
          throw inputError(
            isMissing(state) ? "missing_value" : "invalid_type",
            FN,
            `rows[${i}].incident_state`,
            "an incident state",
            state,
          );
        }
        const at = time(`rows[${i}].sys_updated_at`, row["sys_updated_at"]);
        if (at === null)
          throw inputError("missing_value", FN, `rows[${i}].sys_updated_at`, "an update time", row["sys_updated_at"]);
        return { i, row, state, at, mod: countAt(`rows[${i}].sys_mod_count`, row["sys_mod_count"], true) as number };
      });
      events.sort((a, b) => a.mod - b.mod || a.at - b.at || a.i - b.i);
      const history: StatusChange[] = [];
      let firstResolved: number | null = null;
      let lastResolved: number | null = null;
      for (let k = 0; k < events.length; k++) {
        const e = events[k] as (typeof events)[number];
        const before = events[k - 1];
        if (before !== undefined) {
          if (before.mod === e.mod) {
            c.warn(
              "rows",
              e.i,
              id,
              "order_tie",
              `${FN}: rows ${before.i} and ${e.i} of ${id} share sys_mod_count ${e.mod}: ordered by sys_updated_at, then row order`,
            );
          }
          if (e.at < before.at) {
            throw inputError(
              "inconsistent_instants",
              FN,
              `rows[${e.i}].sys_updated_at`,
              `an update time at or after the previous modification's (rows[${before.i}])`,
              e.row["sys_updated_at"],
            );
          }
        }
        const last = history[history.length - 1];
        if (last === undefined || last.status !== e.state) {
          history.push({ status: e.state, at: e.at });
          if (e.state.toLowerCase() === "resolved") {
            firstResolved ??= e.at;
            lastResolved = e.at;
          }
        }
      }
      const end = events[events.length - 1] as (typeof events)[number];
      const row = end.row;
      const p = `rows[${end.i}]`;
      const createdAt = time(`${p}.opened_at`, row["opened_at"]);
      if (createdAt === null)
        throw inputError("missing_value", FN, `${p}.opened_at`, "the opening time", row["opened_at"]);
      let resolvedAt = time(`${p}.resolved_at`, row["resolved_at"]);
      const finalState = end.state.toLowerCase();
      if (resolvedAt === null && (finalState === "resolved" || finalState === "closed")) {
        resolvedAt = lastResolved ?? ((history[history.length - 1] as StatusChange).at as number);
        c.warn(
          "rows",
          end.i,
          id,
          "resolved_from_history",
          `${FN}: ${id} ends ${end.state} without resolved_at: resolved when it last entered ${lastResolved === null ? end.state : "Resolved"}`,
        );
      }
      if (resolvedAt !== null && resolvedAt < createdAt) {
        throw inputError(
          "inconsistent_instants",
          FN,
          `${p}.resolved_at`,
          "a resolution at or after opened_at",
          row["resolved_at"],
        );
      }
      if (firstResolved !== null && firstResolved < createdAt) {
        throw inputError(
          "inconsistent_instants",
          FN,
          `${p}.opened_at`,
          "an opening before the first move to Resolved",
          row["opened_at"],
        );
      }
      c.tickets.push(
        ticket({
          id,
          createdAt,
          firstResponseAt: null,
          resolvedAt,
          firstResolvedAt: resolvedAt === null ? null : (firstResolved ?? resolvedAt),
          priority: text(row["priority"]),
          channel: text(row["contact_type"]),
          agentId: text(row["assigned_to"]),
          team: text(row["assignment_group"]),
          reopenCount: countAt(`${p}.reopen_count`, row["reopen_count"], false),
          statusHistory: history,
        }),
      );
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error;
      c.setAside.push({ ...aside("rows", indexes[0] as number, id, error), rows: indexes });
    }
  }
  return { tickets: c.tickets, setAside: c.setAside, warnings: c.warnings };
}

/** `?`, `""`, `null` and `undefined` mean missing in the log. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === "" || value === "?";
}

/** A text field, `null` when missing. */
function text(value: unknown): string | null {
  if (isMissing(value)) return null;
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}

/** A count written as digits or a number; `null` when missing and not `required`. */
function countAt(path: string, value: unknown, required: boolean): number | null {
  if (isMissing(value)) {
    if (required) throw inputError("missing_value", FN, path, "a count (an integer ≥ 0)", value);
    return null;
  }
  const n = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (Number.isSafeInteger(n) && (n as number) >= 0) return n as number;
  throw inputError("invalid_value", FN, path, "a count (an integer ≥ 0)", value);
}

/** A zone-less time by the first format that reads it. */
function readTime(
  path: string,
  value: unknown,
  zone: ZoneOffsets,
  formats: readonly (ReturnType<typeof compileFormat> | undefined)[],
  disambiguation: Disambiguation,
): number {
  // The default reads two layouts: try first the one the text looks like (ISO has "-" at [4]).
  const ordered =
    formats.length === 2 && typeof value === "string" && value[4] !== "-" ? [...formats].reverse() : formats;
  let first: unknown;
  for (const format of ordered) {
    try {
      return resolveLocal(FN, path, value, zone, format, disambiguation);
    } catch (error) {
      first ??= error;
    }
  }
  throw first;
}
