import { readOptions } from "../internal/assert.js";
import {
  ACHIEVED,
  BREACHED,
  PENDING,
  type PolicySpec,
  policyShape,
  readPolicy,
  type SlaPolicy,
  slaWork,
  ticketSla,
} from "../tickets/sla.js";
import { historyOf, statusOf } from "../tickets/status-history.js";
import { readAsOf, type Ticket, type TicketCalendar, ticketAt, ticketList } from "../tickets/ticket.js";
import { type Instant, toEpochMs } from "../time/instant.js";

/**
 * Options of {@link slaDetails}.
 *
 * @category Reports
 */
export interface SlaDetailsOptions {
  /**
   * The instant of evaluation: required when a ticket is still open (its clock runs until `asOf`).
   * @defaultValue `undefined` (every ticket must have its end events)
   */
  readonly asOf?: Instant;
}

/**
 * The state of one SLA target of one ticket.
 *
 * @category Reports
 */
export interface SlaTargetDetail {
  /** `"achieved"`, `"breached"` or `"pending"`, as {@link slaCounts} with `per: "target"`. */
  readonly state: "achieved" | "breached" | "pending";
  /** The target, in ms of (business, unpaused) time. */
  readonly targetMs: number;
  /** The instant (epoch ms) the target is reached: `targetMs` of open, unpaused time after `createdAt`; `null` when the clock is paused for good before it (the last status is a paused one), or the calendar has no `addMs`. */
  readonly deadline: number | null;
  /** The measured time in ms: to the stopping event, or to `asOf` while the clock runs (0 for a ticket created at or after `asOf`). */
  readonly elapsedMs: number;
}

/**
 * One ticket's SLA in {@link slaDetails}.
 *
 * @category Reports
 */
export interface SlaTicketDetail {
  /** The ticket's index in the input. */
  readonly index: number;
  /** The ticket's state, as {@link slaCounts} with `per: "ticket"`: breached if any target is, else pending if any is, else achieved. */
  readonly state: "achieved" | "breached" | "pending";
  /** The first-response target, or `null` when the ticket has none. */
  readonly firstResponse: SlaTargetDetail | null;
  /** The resolution target, or `null` when the ticket has none. */
  readonly resolution: SlaTargetDetail | null;
}

const NAMES = ["achieved", "breached", "pending"] as const;

/**
 * Which tickets breached: each ticket's SLA state per target, with its deadline
 * and the time measured.
 *
 * The states are exactly those {@link slaCounts} counts (same policy, same
 * `asOf`): per target with `per: "target"`, per ticket with `per: "ticket"`, so
 * filtering the breached rows lists the tickets behind a compliance figure. The
 * deadline is the instant at which `targetMs` of counted time has passed since
 * `createdAt`: calendar time, or open time of `policy.calendar` (by its
 * `addMs`, as {@link businessCalendar} has), skipping the stretches in
 * `policy.pauseStatuses` recorded in `statusHistory`. Exactly at the deadline
 * counts as met. `elapsedMs` is the measured time to the stopping event
 * (the response or resolution), or to `asOf` while the clock runs.
 *
 * @param tickets - The tickets.
 * @param policy - The SLA policy (targets, `calendar`, `pauseStatuses`).
 * @param options - `asOf`.
 * @returns One entry per ticket, in input order: `{ index, state, firstResponse, resolution }` (instants in epoch ms, durations in ms).
 * @throws {MetricInputError} As {@link slaCounts}: `missing_value` for an open ticket without `asOf` or a ticket with no target; `inconsistent_instants` for an event before `createdAt`; `invalid_option` for a bad policy.
 *
 * @example
 * ```ts
 * import { slaDetails } from "support-metrics";
 * const hour = 3_600_000;
 * const tickets = [
 *   { createdAt: 0, resolvedAt: 8 * hour }, // exactly at the target: achieved
 *   { createdAt: 0 }, // open 10 h at asOf: breached
 * ];
 * const [met, late] = slaDetails(tickets, { resolutionMs: 8 * hour }, { asOf: 10 * hour });
 * met.state; // => "achieved"
 * late.resolution; // => { state: "breached", targetMs: 28800000, deadline: 28800000, elapsedMs: 36000000 }
 * late.firstResponse; // => null
 * slaDetails(tickets, { resolutionMs: 8 * hour }); // throws missing_value
 * ```
 * @see {@link slaCounts}, {@link tallyTickets}
 * @category Reports
 */
export function slaDetails(
  tickets: readonly Ticket[],
  policy: SlaPolicy,
  options?: SlaDetailsOptions,
): SlaTicketDetail[] {
  const fn = "slaDetails";
  const list = ticketList(fn, tickets);
  policyShape(fn, policy, "policy"); // the policy's type and keys are checked before the options
  const o = readOptions(fn, "options", options, { asOf: "optional" });
  const asOf = readAsOf(fn, o.asOf);
  const spec = readPolicy(fn, policy);
  const work = slaWork();
  const out: SlaTicketDetail[] = [];
  for (let i = 0; i < list.length; i++) {
    const t = ticketAt(fn, list, i);
    ticketSla(fn, t, i, spec, asOf, work);
    const a = work.states[0] as number;
    const b = work.states[1] as number;
    const state = a === BREACHED || b === BREACHED ? BREACHED : a === PENDING || b === PENDING ? PENDING : ACHIEVED;
    const history = spec.paused === undefined ? undefined : historyOf(fn, t, i);
    out.push({
      index: i,
      state: NAMES[state] as SlaTicketDetail["state"],
      firstResponse: detail(fn, spec, work, 0, history, i),
      resolution: detail(fn, spec, work, 1, history, i),
    });
  }
  return out;
}

function detail(
  fn: string,
  spec: PolicySpec,
  work: ReturnType<typeof slaWork>,
  k: number,
  history: ArrayLike<unknown> | undefined,
  i: number,
): SlaTargetDetail | null {
  const target = work.targets[k];
  if (target === undefined) return null;
  const measured = work.ends[k] === undefined ? 0 : (work.spans[k] as number);
  return {
    state: NAMES[work.states[k] as number] as SlaTargetDetail["state"],
    targetMs: target,
    deadline: deadlineOf(fn, work.created, target, spec, history, i),
    elapsedMs: measured === 0 ? 0 : measured,
  };
}

/**
 * The instant at which `target` ms of counted time have passed since `created`:
 * walks the unpaused stretches of the history (already validated by ticketSla).
 */
function deadlineOf(
  fn: string,
  created: number,
  target: number,
  spec: PolicySpec,
  history: ArrayLike<unknown> | undefined,
  i: number,
): number | null {
  const calendar = spec.calendar;
  let left = target;
  let from = created;
  if (history !== undefined && spec.paused !== undefined) {
    let inPause = false;
    for (let j = 0; j < history.length; j++) {
      const e = history[j] as { at: unknown };
      const at = toEpochMs(fn, "", e.at);
      if (at > from) {
        if (inPause) from = at;
        else {
          const available = spanOf(calendar, from, at);
          // Strictly within: a deadline exactly at the stretch's end is the next counted moment.
          if (left < available) return addTime(calendar, from, left);
          left -= available;
          from = at;
        }
      }
      inPause = spec.paused.has(statusOf(fn, e, i, j));
    }
    // The last status holds for good: a paused clock never reaches the target.
    if (inPause) return null;
  }
  return addTime(calendar, from, left);
}

function spanOf(calendar: TicketCalendar | undefined, from: number, to: number): number {
  return calendar === undefined ? to - from : calendar.elapsedMs(from, to);
}

function addTime(calendar: TicketCalendar | undefined, from: number, ms: number): number | null {
  if (calendar === undefined) return from + ms;
  const add = (calendar as { addMs?: unknown }).addMs;
  return typeof add === "function" ? (add.call(calendar, from, ms) as number) : null;
}
