import { COUNT } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { ACHIEVED, BREACHED, clockEnd, PENDING, state, targetsOf } from "../tickets/sla.js";
import { createdAtOf, eventAt, HistoryReading, historyOf, optionalCount, readSpans } from "../tickets/ticket.js";
import { type CompiledDimension, fieldKey, functionKey } from "./dimensions.js";
import type { TicketTallySpec } from "./ticket-options.js";

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
 * anything is counted, so a set-aside ticket leaves no trace.
 */
export function readTicket(
  fn: string,
  value: unknown,
  gi: number,
  spec: TicketTallySpec,
  key: (string | null)[],
  ends: Float64Array,
  out: Float64Array,
): TicketReading {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError("invalid_type", fn, `tickets[${gi}]`, "a ticket object", value);
  }
  const t = value as Record<string, unknown>;
  const asOf = spec.asOf;
  const created = createdAtOf(fn, t, gi);
  const response = eventAt(fn, t, gi, "firstResponseAt", created);
  const resolved = eventAt(fn, t, gi, "resolvedAt", created);
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
    HISTORY.know(t["createdAt"], created, t["firstResponseAt"], response, t["resolvedAt"], resolved);
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
  // The SLA core reads a clock that still runs as `undefined`.
  const stopA = Number.isNaN(responseStop) ? undefined : responseStop;
  const stopB = Number.isNaN(resolvedByAsOf) ? undefined : resolvedByAsOf;
  let endA = respondedByAsOf;
  let endB = resolvedByAsOf;
  let slaEndA: number | undefined;
  let slaEndB: number | undefined;
  if (targets !== undefined) {
    slaEndA = clockEnd(fn, targets.firstResponse, { stop: stopA, created, asOf, i: gi });
    slaEndB = clockEnd(fn, targets.resolution, { stop: stopB, created, asOf, i: gi });
    // The durations need their clocks even where the priority has no target.
    endA = slaEndA ?? respondedByAsOf;
    endB = slaEndB ?? resolvedByAsOf;
  }
  ends[0] = endA;
  ends[1] = endB;
  if (!Number.isNaN(endA) || !Number.isNaN(endB)) {
    readSpans(created, ends, spec.calendar, read && spec.paused !== undefined ? HISTORY : undefined, out);
  }
  if (!Number.isNaN(respondedByAsOf)) r.frMs = out[0] as number;
  else if (Number.isNaN(resolvedByAsOf)) r.frCensored = true;
  else r.frNoResponse = true;
  if (!Number.isNaN(resolvedByAsOf)) r.resolutionMs = out[1] as number;
  if (targets !== undefined) {
    const stateA = state(targets.firstResponse, { end: slaEndA, stop: stopA, measured: out[0] as number });
    const stateB = state(targets.resolution, { end: slaEndB, stop: stopB, measured: out[1] as number });
    r.sla =
      stateA === BREACHED || stateB === BREACHED
        ? BREACHED
        : stateA === PENDING || stateB === PENDING
          ? PENDING
          : ACHIEVED;
  }
  return r;
}
