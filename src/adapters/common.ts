/**
 * Internal: what every adapter shares: the result shape, the loop that puts
 * each input record into `tickets` or `setAside`, and the field readers that
 * throw a {@link MetricInputError} (caught per record and turned into a
 * set-aside entry with its code, path and message).
 */
import { type MetricErrorCode, MetricInputError } from "../errors.js";
import { arrayLike, type Fields, readOptions, record, shaped } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { StatusChange, Ticket } from "../tickets/index.js";
import { toEpochMs } from "../time/instant.js";

/**
 * A ticket as an adapter returns it: the library's {@link Ticket} with every
 * instant as epoch milliseconds, every field present (`null` when the export
 * does not say), and the help desk's id and team.
 *
 * @category Adapters
 */
export interface AdaptedTicket extends Ticket {
  /** The help desk's id of the ticket (as a string: Zendesk's and Freshdesk's numeric ids too). */
  readonly id: string;
  /** When the customer opened the ticket, epoch ms. */
  readonly createdAt: number;
  /** The first agent reply, epoch ms, or `null`. */
  readonly firstResponseAt: number | null;
  /** The final resolution, epoch ms, or `null` while unresolved. */
  readonly resolvedAt: number | null;
  /** The first resolution, epoch ms, or `null` (never resolved, or unknown). */
  readonly firstResolvedAt: number | null;
  /** The priority as the help desk names it, e.g. `"urgent"`, `"3 - Moderate"`. */
  readonly priority: string | null;
  /** The channel the ticket came in through, e.g. `"email"`. */
  readonly channel: string | null;
  /** The assigned agent's id or name. */
  readonly agentId: string | null;
  /** The assigned group or team's id or name. */
  readonly team: string | null;
  /** How many times the ticket was reopened, or `null` when the export does not say. */
  readonly reopenCount: number | null;
  /** Adapters never know this; always `null`. */
  readonly contactsToResolve: null;
  /** The statuses the ticket went through, oldest first (instants in epoch ms), or `null` without a history. */
  readonly statusHistory: readonly StatusChange[] | null;
}

/**
 * A satisfaction survey as an adapter returns it. `csat` is `null` when the
 * survey was offered but not answered (an unanswered survey is counted as
 * such by the survey tallies, and left out before calling `csat()`).
 *
 * @category Adapters
 */
export interface AdaptedSurveyResponse {
  /** The help desk's id of the rated ticket. */
  readonly ticketId: string;
  /** When the rating was given (epoch ms), or `null` when the export does not say. */
  readonly at: number | null;
  /** The agent assigned when the survey was rated. */
  readonly agentId: string | null;
  /** The group or team assigned when the survey was rated. */
  readonly team: string | null;
  /** The channel of the rated ticket. */
  readonly channel: string | null;
  /** The answer on the adapter's scale (Zendesk: `1` good, `0` bad), or `null` when unanswered. */
  readonly csat: number | null;
}

/**
 * One input record an adapter could not map, and why. Nothing is dropped
 * silently: every input record is in `tickets` (or `surveyResponses`) or here.
 *
 * @category Adapters
 */
export interface SetAsideRecord {
  /** Which input the record came from, e.g. `"tickets"`, `"satisfactionRatings"`, `"rows"`. */
  readonly source: string;
  /** The record's index in that input (for ServiceNow, the incident's first row). */
  readonly index: number;
  /** The record's id when it could be read, else `null`. */
  readonly id: string | null;
  /** The stable code of the problem, as a {@link MetricInputError} would carry it. */
  readonly code: MetricErrorCode;
  /** The path to the bad value, e.g. `"tickets[3].created_at"`. */
  readonly path: string;
  /** A readable explanation. */
  readonly message: string;
  /** ServiceNow only: the indexes of every row of the incident. */
  readonly rows?: readonly number[];
}

/**
 * Something an adapter repaired or read in a way worth knowing, with the
 * record it concerns (e.g. a tie in history order broken by the update time).
 *
 * @category Adapters
 */
export interface AdapterWarning {
  /** Which input the record came from. */
  readonly source: string;
  /** The record's index in that input. */
  readonly index: number;
  /** The record's id, if known. */
  readonly id: string | null;
  /** A stable code, e.g. `"order_tie"`, `"minute_precision"`, `"unknown_ticket"`. */
  readonly code: string;
  /** What was done and why. */
  readonly message: string;
}

/**
 * What every adapter returns.
 *
 * @category Adapters
 */
export interface AdapterResult {
  /** The records that could be mapped, in input order. */
  readonly tickets: AdaptedTicket[];
  /** The records that could not, with the reason. */
  readonly setAside: SetAsideRecord[];
  /** What was repaired or read with a caveat. */
  readonly warnings: AdapterWarning[];
}

/** Internal: a result under construction. */
export interface Collector {
  readonly fn: string;
  readonly tickets: AdaptedTicket[];
  readonly setAside: SetAsideRecord[];
  readonly warnings: AdapterWarning[];
  warn(source: string, index: number, id: string | null, code: string, message: string): void;
}

/** Internal: an empty result for public adapter `fn`. */
export function collector(fn: string): Collector {
  const warnings: AdapterWarning[] = [];
  return {
    fn,
    tickets: [],
    setAside: [],
    warnings,
    warn(source, index, id, code, message) {
      warnings.push({ source, index, id, code, message });
    },
  };
}

/**
 * Internal: runs `map` on each record of `list`; a {@link MetricInputError}
 * sets the record aside with its code, path and message. Other errors are bugs
 * and propagate.
 */
export function eachRecord(
  c: Collector,
  source: string,
  list: ArrayLike<unknown>,
  idOfRecord: (value: unknown) => string | null,
  map: (value: unknown, index: number, path: string) => void,
): void {
  for (let i = 0; i < list.length; i++) {
    const value = list[i];
    try {
      map(value, i, `${source}[${i}]`);
    } catch (error) {
      if (!(error instanceof MetricInputError)) throw error;
      c.setAside.push(aside(source, i, idOfRecord(value), error));
    }
  }
}

/** Internal: a set-aside entry from an error. */
export function aside(source: string, index: number, id: string | null, error: MetricInputError): SetAsideRecord {
  return { source, index, id, code: error.code, path: error.path, message: error.message };
}

/** Internal: the input object of an adapter, checked for unknown keys (`invalid_option`, the nearest key suggested). */
export function inputObject(fn: string, value: unknown, keys: readonly string[]): Record<string, unknown> {
  return shaped(fn, "input", value, fieldsOf(keys, "required")) as Record<string, unknown>;
}

/** Internal: `invalid_option` for a key of `o` not in `keys`, through the library's one options reader. */
export function knownKeys(fn: string, path: string, o: Record<string, unknown>, keys: readonly string[]): void {
  readOptions(fn, path, o, fieldsOf(keys, "optional"));
}

/** The field table of `keys`, each of `kind`. */
function fieldsOf(keys: readonly string[], kind: "required" | "optional"): Fields<Record<string, unknown>> {
  const fields: Record<string, "required" | "optional"> = {};
  for (const key of keys) fields[key] = kind;
  return fields as Fields<Record<string, unknown>>;
}

/** Internal: an optional array input (`undefined` or `null` → `undefined`). */
export function optionalList(fn: string, o: Record<string, unknown>, key: string): ArrayLike<unknown> | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  return arrayLike(fn, `input.${key}`, v, { expected: `an array of ${key}` });
}

/** Internal: a required array input. */
export function requiredList(fn: string, o: Record<string, unknown>, key: string): ArrayLike<unknown> {
  const v = o[key];
  if (v === undefined || v === null) throw inputError("missing_value", fn, `input.${key}`, `an array of ${key}`, v);
  return arrayLike(fn, `input.${key}`, v, { expected: `an array of ${key}` });
}

/** Internal: a record that must be an object. */
export function recordAt(fn: string, path: string, value: unknown, what: string): Record<string, unknown> {
  return record(fn, path, value, { expected: what });
}

/** Internal: a record's `id` as a string (numbers and non-empty strings), else `null`. */
export function idString(value: unknown, key = "id"): string | null {
  if (value === null || typeof value !== "object") return null;
  const id = (value as Record<string, unknown>)[key];
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  if (typeof id === "string" && id !== "") return id;
  return null;
}

/** Internal: a required id (number or non-empty string) at `path`. */
export function requiredId(fn: string, path: string, value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value !== "") return value;
  throw fieldError(fn, path, "an id", value);
}

/** Internal: an optional id or name (`null` when absent or `null`). */
export function optionalName(fn: string, path: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string") return value;
  throw inputError("invalid_type", fn, path, "an id or name (a string or number)", value);
}

/** Internal: a required ISO 8601 instant with a zone (e.g. `"2024-05-01T09:00:00Z"`) as epoch ms. */
export function requiredIso(fn: string, path: string, value: unknown): number {
  if (value === undefined || value === null) throw inputError("missing_value", fn, path, "an instant", value);
  return toEpochMs(fn, path, value);
}

/** Internal: an optional ISO 8601 instant (`null` when absent). */
export function optionalIso(fn: string, path: string, value: unknown): number | null {
  return value === undefined || value === null ? null : toEpochMs(fn, path, value);
}

/** Internal: an optional Unix time in seconds (Intercom) as epoch ms (`null` when absent). */
export function optionalUnixSeconds(fn: string, path: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > 8.64e12) {
    throw inputError("invalid_instant", fn, path, "a Unix time in seconds", value);
  }
  return value * 1000;
}

/** Internal: an optional count (an integer ≥ 0), `null` when absent. */
export function optionalCountField(fn: string, path: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (Number.isSafeInteger(value) && (value as number) >= 0) return value as number;
  throw inputError(
    typeof value === "number" ? "out_of_range" : "invalid_type",
    fn,
    path,
    "a count (an integer ≥ 0)",
    value,
  );
}

/** Internal: `inconsistent_instants` when `at` is before `createdAt`. */
export function notBefore(fn: string, path: string, at: number | null, createdAt: number, received: unknown): void {
  if (at !== null && at < createdAt) {
    throw inputError("inconsistent_instants", fn, path, "an instant at or after the creation time", received);
  }
}

/** Internal: pushes a ticket with every field present. */
export function ticket(fields: Omit<AdaptedTicket, "contactsToResolve">): AdaptedTicket {
  return { ...fields, contactsToResolve: null };
}

/** Internal: `missing_value` when `value` is absent or `null`, else `code` (a wrong type or value) at `path`. */
export function fieldError(
  fn: string,
  path: string,
  expected: string,
  value: unknown,
  code: "invalid_type" | "invalid_value" = "invalid_type",
): MetricInputError {
  return inputError(value === undefined || value === null ? "missing_value" : code, fn, path, expected, value);
}
