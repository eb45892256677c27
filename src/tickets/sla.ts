import {
  DURATION,
  type Fields,
  numberOption,
  oneOf,
  percentOf,
  readFields,
  readOptions,
  type Unchecked,
} from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import type { Instant } from "../time/instant.js";
import { activeSpans, historyOf } from "./status-history.js";
import {
  calendarOption,
  createdAtOf,
  eventMs,
  readAsOf,
  type StatusSet,
  statusesOption,
  type Ticket,
  type TicketCalendar,
  ticketAt,
  ticketList,
} from "./ticket.js";

/**
 * SLA targets: the longest allowed first-response and resolution times.
 *
 * @category Tickets
 */
export interface SlaTargets {
  /** Longest allowed time from `createdAt` to the first response, in ms. */
  readonly firstResponseMs?: number;
  /** Longest allowed time from `createdAt` to the final resolution (`resolvedAt`), in ms. */
  readonly resolutionMs?: number;
}

/**
 * An SLA policy: overall targets, targets per priority, and how time is counted.
 *
 * @category Tickets
 */
export interface SlaPolicy extends SlaTargets {
  /**
   * Targets per ticket `priority`, matched without regard to case (as statuses
   * are), so two keys that differ only by case are refused. A field absent here
   * falls back to the overall target of the same name.
   * @defaultValue `{}`
   */
  readonly byPriority?: Readonly<Record<string, SlaTargets>>;
  /**
   * Measure in the open time of this business calendar (Zendesk's "business hours" targets).
   * @defaultValue `undefined` (calendar hours)
   */
  readonly calendar?: TicketCalendar;
  /**
   * Statuses during which the SLA clock is paused (case-insensitive), read from `statusHistory`.
   * @defaultValue `[]`
   */
  readonly pauseStatuses?: readonly string[];
}

/**
 * Options of {@link slaCounts} and {@link slaCompliance}.
 *
 * @category Tickets
 */
export interface SlaOptions {
  /**
   * The instant of evaluation: required when a ticket is still open (its clock
   * runs until `asOf`); events after it have not happened yet.
   * @defaultValue `undefined` (every ticket must have its end events)
   */
  readonly asOf?: Instant | undefined;
  /**
   * `"ticket"`: a ticket is achieved only if all its targets are (the usual
   * "interactions where the team met the SLAs"); `"target"`: each
   * target counts on its own, as in Zendesk's SLA reports.
   * @defaultValue `"ticket"`
   */
  readonly per?: "ticket" | "target" | undefined;
}

/**
 * The tally of SLA outcomes: merge tallies of shards with `mergeCounts`.
 *
 * @category Tickets
 */
export interface SlaCounts {
  /** Met: measured duration ≤ target. */
  readonly achieved: number;
  /** Missed: measured duration > target, or still open at `asOf` and already past the target. */
  readonly breached: number;
  /** Still open at `asOf` and within target: not yet decided, left out of compliance. */
  readonly pending: number;
}

/**
 * Counts tickets (or targets) that achieved, breached, or are still pending
 * their SLA targets.
 *
 * A target is **achieved** when the measured duration is at most the target
 * (exactly at the deadline counts as met), **breached** when it is longer or
 * when the ticket is still open at `asOf` and already past the target, and
 * **pending** when still open and within target. These are Zendesk's SLA target
 * statuses ("Viewing and understanding SLA targets"): a closed target is achieved,
 * any breached one (closed, active or paused) is breached, an active or paused one
 * not yet breached is pending. The first-response clock stops at
 * `firstResponseAt`, or at `resolvedAt` for a ticket resolved without a
 * recorded response (the customer's wait ended); the resolution clock stops at
 * `resolvedAt`. Time is calendar time, or open business time with
 * `policy.calendar`, less the time in `policy.pauseStatuses` (from
 * `statusHistory`). Each ticket's targets are `policy.byPriority[priority]`,
 * field by field falling back to the overall targets. With `per: "ticket"` a
 * ticket is breached if any target is, pending if none is breached but one is
 * pending, else achieved. A ticket created after `asOf` is pending.
 *
 * @param tickets - The tickets.
 * @param policy - The targets (`firstResponseMs`, `resolutionMs`, `byPriority`), `calendar` and `pauseStatuses`.
 * @param options - `asOf` and `per`.
 * @returns Counts of tickets (or targets with `per: "target"`): `{ achieved, breached, pending }`.
 * @throws {MetricInputError} `missing_value` for an open ticket without `asOf` (path `options.asOf`) or a ticket with no target (path `tickets[i].priority`); `inconsistent_instants` for an event before `createdAt` (path `tickets[i].resolvedAt`); `invalid_instant` / `invalid_type` for an unreadable field; `invalid_option` for a policy without targets, a target that is not a duration ≥ 0, two `byPriority` keys that differ only by case, or an unknown key in the policy, a target or the options (path `policy.pauseStatus`, with the nearest known key suggested).
 *
 * @example
 * ```ts
 * import { slaCounts } from "support-metrics";
 * const hour = 3_600_000;
 * const policy = { resolutionMs: 8 * hour };
 * const tickets = [
 *   { createdAt: 0, resolvedAt: 8 * hour }, // exactly at the target: achieved
 *   { createdAt: 0, resolvedAt: 9 * hour }, // late: breached
 *   { createdAt: 0 }, // open 10 h at asOf: breached
 *   { createdAt: 6 * hour }, // open 4 h at asOf: pending
 * ];
 * slaCounts(tickets, policy, { asOf: 10 * hour }); // => { achieved: 1, breached: 2, pending: 1 }
 * slaCounts(tickets, policy); // throws missing_value
 * ```
 * @see {@link slaCompliance}, {@link slaComplianceFromCounts}
 * @category Tickets
 */
export function slaCounts(tickets: readonly Ticket[], policy: SlaPolicy, options?: SlaOptions): SlaCounts {
  const fn = "slaCounts";
  return tally(fn, tickets, policy, options);
}

/**
 * SLA compliance: the share of decided SLA outcomes that met their targets.
 *
 * achieved / (achieved + breached) × 100, from {@link slaCounts}. Pending
 * tickets (open and within target at `asOf`) are not decided yet and are left
 * out of both numerator and denominator; an open ticket already past its target
 * is breached. Exactly at the deadline counts as met. No decided ticket gives `null`.
 *
 * @param tickets - The tickets.
 * @param policy - The targets, `calendar` and `pauseStatuses` (see {@link SlaPolicy}).
 * @param options - `asOf` and `per`.
 * @returns A percentage, 0–100; `null` when no outcome is decided.
 * @throws {MetricInputError} As {@link slaCounts}.
 *
 * @example
 * ```ts
 * import { slaCompliance } from "support-metrics";
 * const hour = 3_600_000;
 * const asOf = 100 * hour;
 * // 7 achieved, 2 resolved late, 1 open and past target, 3 open within target.
 * const tickets = [
 *   ...Array.from({ length: 7 }, () => ({ createdAt: 0, resolvedAt: 4 * hour })),
 *   ...Array.from({ length: 2 }, () => ({ createdAt: 0, resolvedAt: 30 * hour })),
 *   { createdAt: 0 },
 *   ...Array.from({ length: 3 }, () => ({ createdAt: 90 * hour })),
 * ];
 * slaCompliance(tickets, { resolutionMs: 24 * hour }, { asOf }); // => 70
 * slaCompliance([{ createdAt: 0 }], { resolutionMs: hour }, { asOf: 0 }); // => null
 * slaCompliance(tickets, { resolutionMs: -1 }, { asOf }); // throws invalid_option
 * ```
 * @see {@link slaCounts}, {@link slaComplianceFromCounts}
 * @category Tickets
 */
export function slaCompliance(tickets: readonly Ticket[], policy: SlaPolicy, options?: SlaOptions): number | null {
  return fromCounts(tally("slaCompliance", tickets, policy, options));
}

/**
 * SLA compliance from a tally of outcomes.
 *
 * achieved / (achieved + breached) × 100; `pending` is checked but not used.
 * Tallies from shards add with `mergeCounts` before finalizing. No decided
 * outcome gives `null`.
 *
 * @param counts - `{ achieved, breached, pending }`, counts (integers ≥ 0).
 * @returns A percentage, 0–100; `null` when achieved + breached is 0.
 * @throws {MetricInputError} `missing_value` for an absent field; `invalid_type`, `not_integer` or `out_of_range` for a field that is not a count.
 *
 * @example
 * ```ts
 * import { slaComplianceFromCounts } from "support-metrics";
 * slaComplianceFromCounts({ achieved: 7, breached: 3, pending: 3 }); // => 70
 * slaComplianceFromCounts({ achieved: 0, breached: 0, pending: 5 }); // => null
 * slaComplianceFromCounts({ achieved: 1.5, breached: 0, pending: 0 }); // throws not_integer
 * ```
 * @see {@link slaCounts}, {@link slaCompliance}
 * @category Tickets
 */
export function slaComplianceFromCounts(counts: SlaCounts): number | null {
  const fn = "slaComplianceFromCounts";
  return fromCounts(
    readFields(fn, "counts", counts, { fields: ["achieved", "breached", "pending"] satisfies (keyof SlaCounts)[] }),
  );
}

function fromCounts(c: SlaCounts): number | null {
  const decided = c.achieved + c.breached;
  return percentOf(c.achieved, decided);
}

/** Internal: targets of one priority in ms (`undefined`: no target). */
export interface Targets {
  readonly firstResponse: number | undefined;
  readonly resolution: number | undefined;
}

/** Internal: the states of one SLA target. */
export const ACHIEVED = 0;
export const BREACHED = 1;
export const PENDING = 2;
export const NO_TARGET = 3;

/** Internal: a checked SLA policy. */
export interface PolicySpec {
  readonly calendar: TicketCalendar | undefined;
  /** The paused statuses, `undefined` when none. */
  readonly paused: StatusSet | undefined;
  readonly overall: Targets;
  /** Targets keyed by the lower-cased priority, `undefined` when the policy has no `byPriority`. */
  readonly byPriority: Map<string, Targets> | undefined;
}

/**
 * Internal: the scratch space and results of {@link ticketSla}: per target
 * (first response, resolution) the target (`undefined`: none), the clock's end
 * (`undefined`: nothing to measure), the measured active time (meaningful only
 * when the end is defined) and the state; `created` is the ticket's creation.
 */
export interface SlaWork {
  readonly targets: [number | undefined, number | undefined];
  readonly ends: [number | undefined, number | undefined];
  readonly spans: Float64Array;
  readonly states: Int8Array;
  created: number;
  /** activeSpans' input, which reads `NaN` as "no interval". */
  readonly scratch: Float64Array;
}

/** Internal: a fresh {@link SlaWork}. */
export function slaWork(): SlaWork {
  return {
    targets: [undefined, undefined],
    ends: [undefined, undefined],
    spans: new Float64Array(2),
    states: new Int8Array(2),
    created: 0,
    scratch: new Float64Array(2),
  };
}

/**
 * Internal: measures the two SLA targets of ticket `i` (an object) into `work`:
 * the clocks stop at the response (or a resolution without one) and at the
 * resolution, or run until `asOf` (`undefined`: every clock must have stopped).
 */
export function ticketSla(
  fn: string,
  t: Record<string, unknown>,
  i: number,
  spec: PolicySpec,
  asOf: number | undefined,
  work: SlaWork,
): void {
  const created = createdAtOf(fn, t, i);
  const targets = targetsOf(fn, t, i, spec.overall, spec.byPriority);
  const response = eventMs(fn, t, { i, field: "firstResponseAt", created });
  const resolved = eventMs(fn, t, { i, field: "resolvedAt", created });
  // The events that stop each clock by asOf (undefined: the clock still runs).
  const resolvedByAsOf = happenedBy(resolved, asOf);
  // A resolution ends the wait for a reply.
  const responded = happenedBy(response, asOf) ?? resolvedByAsOf;
  const a = clockEnd(fn, targets.firstResponse, { stop: responded, created, asOf, i });
  const b = clockEnd(fn, targets.resolution, { stop: resolvedByAsOf, created, asOf, i });
  const { spans, scratch } = work;
  if (a !== undefined || b !== undefined) {
    scratch[0] = a ?? Number.NaN;
    scratch[1] = b ?? Number.NaN;
    const paused = spec.paused;
    activeSpans(
      fn,
      created,
      scratch,
      spec.calendar,
      paused === undefined ? undefined : historyOf(fn, t, i),
      paused,
      i,
      spans,
    );
  }
  // A clock with no end measured nothing (spans may hold another ticket's figures).
  const measuredA = a === undefined ? Number.NaN : (spans[0] as number);
  const measuredB = b === undefined ? Number.NaN : (spans[1] as number);
  work.states[0] = targetState(targets.firstResponse, measuredA, responded !== undefined);
  work.states[1] = targetState(targets.resolution, measuredB, resolvedByAsOf !== undefined);
  work.targets[0] = targets.firstResponse;
  work.targets[1] = targets.resolution;
  work.ends[0] = a;
  work.ends[1] = b;
  work.created = created;
}

/**
 * Internal: checks that `policy` is an options object of the keys of
 * {@link SlaPolicy} only (at `path`), before the options are read.
 */
export function policyShape(fn: string, policy: unknown, path: string): Unchecked<SlaPolicy> {
  return readOptions(fn, path, policy as SlaPolicy | undefined, POLICY_FIELDS);
}

/** Internal: reads and checks an SLA policy (path `policy`). */
export function readPolicy(fn: string, policy: unknown): PolicySpec {
  const p = policyShape(fn, policy, "policy");
  const calendar = calendarOption(fn, p.calendar, "policy.calendar");
  const pausedSet = statusesOption(fn, p.pauseStatuses, "policy.pauseStatuses", []);
  const paused: StatusSet | undefined = pausedSet.empty ? undefined : pausedSet;
  const overall = readTargets(fn, "policy", p, NO_TARGETS);
  const byPriority = readByPriority(fn, p.byPriority, overall);
  if (overall.firstResponse === undefined && overall.resolution === undefined && (byPriority?.size ?? 0) === 0) {
    throw inputError(
      "invalid_option",
      fn,
      "policy",
      "at least one target: firstResponseMs, resolutionMs or byPriority",
      policy,
    );
  }
  return { calendar, paused, overall, byPriority };
}

function tally(fn: string, tickets: unknown, policy: unknown, options: unknown): SlaCounts {
  const list = ticketList(fn, tickets);
  policyShape(fn, policy, "policy"); // the policy's type and keys are checked before the options
  const o = readOptions(fn, "options", options as SlaOptions | undefined, { asOf: "optional", per: "optional" });
  const per = oneOf(fn, "options.per", o.per, { allowed: ["ticket", "target"], fallback: "ticket" });
  const asOf = readAsOf(fn, o.asOf);
  const spec = readPolicy(fn, policy);
  const work = slaWork();
  let achieved = 0;
  let breached = 0;
  let pending = 0;
  for (let i = 0; i < list.length; i++) {
    ticketSla(fn, ticketAt(fn, list, i), i, spec, asOf, work);
    const stateA = work.states[0];
    const stateB = work.states[1];
    if (per === "target") {
      if (stateA === ACHIEVED) achieved++;
      else if (stateA === BREACHED) breached++;
      else if (stateA === PENDING) pending++;
      if (stateB === ACHIEVED) achieved++;
      else if (stateB === BREACHED) breached++;
      else if (stateB === PENDING) pending++;
    } else if (stateA === BREACHED || stateB === BREACHED) breached++;
    else if (stateA === PENDING || stateB === PENDING) pending++;
    else achieved++;
  }
  return { achieved, breached, pending };
}

/** `ms` if the event happened by `asOf` (any time without `asOf`), else `undefined`. */
function happenedBy(ms: number | undefined, asOf: number | undefined): number | undefined {
  return asOf !== undefined && ms !== undefined && ms > asOf ? undefined : ms;
}

/**
 * Internal: where a target's clock is read: at its stopping event, or at `asOf` while it
 * runs; `undefined` when there is nothing to measure (no target, or created at or after `asOf`).
 */
export function clockEnd(
  fn: string,
  target: number | undefined,
  at: {
    readonly stop: number | undefined;
    readonly created: number;
    readonly asOf: number | undefined;
    readonly i: number;
  },
): number | undefined {
  if (target === undefined) return undefined;
  if (at.stop !== undefined) return at.stop;
  if (at.asOf === undefined) {
    throw inputError("missing_value", fn, "options.asOf", `an instant (tickets[${at.i}] is still open)`, undefined);
  }
  return at.created >= at.asOf ? undefined : at.asOf;
}

/**
 * Internal: the state of one target from its measured time (`NaN`: nothing
 * measured, as for a ticket created at `asOf`) and whether its clock stopped
 * (else it still runs at `asOf`). Numbers, not `undefined`, so that a hot loop
 * passes no boxed value.
 */
export function targetState(target: number | undefined, measured: number, stopped: boolean): number {
  if (target === undefined) return NO_TARGET;
  if (stopped) return measured <= target ? ACHIEVED : BREACHED;
  return measured > target ? BREACHED : PENDING; // NaN (nothing measured) stays pending
}

/** The targets of `p` at `path`, each absent one taken from `fallback`. */
function readTargets(fn: string, path: string, p: Unchecked<SlaTargets>, fallback: Targets): Targets {
  const rule = { expected: DURATION };
  return {
    firstResponse: numberOption(fn, `${path}.firstResponseMs`, p.firstResponseMs, rule) ?? fallback.firstResponse,
    resolution: numberOption(fn, `${path}.resolutionMs`, p.resolutionMs, rule) ?? fallback.resolution,
  };
}

const NO_TARGETS: Targets = { firstResponse: undefined, resolution: undefined };

const POLICY_FIELDS: Fields<SlaPolicy> = {
  firstResponseMs: "optional",
  resolutionMs: "optional",
  byPriority: "optional",
  calendar: "optional",
  pauseStatuses: "optional",
};

/**
 * The targets per priority, keyed by the lower-cased priority (priorities
 * match regardless of case, as statuses do); two keys that differ only by case
 * are `invalid_option`.
 */
function readByPriority(fn: string, value: unknown, overall: Targets): Map<string, Targets> | undefined {
  if (value === undefined) return undefined;
  const out = new Map<string, Targets>();
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError("invalid_option", fn, "policy.byPriority", "an options object", value);
  }
  const by = value as Record<string, unknown>;
  // Code-unit order, so that which of two clashing keys is reported does not depend on how the policy was written.
  for (const key of Object.keys(by).sort()) {
    const path = `policy.byPriority.${key}`;
    const name = key.toLowerCase();
    if (out.has(name)) {
      throw inputError(
        "invalid_option",
        fn,
        path,
        `a priority that no other key matches without regard to case`,
        by[key],
      );
    }
    const targets = readOptions(fn, path, by[key] as SlaTargets | undefined, TARGET_FIELDS);
    out.set(name, readTargets(fn, path, targets, overall));
  }
  return out;
}

const TARGET_FIELDS: Fields<SlaTargets> = { firstResponseMs: "optional", resolutionMs: "optional" };

/** Internal: the targets of ticket `i` by its priority (matched without regard to case); none at all is `missing_value`. */
export function targetsOf(
  fn: string,
  t: Record<string, unknown>,
  i: number,
  overall: Targets,
  byPriority: Map<string, Targets> | undefined,
): Targets {
  let targets = overall;
  if (byPriority !== undefined) {
    const priority = t["priority"];
    if (typeof priority === "string") targets = byPriority.get(priority.toLowerCase()) ?? overall;
    else if (priority !== undefined && priority !== null) {
      throw inputError("invalid_type", fn, `tickets[${i}].priority`, "a priority (a string)", priority);
    }
  }
  if (targets.firstResponse === undefined && targets.resolution === undefined) {
    throw inputError(
      "missing_value",
      fn,
      `tickets[${i}].priority`,
      "a priority with a target in policy.byPriority (or an overall target)",
      t["priority"],
    );
  }
  return targets;
}
