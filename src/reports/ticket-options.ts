import { COUNT, readOptions, type Unchecked } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { TALLY_TICKETS_FIELDS } from "../internal/ticket-tally-fields.js";
import type { SlaPolicy } from "../tickets/sla.js";
import { type PolicySpec, policyShape, readPolicy, type Targets } from "../tickets/sla.js";
import {
  calendarOption,
  readAsOf,
  type StatusSet,
  statusesOption,
  type Ticket,
  type TicketCalendar,
} from "../tickets/ticket.js";
import { calendarSpecOf, type FastCalendar, fastCalendarOf } from "../time/business-calendar.js";
import type { Instant } from "../time/instant.js";
import { type CompiledDimension, compileDimensions, type Dimension } from "./dimensions.js";
import { fingerprintOf } from "./fingerprint.js";
import { onInvalidOption } from "./set-aside.js";
import { accuracyOption } from "./sketch.js";

/**
 * Options of {@link tallyTickets}.
 *
 * @category Reports
 */
export interface TallyTicketsOptions {
  /** The instant of evaluation (required: nothing reads the clock). Events after it have not happened yet; tickets created after it are counted in `createdAfterAsOf` only. */
  readonly asOf: Instant;
  /**
   * Dimensions to group by, in order: field names (`"agentId"`), periods
   * (`{ period: "week", of: "createdAt", timeZone }`) or functions.
   * @defaultValue `[]` (one group, key `{}`)
   */
  readonly by?: readonly Dimension<Ticket>[];
  /**
   * Measure every duration in the open time of this business calendar (also the SLA's).
   * @defaultValue `undefined` (calendar time)
   */
  readonly calendar?: TicketCalendar;
  /**
   * Statuses whose time is not counted (case-insensitive), read from `statusHistory`; the SLA clocks pause too.
   * @defaultValue `[]`
   */
  readonly pauseStatuses?: readonly string[];
  /**
   * The SLA policy (targets; its `calendar` and `pauseStatuses`, when given, must be this tally's).
   * @defaultValue `undefined` (no SLA figures: `sla` is `null`)
   */
  readonly sla?: SlaPolicy;
  /**
   * The duration sketches' relative accuracy α.
   * @defaultValue `{ relativeAccuracy: 0.01 }`
   */
  readonly sketch?: {
    /** The sketch's relative accuracy α, 1e-4 ≤ α < 1 (see {@link quantileSketch}). @defaultValue `0.01` */
    readonly relativeAccuracy?: number;
  };
  /**
   * `"throw"`: the first invalid ticket throws; `"setAside"`: it is left out of every figure and counted in `setAside`.
   * @defaultValue `"throw"`
   */
  readonly onInvalid?: "throw" | "setAside";
  /**
   * The index of `tickets[0]` in the whole data set, when tallying a shard:
   * error paths and set-aside indices then name the whole set's index.
   * @defaultValue `0`
   */
  readonly firstIndex?: number;
}

const PERIOD_FIELDS = ["createdAt", "resolvedAt"];
const RESOLVED_STATUSES = ["solved", "resolved", "closed"];

/** Internal: the options of {@link tallyTickets}, read and checked once. */
export interface TicketTallySpec {
  readonly asOf: number;
  readonly calendar: TicketCalendar | undefined;
  /** The calendar's slot-writing hooks, for a calendar from `businessCalendar` (else `undefined`). */
  readonly fastCalendar: FastCalendar | undefined;
  readonly paused: StatusSet | undefined;
  readonly sla: PolicySpec | undefined;
  readonly alpha: number;
  readonly dimensions: readonly CompiledDimension[];
  readonly resolvedSet: StatusSet;
  readonly firstIndex: number;
  readonly fingerprint: string;
  /** `onInvalid: "setAside"`: an invalid ticket is set aside instead of thrown. */
  readonly setAside: boolean;
}

/**
 * Internal: reads and checks the options of {@link tallyTickets} (unknown keys,
 * `asOf`, calendar, pauses, policy, sketch, dimensions, `firstIndex`, then
 * `onInvalid`, in that order) and computes the tally's fingerprint.
 */
export function readTallyTicketsOptions(fn: string, options: TallyTicketsOptions): TicketTallySpec {
  const o = readOptions(fn, "options", options, TALLY_TICKETS_FIELDS);
  const spec = readSpec(fn, o);
  return { ...spec, setAside: onInvalidOption(fn, o["onInvalid"]) };
}

function readSpec(fn: string, o: Unchecked<TallyTicketsOptions>): Omit<TicketTallySpec, "setAside"> {
  if (o.asOf === undefined) throw inputError("missing_value", fn, "options.asOf", "an instant", undefined);
  const asOf = readAsOf(fn, o.asOf) as number;
  const calendar = calendarOption(fn, o["calendar"], "options.calendar");
  const pausedSet = statusesOption(fn, o["pauseStatuses"], "options.pauseStatuses", []);
  const paused = pausedSet.empty ? undefined : pausedSet;
  const pauseNames = pauseList(o["pauseStatuses"]);
  let sla: PolicySpec | undefined;
  if (o["sla"] !== undefined) {
    const policy = policyShape(fn, o["sla"], "options.sla");
    sla = readPolicy(fn, policy);
    if (sla.calendar !== undefined && sla.calendar !== calendar) {
      throw inputError(
        "invalid_option",
        fn,
        "options.sla.calendar",
        "absent, or the tally's own calendar (options.calendar)",
        policy.calendar,
      );
    }
    if (policy.pauseStatuses !== undefined && pauseList(policy.pauseStatuses) !== pauseNames) {
      throw inputError(
        "invalid_option",
        fn,
        "options.sla.pauseStatuses",
        "absent, or the tally's own pauseStatuses (options.pauseStatuses)",
        policy.pauseStatuses,
      );
    }
  }
  const sketch = readOptions(fn, "options.sketch", o.sketch as TallyTicketsOptions["sketch"], {
    relativeAccuracy: "optional",
  });
  const alpha = accuracyOption(fn, sketch.relativeAccuracy, "options.sketch.relativeAccuracy");
  const dimensions = compileDimensions(fn, o["by"], "options.by", PERIOD_FIELDS);
  const firstIndexValue = o["firstIndex"];
  if (firstIndexValue !== undefined && !(Number.isSafeInteger(firstIndexValue) && (firstIndexValue as number) >= 0)) {
    throw inputError("invalid_option", fn, "options.firstIndex", COUNT, firstIndexValue);
  }
  const calendarSpec = calendar === undefined ? undefined : calendarSpecOf(calendar);
  const fingerprint = fingerprintOf({
    asOf,
    calendar: calendar === undefined ? null : calendarSpec === undefined ? "custom" : JSON.parse(calendarSpec),
    pauseStatuses: JSON.parse(pauseNames),
    sla: sla === undefined ? null : policyFingerprint(sla),
    relativeAccuracy: alpha,
    dimensions: dimensions.map((d) => [d.name, d.fingerprint]),
  });
  return {
    asOf,
    calendar,
    fastCalendar: calendar === undefined ? undefined : fastCalendarOf(calendar),
    paused,
    sla,
    alpha,
    dimensions,
    resolvedSet: statusesOption(fn, undefined, "", RESOLVED_STATUSES),
    firstIndex: (firstIndexValue as number | undefined) ?? 0,
    fingerprint,
  };
}

/** The pause statuses as a canonical string (already checked to be strings). */
function pauseList(value: unknown): string {
  if (!Array.isArray(value)) return "[]";
  const names = [...new Set((value as string[]).map((s) => s.toLowerCase()))].sort();
  return JSON.stringify(names);
}

function policyFingerprint(p: PolicySpec): unknown {
  const targets = (t: Targets): (number | null)[] => [t.firstResponse ?? null, t.resolution ?? null];
  const by = p.byPriority === undefined ? [] : [...p.byPriority].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return [targets(p.overall), by.map(([k, t]) => [k, targets(t)])];
}
