import { atMost, COUNT, percentOf, readFields } from "../internal/assert.js";
import { createdAtOf, eventAt, optionalCount, type Ticket, type TicketList, ticketAt, ticketList } from "./ticket.js";

/**
 * A cohort for {@link resolutionRate}: tickets created in a period and how many of them are resolved.
 *
 * @category Tickets
 */
export interface ResolutionCohort {
  /** Tickets created in the period (a count). */
  readonly created: number;
  /** How many of those tickets are resolved (a count ≤ `created`). */
  readonly resolved: number;
}

/**
 * The tally of {@link firstContactResolutionRate}: merge shards with `mergeCounts`.
 *
 * @category Tickets
 */
export interface FirstContactResolutionCounts {
  /** Resolved tickets with `contactsToResolve === 1`. */
  readonly firstContact: number;
  /** Resolved tickets with a recorded `contactsToResolve` (the denominator). */
  readonly resolved: number;
  /** Resolved tickets without `contactsToResolve`: left out, counted here. */
  readonly unrecorded: number;
}

/**
 * The tally of {@link reopenRate}: merge shards with `mergeCounts`.
 *
 * @category Tickets
 */
export interface ReopenCounts {
  /** Resolved tickets with `reopenCount > 0`. */
  readonly reopened: number;
  /** Resolved tickets with a recorded `reopenCount` (the denominator). */
  readonly resolved: number;
  /** Resolved tickets without `reopenCount`: left out, counted here. */
  readonly unrecorded: number;
}

/**
 * Resolution rate of a cohort: the share of the tickets created in a period that are resolved.
 *
 * resolved / created × 100, where `resolved` counts only tickets of the same
 * cohort (resolving last month's tickets this month does not count, so the rate
 * never exceeds 100). No ticket created gives `null`.
 *
 * @param cohort - `{ created, resolved }`, counts.
 * @returns A percentage, 0–100; `null` when `created` is 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type`, `not_integer` or `out_of_range` for a field that is not a count; `inconsistent_counts` when `resolved > created`.
 *
 * @example
 * ```ts
 * import { resolutionRate } from "support-metrics";
 * resolutionRate({ created: 200, resolved: 170 }); // => 85
 * resolutionRate({ created: 0, resolved: 0 }); // => null
 * resolutionRate({ created: 10, resolved: 12 }); // throws inconsistent_counts
 * ```
 * @see {@link firstContactResolutionRate}, {@link reopenRate}
 * @category Tickets
 */
export function resolutionRate(cohort: ResolutionCohort): number | null {
  const fn = "resolutionRate";
  const c = readFields(fn, "cohort", cohort, { fields: ["created", "resolved"] satisfies (keyof ResolutionCohort)[] });
  atMost(fn, "cohort.resolved", c.resolved, { limit: c.created, what: "created" });
  return percentOf(c.resolved, c.created);
}

/**
 * Tallies resolved tickets by whether they were resolved on the first contact.
 *
 * A ticket is resolved when it has `resolvedAt`; it is a first-contact resolution
 * when `contactsToResolve === 1`. Resolved tickets without `contactsToResolve`
 * are not guessed either way: they are counted in `unrecorded`.
 *
 * @param tickets - The tickets.
 * @returns `{ firstContact, resolved, unrecorded }`, counts of tickets.
 * @throws {MetricInputError} `invalid_type`, `not_integer`, `out_of_range` for a `contactsToResolve` that is not an integer ≥ 1; `inconsistent_instants` for `resolvedAt` before `createdAt`; `missing_value` without `createdAt`.
 *
 * @example
 * ```ts
 * import { firstContactResolutionCounts } from "support-metrics";
 * firstContactResolutionCounts([
 *   { createdAt: 0, resolvedAt: 5, contactsToResolve: 1 },
 *   { createdAt: 0, resolvedAt: 9, contactsToResolve: 3 },
 *   { createdAt: 0, resolvedAt: 9 },
 *   { createdAt: 0, contactsToResolve: 1 },
 * ]); // => { firstContact: 1, resolved: 2, unrecorded: 1 }
 * firstContactResolutionCounts([{ createdAt: 0, resolvedAt: 1, contactsToResolve: 0 }]); // throws out_of_range
 * ```
 * @see {@link firstContactResolutionRate}, {@link firstContactResolutionRateFromCounts}
 * @category Tickets
 */
export function firstContactResolutionCounts(tickets: readonly Ticket[]): FirstContactResolutionCounts {
  const fn = "firstContactResolutionCounts";
  return fcrTally(fn, ticketList(fn, tickets));
}

/**
 * First-contact resolution rate (FCR): the share of resolved tickets resolved
 * in a single contact.
 *
 * Resolved tickets with `contactsToResolve === 1` / resolved tickets × 100
 * (the usual help-desk definition, e.g. Freshdesk's and Zendesk's one-touch
 * resolution, with contacts counted by the caller). Resolved tickets whose
 * `contactsToResolve` is not recorded are left out of both counts and reported
 * by {@link firstContactResolutionCounts}, never counted as failures. No
 * resolved ticket gives `null`.
 *
 * @param tickets - The tickets.
 * @returns A percentage, 0–100; `null` when no resolved ticket records its contacts.
 * @throws {MetricInputError} As {@link firstContactResolutionCounts}.
 *
 * @example
 * ```ts
 * import { firstContactResolutionRate } from "support-metrics";
 * const tickets = [1, 1, 1, 2, 4].map((contacts) => ({ createdAt: 0, resolvedAt: 1, contactsToResolve: contacts }));
 * firstContactResolutionRate(tickets); // => 60
 * firstContactResolutionRate([{ createdAt: 0 }]); // => null
 * firstContactResolutionRate([{ createdAt: 0, resolvedAt: 1, contactsToResolve: "1" as unknown as number }]); // throws invalid_type
 * ```
 * @see {@link firstContactResolutionCounts}, {@link reopenRate}
 * @category Tickets
 */
export function firstContactResolutionRate(tickets: readonly Ticket[]): number | null {
  const fn = "firstContactResolutionRate";
  const c = fcrTally(fn, ticketList(fn, tickets));
  return percentOf(c.firstContact, c.resolved);
}

/**
 * First-contact resolution rate from a tally.
 *
 * firstContact / resolved × 100; `unrecorded` is checked but not used.
 *
 * @param counts - `{ firstContact, resolved, unrecorded }`, counts.
 * @returns A percentage, 0–100; `null` when `resolved` is 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type`, `not_integer` or `out_of_range` for a field that is not a count; `inconsistent_counts` when `firstContact > resolved`.
 *
 * @example
 * ```ts
 * import { firstContactResolutionRateFromCounts } from "support-metrics";
 * firstContactResolutionRateFromCounts({ firstContact: 72, resolved: 90, unrecorded: 4 }); // => 80
 * firstContactResolutionRateFromCounts({ firstContact: 0, resolved: 0, unrecorded: 3 }); // => null
 * firstContactResolutionRateFromCounts({ firstContact: 5, resolved: 4, unrecorded: 0 }); // throws inconsistent_counts
 * ```
 * @see {@link firstContactResolutionCounts}, {@link firstContactResolutionRate}
 * @category Tickets
 */
export function firstContactResolutionRateFromCounts(counts: FirstContactResolutionCounts): number | null {
  const fn = "firstContactResolutionRateFromCounts";
  return shareOf(fn, counts, "firstContact");
}

/**
 * Tallies resolved tickets by whether they were ever reopened.
 *
 * A ticket is resolved when it has `resolvedAt`; it was reopened when
 * `reopenCount > 0`. Resolved tickets without `reopenCount` are counted in
 * `unrecorded`, never guessed.
 *
 * @param tickets - The tickets.
 * @returns `{ reopened, resolved, unrecorded }`, counts of tickets.
 * @throws {MetricInputError} `invalid_type`, `not_integer`, `out_of_range` for a `reopenCount` that is not an integer ≥ 0; `inconsistent_instants` for `resolvedAt` before `createdAt`; `missing_value` without `createdAt`.
 *
 * @example
 * ```ts
 * import { reopenCounts } from "support-metrics";
 * reopenCounts([
 *   { createdAt: 0, resolvedAt: 5, reopenCount: 0 },
 *   { createdAt: 0, resolvedAt: 9, reopenCount: 2 },
 *   { createdAt: 0, resolvedAt: 9 },
 * ]); // => { reopened: 1, resolved: 2, unrecorded: 1 }
 * reopenCounts([{ createdAt: 0, resolvedAt: 1, reopenCount: -1 }]); // throws out_of_range
 * ```
 * @see {@link reopenRate}, {@link reopenRateFromCounts}
 * @category Tickets
 */
export function reopenCounts(tickets: readonly Ticket[]): ReopenCounts {
  const fn = "reopenCounts";
  return reopenTally(fn, ticketList(fn, tickets));
}

/**
 * Reopen rate: the share of resolved tickets that were reopened at least once.
 *
 * Resolved tickets with `reopenCount > 0` / resolved tickets × 100 (Zendesk's
 * reopens metric counted per ticket, not per reopen). Resolved tickets without
 * `reopenCount` are left out and reported by {@link reopenCounts}. No resolved
 * ticket gives `null`.
 *
 * @param tickets - The tickets.
 * @returns A percentage, 0–100; `null` when no resolved ticket records its reopens.
 * @throws {MetricInputError} As {@link reopenCounts}.
 *
 * @example
 * ```ts
 * import { reopenRate } from "support-metrics";
 * const tickets = [0, 0, 0, 1, 3].map((reopens) => ({ createdAt: 0, resolvedAt: 1, reopenCount: reopens }));
 * reopenRate(tickets); // => 40
 * reopenRate([]); // => null
 * reopenRate([{ createdAt: 0, resolvedAt: 1, reopenCount: 0.5 }]); // throws not_integer
 * ```
 * @see {@link reopenCounts}, {@link firstContactResolutionRate}
 * @category Tickets
 */
export function reopenRate(tickets: readonly Ticket[]): number | null {
  const fn = "reopenRate";
  const c = reopenTally(fn, ticketList(fn, tickets));
  return percentOf(c.reopened, c.resolved);
}

/**
 * Reopen rate from a tally.
 *
 * reopened / resolved × 100; `unrecorded` is checked but not used.
 *
 * @param counts - `{ reopened, resolved, unrecorded }`, counts.
 * @returns A percentage, 0–100; `null` when `resolved` is 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type`, `not_integer` or `out_of_range` for a field that is not a count; `inconsistent_counts` when `reopened > resolved`.
 *
 * @example
 * ```ts
 * import { reopenRateFromCounts } from "support-metrics";
 * reopenRateFromCounts({ reopened: 6, resolved: 80, unrecorded: 0 }); // => 7.5
 * reopenRateFromCounts({ reopened: 0, resolved: 0, unrecorded: 0 }); // => null
 * reopenRateFromCounts({ reopened: 3, resolved: 2, unrecorded: 0 }); // throws inconsistent_counts
 * ```
 * @see {@link reopenCounts}, {@link reopenRate}
 * @category Tickets
 */
export function reopenRateFromCounts(counts: ReopenCounts): number | null {
  const fn = "reopenRateFromCounts";
  return shareOf(fn, counts, "reopened");
}

/** `counts[part]` / `counts.resolved` × 100 from a tally `{ [part], resolved, unrecorded }`. */
function shareOf<P extends string>(fn: string, counts: unknown, part: P): number | null {
  const c = readFields(fn, "counts", counts, { fields: [part, "resolved", "unrecorded"] });
  const numerator = c[part];
  atMost(fn, `counts.${part}`, numerator, { limit: c.resolved, what: "resolved" });
  return percentOf(numerator, c.resolved);
}

function fcrTally(fn: string, list: TicketList): FirstContactResolutionCounts {
  const c = tallyResolved(fn, list, "contactsToResolve", 1, "an integer ≥ 1", (n) => n === 1);
  return { firstContact: c.hits, resolved: c.resolved, unrecorded: c.unrecorded };
}

function reopenTally(fn: string, list: TicketList): ReopenCounts {
  const c = tallyResolved(fn, list, "reopenCount", 0, COUNT, (n) => n > 0);
  return { reopened: c.hits, resolved: c.resolved, unrecorded: c.unrecorded };
}

/** Counts resolved tickets by a count field: `hits` where `hit(value)`, `unrecorded` where the field is absent. */
function tallyResolved(
  fn: string,
  list: TicketList,
  field: string,
  min: number,
  expected: string,
  hit: (value: number) => boolean,
): { hits: number; resolved: number; unrecorded: number } {
  let hits = 0;
  let resolved = 0;
  let unrecorded = 0;
  for (let i = 0; i < list.length; i++) {
    const t = ticketAt(fn, list, i);
    const value = optionalCount(fn, t, i, field, min, expected);
    if (Number.isNaN(eventAt(fn, t, i, "resolvedAt", createdAtOf(fn, t, i)))) continue;
    if (Number.isNaN(value)) unrecorded++;
    else {
      resolved++;
      if (hit(value)) hits++;
    }
  }
  return { hits, resolved, unrecorded };
}
