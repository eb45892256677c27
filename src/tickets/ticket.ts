import { arrayLike, numberError } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { epochMsInto, epochMsOrNaN, type Instant, toEpochMs } from "../time/instant.js";

/**
 * One entry of a ticket's status history: the ticket had `status` from `at`
 * until the next entry's `at` (the last entry holds from its `at` on).
 *
 * @category Tickets
 */
export interface StatusChange {
  /** The status name as the help desk writes it, e.g. `"open"`, `"pending"`, `"Awaiting User Info"`. Compared without regard to case. */
  readonly status: string;
  /** When the ticket entered this status. */
  readonly at: Instant;
}

/**
 * A help-desk ticket. Only `createdAt` is required; an absent (or `null`)
 * instant means the event has not happened.
 *
 * @category Tickets
 */
export interface Ticket {
  /** When the customer opened the ticket. */
  readonly createdAt: Instant;
  /** The first reply from an agent, if any. */
  readonly firstResponseAt?: Instant | null | undefined;
  /** The final resolution (the last solve), if resolved. */
  readonly resolvedAt?: Instant | null | undefined;
  /** The first resolution, when the ticket was reopened afterwards; without it a ticket with `reopenCount: 0` was first resolved at `resolvedAt`. */
  readonly firstResolvedAt?: Instant | null | undefined;
  /** The priority, matched against `SlaPolicy.byPriority` keys without regard to case, e.g. `"urgent"`. */
  readonly priority?: string | null | undefined;
  /** The channel the ticket came in through, e.g. `"email"`. */
  readonly channel?: string | null | undefined;
  /** The agent who owns the ticket. */
  readonly agentId?: string | null | undefined;
  /** How many times the ticket was reopened after a resolution (an integer ≥ 0). */
  readonly reopenCount?: number | null | undefined;
  /** How many customer contacts it took to resolve the ticket (an integer ≥ 1); 1 is a first-contact resolution. */
  readonly contactsToResolve?: number | null | undefined;
  /** The statuses the ticket went through, in time order. */
  readonly statusHistory?: readonly StatusChange[] | null | undefined;
}

/**
 * What the ticket metrics need of a business calendar: the open time between
 * two instants. {@link businessCalendar} returns one; any object with this
 * method will do.
 *
 * @category Tickets
 */
export interface TicketCalendar {
  /** The open (business) time from `start` to `end`, in milliseconds. */
  elapsedMs(start: Instant, end: Instant): number;
}

/** Internal: the reading of a ticket list and its options shared by every ticket metric. */
export type TicketList = ArrayLike<unknown>;

/** Internal: reads the ticket array. */
export function ticketList(fn: string, tickets: unknown): TicketList {
  return arrayLike(fn, "tickets", tickets, { expected: "an array of tickets" });
}

/** Internal: reads ticket `i` as an object. */
export function ticketAt(fn: string, list: TicketList, i: number): Record<string, unknown> {
  const t = list[i];
  if (t === null || typeof t !== "object" || Array.isArray(t)) {
    throw inputError("invalid_type", fn, `tickets[${i}]`, "a ticket object", t);
  }
  return t as Record<string, unknown>;
}

/** Internal: the largest epoch ms a `Date` holds (±100 000 000 days). */
export const MAX_MS = 8.64e15;

/** Internal: reads `createdAt` of ticket `i` (required) as epoch ms. */
export function createdAtOf(fn: string, t: Record<string, unknown>, i: number): number {
  const v = t["createdAt"];
  if (typeof v === "number" && v >= -MAX_MS && v <= MAX_MS) return v;
  if (v === undefined || v === null) {
    throw inputError("missing_value", fn, `tickets[${i}].createdAt`, "an instant", v);
  }
  // The path is built only for a bad value: toEpochMs then throws with it.
  const ms = epochMsOrNaN(v);
  return Number.isNaN(ms) ? toEpochMs(fn, `tickets[${i}].createdAt`, v) : ms;
}

/**
 * Internal: a ticket's instant value `v` as epoch ms into `out[k]`, the number
 * {@link createdAtOf} and {@link eventMs} read from it, or `NaN` when it is
 * absent or unreadable (the caller then calls them for the error). Written into
 * a slot, not returned: no boxed number per ticket in a hot loop.
 */
export function instantInto(v: unknown, out: Float64Array, k: number): void {
  if (typeof v === "number" && v >= -MAX_MS && v <= MAX_MS) out[k] = v;
  else if (v === undefined || v === null) out[k] = Number.NaN;
  else epochMsInto(v, out, k);
}

/**
 * Internal: reads an optional instant field of ticket `i` as epoch ms, `NaN`
 * when absent or `null` (see {@link eventMs} for the same with `undefined`).
 */
export function eventAt(fn: string, t: Record<string, unknown>, i: number, field: string, created: number): number {
  return eventMs(fn, t, { i, field, created }) ?? Number.NaN;
}

/**
 * Internal: reads the optional instant `field` of ticket `i` as epoch ms,
 * `undefined` when absent or `null`. An instant before `created` is `inconsistent_instants`.
 */
export function eventMs(
  fn: string,
  t: Record<string, unknown>,
  at: { readonly i: number; readonly field: string; readonly created: number },
): number | undefined {
  const { i, field, created } = at;
  const v = t[field];
  let ms: number;
  if (typeof v === "number" && v >= -MAX_MS && v <= MAX_MS) ms = v;
  else if (v === undefined || v === null) return undefined;
  else {
    // The path is built only for a bad value: toEpochMs then throws with it.
    ms = epochMsOrNaN(v);
    if (Number.isNaN(ms)) ms = toEpochMs(fn, `tickets[${i}].${field}`, v);
  }
  if (ms < created) {
    throw inputError("inconsistent_instants", fn, `tickets[${i}].${field}`, "an instant at or after createdAt", v);
  }
  return ms;
}

/** Internal: reads an optional count field (`NaN` when absent or `null`). */
export function optionalCount(
  fn: string,
  t: Record<string, unknown>,
  i: number,
  field: string,
  min: number,
  expected: string,
): number {
  const v = t[field];
  if (v === undefined || v === null) return Number.NaN;
  if (Number.isSafeInteger(v) && (v as number) >= min) return v as number;
  throw numberError(fn, `tickets[${i}].${field}`, v, { expected, integer: true });
}

/** Internal: the `asOf` option as epoch ms; `NaN` when absent, unless `required` (then `missing_value`). */
export function asOfOption(fn: string, o: Record<string, unknown>, required: boolean): number {
  const v = o["asOf"];
  if (v === undefined && required) throw inputError("missing_value", fn, "options.asOf", "an instant", v);
  return readAsOf(fn, v) ?? Number.NaN;
}

/** Internal: the optional `asOf` option `value` as epoch ms, `undefined` when absent. */
export function readAsOf(fn: string, value: unknown): number | undefined {
  return value === undefined ? undefined : toEpochMs(fn, "options.asOf", value);
}

/** Internal: the `calendar` option, checked to have `elapsedMs`. */
export function calendarOption(fn: string, value: unknown, path: string): TicketCalendar | undefined {
  if (value === undefined) return undefined;
  if (
    value === null ||
    typeof value !== "object" ||
    typeof (value as { elapsedMs?: unknown }).elapsedMs !== "function"
  ) {
    throw inputError("invalid_option", fn, path, "a calendar with elapsedMs, e.g. businessCalendar()", value);
  }
  return value as TicketCalendar;
}

/** Internal: a set of status names matched without regard to case. */
export class StatusSet {
  private readonly names: Set<string>;
  private readonly cache = new Map<string, boolean>();
  constructor(names: readonly string[]) {
    this.names = new Set(names.map((n) => n.toLowerCase()));
  }
  /** Whether the set is empty. */
  get empty(): boolean {
    return this.names.size === 0;
  }
  has(status: string): boolean {
    let hit = this.cache.get(status);
    if (hit === undefined) {
      hit = this.names.has(status.toLowerCase());
      this.cache.set(status, hit);
    }
    return hit;
  }
}

/** Internal: an option holding a list of status names (`undefined` gives `fallback`). */
export function statusesOption(fn: string, value: unknown, path: string, fallback: readonly string[]): StatusSet {
  if (value === undefined) return new StatusSet(fallback);
  if (!Array.isArray(value)) throw inputError("invalid_option", fn, path, "an array of status names", value);
  const list: readonly unknown[] = value;
  const names: string[] = [];
  for (let j = 0; j < list.length; j++) {
    const s = list[j];
    if (typeof s !== "string") throw inputError("invalid_option", fn, `${path}[${j}]`, "a status name (a string)", s);
    names.push(s);
  }
  return new StatusSet(names);
}
