import { COUNT } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { ACHIEVED, BREACHED, PENDING, targetState, targetsOf } from "../tickets/sla.js";
import { HistoryReading, historyOf, readSpans } from "../tickets/status-history.js";
import { createdAtOf, eventAt, instantInto, optionalCount } from "../tickets/ticket.js";
import { type CompiledDimension, fieldKey, functionKey } from "./dimensions.js";
import type { TicketTallySpec } from "./ticket-options.js";
import { readSpansByPosition } from "./ticket-spans.js";

const CONTACTS = "an integer ≥ 1";

/** Internal: what one ticket contributes; `NaN` durations are not measured. */
export interface TicketReading {
  created: number;
  backlog: boolean;
  /** First-response time (ms), or NaN; `frCensored` / `frNoResponse` say why not. */
  frMs: number;
  frCensored: boolean;
  frNoResponse: boolean;
  resolutionMs: number;
  /** SLA state per ticket (ACHIEVED, BREACHED, PENDING), or -1 without a policy. */
  sla: number;
  reopenCount: number;
  contacts: number;
  channel: string | null;
}

/** The history of the ticket being read (reused: one ticket at a time). */
const HISTORY = /* @__PURE__ */ new HistoryReading();

/** The ticket's `createdAt`, `firstResponseAt`, `resolvedAt` as epoch ms (`NaN`: absent), reused. */
const TIMES = /* @__PURE__ */ new Float64Array(3);

const READING: TicketReading = {
  created: 0,
  backlog: false,
  frMs: 0,
  frCensored: false,
  frNoResponse: false,
  resolutionMs: 0,
  sla: -1,
  reopenCount: 0,
  contacts: 0,
  channel: null,
};

/**
 * Internal: reads, validates and measures ticket `i` (index `gi` in the whole set) into
 * the shared {@link READING} and its group key into `key`. Throws before
 * anything is counted, so a set-aside ticket leaves no trace. `intervals` and
 * `out` are scratch slots for {@link readSpans}.
 */
export function readTicket(
  fn: string,
  value: unknown,
  gi: number,
  spec: TicketTallySpec,
  key: (string | null)[],
  intervals: Float64Array,
  out: Float64Array,
): TicketReading {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError("invalid_type", fn, `tickets[${gi}]`, "a ticket object", value);
  }
  const t = value as Record<string, unknown>;
  const asOf = spec.asOf;
  // The three instants, read into typed slots (no boxed number per instant); any
  // value the fast reading does not take is read again by createdAtOf / eventAt,
  // which throw its error.
  const times = TIMES;
  const createdRaw = t["createdAt"];
  const responseRaw = t["firstResponseAt"];
  const resolvedRaw = t["resolvedAt"];
  instantInto(createdRaw, times, 0);
  if (Number.isNaN(times[0])) times[0] = createdAtOf(fn, t, gi);
  const created = times[0] as number;
  instantInto(responseRaw, times, 1);
  if (!((times[1] as number) >= created) && responseRaw !== undefined && responseRaw !== null) {
    times[1] = eventAt(fn, t, gi, "firstResponseAt", created);
  }
  const response = times[1] as number;
  instantInto(resolvedRaw, times, 2);
  if (!((times[2] as number) >= created) && resolvedRaw !== undefined && resolvedRaw !== null) {
    times[2] = eventAt(fn, t, gi, "resolvedAt", created);
  }
  const resolved = times[2] as number;
  const reopenCount = optionalCount(fn, t, gi, "reopenCount", 0, COUNT);
  const contacts = optionalCount(fn, t, gi, "contactsToResolve", 1, CONTACTS);
  const history = historyOf(fn, t, gi);
  let channel: string | null = null;
  const c = t["channel"];
  if (typeof c === "string") channel = c;
  else if (c !== undefined && c !== null) {
    throw inputError("invalid_type", fn, `tickets[${gi}].channel`, "a channel name (a string)", c);
  }
  const sla = spec.sla;
  const targets = sla === undefined ? undefined : targetsOf(fn, t, gi, sla.overall, sla.byPriority);
  // Backlog as `backlog`: the status in force at asOf decides when there is a history.
  // The history is read once here (validated as `statusAt` does); the pauses reuse it.
  let open: boolean;
  const read = history !== undefined && history.length > 0;
  if (read) {
    HISTORY.know(createdRaw, responseRaw, resolvedRaw, times);
    const status = HISTORY.read(fn, history, gi, spec.paused, asOf);
    open = status === undefined || !spec.resolvedSet.has(status);
  } else open = !(resolved <= asOf);
  const dims = spec.dimensions;
  for (let k = 0; k < dims.length; k++) {
    const d = dims[k] as CompiledDimension;
    if (d.kind === "field") key[k] = fieldKey(fn, t, d.field, "tickets", gi);
    else if (d.kind === "function") key[k] = functionKey(fn, d, value, "tickets", gi, gi);
    else {
      const at = d.field === "createdAt" ? created : resolved <= asOf ? resolved : Number.NaN;
      key[k] = Number.isNaN(at) ? null : d.label(at);
    }
  }
  const r = READING;
  r.created = created;
  r.reopenCount = reopenCount;
  r.contacts = contacts;
  r.channel = channel;
  r.backlog = open && created <= asOf;
  r.sla = -1;
  r.frMs = Number.NaN;
  r.resolutionMs = Number.NaN;
  r.frCensored = false;
  r.frNoResponse = false;
  if (created > asOf) return r; // not created yet (its history is already checked by statusAt)
  const resolvedByAsOf = resolved <= asOf ? resolved : Number.NaN;
  const respondedByAsOf = response <= asOf ? response : Number.NaN;
  // The first-response clock stops at the response, or at a resolution without one (as slaCounts).
  const responseStop = Number.isNaN(respondedByAsOf) ? resolvedByAsOf : respondedByAsOf;
  // Where each SLA clock is read (NaN: no target): at its stopping event, or at asOf
  // while it runs; nothing runs for a ticket created at asOf (as clockEnd). Numbers,
  // not `undefined`: a value that may be either is boxed at every ticket.
  const running = created < asOf ? asOf : Number.NaN;
  let slaEndA = Number.NaN;
  let slaEndB = Number.NaN;
  let endA = respondedByAsOf;
  let endB = resolvedByAsOf;
  if (targets !== undefined) {
    if (targets.firstResponse !== undefined) slaEndA = Number.isNaN(responseStop) ? running : responseStop;
    if (targets.resolution !== undefined) slaEndB = Number.isNaN(resolvedByAsOf) ? running : resolvedByAsOf;
    // The durations need their clocks even where the priority has no target.
    if (!Number.isNaN(slaEndA)) endA = slaEndA;
    if (!Number.isNaN(slaEndB)) endB = slaEndB;
  }
  intervals[0] = created;
  intervals[1] = endA;
  intervals[2] = endB;
  if (!Number.isNaN(endA) || !Number.isNaN(endB)) {
    const fast = spec.fastCalendar;
    const history = read && spec.paused !== undefined ? HISTORY : undefined;
    if (fast === undefined || !readSpansByPosition(intervals, history, out, fast)) {
      readSpans(intervals, spec.calendar, history, out, fast?.elapsedInto);
    }
  }
  if (!Number.isNaN(respondedByAsOf)) r.frMs = out[0] as number;
  else if (Number.isNaN(resolvedByAsOf)) r.frCensored = true;
  else r.frNoResponse = true;
  if (!Number.isNaN(resolvedByAsOf)) r.resolutionMs = out[1] as number;
  if (targets !== undefined) {
    // A clock with no end measured nothing (out holds only the spans read above).
    const measuredA = Number.isNaN(slaEndA) ? Number.NaN : (out[0] as number);
    const measuredB = Number.isNaN(slaEndB) ? Number.NaN : (out[1] as number);
    const stateA = targetState(targets.firstResponse, measuredA, !Number.isNaN(responseStop));
    const stateB = targetState(targets.resolution, measuredB, !Number.isNaN(resolvedByAsOf));
    r.sla =
      stateA === BREACHED || stateB === BREACHED
        ? BREACHED
        : stateA === PENDING || stateB === PENDING
          ? PENDING
          : ACHIEVED;
  }
  return r;
}
