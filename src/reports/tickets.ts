import { compareKeys, GroupIndex } from "../internal/group-keys.js";
import { ACHIEVED, BREACHED, PENDING } from "../tickets/sla.js";
import { type Ticket, ticketList } from "../tickets/ticket.js";
import { type SetAside, SetAsideCollector } from "./set-aside.js";
import { GroupedSketches, type QuantileSketch } from "./sketch.js";
import { readTallyTicketsOptions, type TallyTicketsOptions } from "./ticket-options.js";
import { readTicket, type TicketReading } from "./ticket-reading.js";

/**
 * A duration's tally in a group: the measured tickets' count, exact sum and sketch.
 *
 * @category Reports
 */
export interface DurationTally {
  /** Tickets measured (the end event happened by `asOf`). */
  readonly n: number;
  /** Tickets still waiting for the end event at `asOf` (right-censored). */
  readonly censored: number;
  /** The sum of the measured durations, ms (rounded to the nearest double). */
  readonly sumMs: number;
  /** What the sum's rounding left over: the exact sum is `sumMs + sumRemainderMs` (0 unless the sum passes 2^53). */
  readonly sumRemainderMs: number;
  /** The sketch of the measured durations. */
  readonly sketch: QuantileSketch;
}

/**
 * One group of a {@link TicketTally}: counts, sums and sketches of its tickets
 * created by `asOf`.
 *
 * @category Reports
 */
export interface TicketTallyGroup {
  /** The group's value of each dimension, in the order of `dimensions` (`null`: absent). */
  readonly key: readonly (string | null)[];
  /** Tickets created at or before `asOf`. */
  readonly tickets: number;
  /** Tickets open at `asOf`, as {@link backlog}. */
  readonly backlog: number;
  /** First-response times; `resolvedWithoutResponse` counts tickets resolved with no response (no response time). */
  readonly firstResponse: DurationTally & {
    /** Tickets resolved with no response. */
    readonly resolvedWithoutResponse: number;
  };
  /** Resolution times (to `resolvedAt`); `n` is the tickets resolved by `asOf`. */
  readonly resolution: DurationTally;
  /** SLA outcomes per ticket, as {@link slaCounts}; `null` without a policy. */
  readonly sla: {
    /** Tickets that met every target. */
    readonly achieved: number;
    /** Tickets that missed a target. */
    readonly breached: number;
    /** Tickets not yet decided at `asOf`. */
    readonly pending: number;
  } | null;
  /** Reopens of the tickets resolved by `asOf`, as {@link reopenCounts}. */
  readonly reopens: {
    /** Resolved tickets reopened at least once. */
    readonly reopened: number;
    /** Resolved tickets with a recorded reopen count. */
    readonly resolved: number;
    /** Resolved tickets without a reopen count (left out). */
    readonly unrecorded: number;
  };
  /** First-contact resolutions of the tickets resolved by `asOf`, as {@link firstContactResolutionCounts}. */
  readonly firstContact: {
    /** Resolved tickets resolved in one contact. */
    readonly firstContact: number;
    /** Resolved tickets with a recorded contact count. */
    readonly resolved: number;
    /** Resolved tickets without a contact count (left out). */
    readonly unrecorded: number;
  };
  /** `[channel, count]` of the tickets with a channel, by channel name (code-unit order). */
  readonly channels: readonly (readonly [channel: string, count: number])[];
  /** Tickets without a channel (absent or `null`). */
  readonly channelUnrecorded: number;
}

/**
 * The tally of {@link tallyTickets}: plain JSON, mergeable with {@link mergeTallies}.
 *
 * @category Reports
 */
export interface TicketTally {
  /** What the tally counts. */
  readonly kind: "tickets";
  /** The tally format's version. */
  readonly version: 1;
  /** The options that give the numbers their meaning, canonical: tallies merge only when equal. */
  readonly fingerprint: string;
  /** The dimension names, in order. */
  readonly dimensions: readonly string[];
  /** `asOf` as epoch ms. */
  readonly asOf: number;
  /** The sketches' relative accuracy α. */
  readonly relativeAccuracy: number;
  /** Whether an SLA policy was given (each group's `sla` is then counts, else `null`). */
  readonly hasSla: boolean;
  /** The groups, sorted by key (`null` first, then code-unit order). */
  readonly groups: readonly TicketTallyGroup[];
  /** Tickets processed: valid ones plus `setAside.count`. */
  readonly records: number;
  /** Valid tickets created after `asOf`: in no group. */
  readonly createdAfterAsOf: number;
  /** Tickets left out with `onInvalid: "setAside"`. */
  readonly setAside: SetAside;
}

/**
 * Tallies tickets in one pass: every ticket KPI by any dimensions, as a plain
 * JSON object that merges across shards.
 *
 * Each ticket is read and validated once; each of its durations (first response,
 * resolution, and the SLA clocks still running at `asOf`) is computed once, in
 * business time with `calendar`, less the time in `pauseStatuses`, and the SLA
 * states reuse them. A group holds, for its tickets created at or before `asOf`:
 * the count, the backlog at `asOf` (as {@link backlog}), first-response and
 * resolution counts, censored counts, exact sums and quantile sketches (as
 * {@link ticketDurations} with the same `asOf`, `calendar` and `pauseStatuses`),
 * SLA counts (as {@link slaCounts} with the policy measured in this tally's
 * calendar and pauses), reopen and first-contact counts of the tickets resolved
 * by `asOf` (as {@link reopenCounts}, {@link firstContactResolutionCounts}) and
 * the channel counts (as {@link channelMix}; tickets without a channel are
 * counted apart). {@link ticketReport} turns it into rows. The tally's
 * fingerprint records `asOf`, the calendar, the pauses, the policy, α and the
 * dimensions: {@link mergeTallies} refuses tallies that differ in them. A
 * calendar from {@link businessCalendar} is fingerprinted by its options; any
 * other calendar object only as `"custom"`. With `onInvalid: "setAside"` a
 * ticket that would throw is left out of every figure and counted by code in
 * `setAside`: `records` = valid tickets + set aside.
 *
 * @param tickets - The tickets.
 * @param options - `asOf` (required), `by`, `calendar`, `pauseStatuses`, `sla`, `sketch`, `onInvalid`, `firstIndex`.
 * @returns The tally (see {@link TicketTally}).
 * @throws {MetricInputError} `missing_value` without `asOf`; `invalid_option` for an unknown option, a bad dimension, or an `sla` whose calendar or pauses are not this tally's; with `onInvalid: "throw"`, the first invalid ticket's error as the per-array functions throw it (`inconsistent_instants` at `tickets[i].resolvedAt`, `invalid_instant`, `missing_value` at `tickets[i].priority` for a ticket with no SLA target, `invalid_type` for a dimension field that is not a string, …).
 *
 * @example
 * ```ts
 * import { tallyTickets, ticketReport } from "support-metrics";
 * const hour = 3_600_000;
 * const tickets = [
 *   { createdAt: 0, firstResponseAt: hour, resolvedAt: 5 * hour, agentId: "ana", channel: "email" },
 *   { createdAt: 0, firstResponseAt: 3 * hour, agentId: "ana", channel: "chat" },
 *   { createdAt: hour, agentId: "ben", channel: "email" },
 *   { createdAt: 2 * hour, resolvedAt: hour }, // resolved before created
 * ];
 * const tally = tallyTickets(tickets, { asOf: 10 * hour, by: ["agentId"], onInvalid: "setAside" });
 * tally.groups.map((g) => g.key); // => [["ana"], ["ben"]]
 * tally.records; // => 4
 * tally.setAside.byCode; // => { inconsistent_instants: 1 }
 * ticketReport(tally).total.firstResponse.meanMs / hour; // => 2
 * tallyTickets(tickets, { asOf: 10 * hour }); // throws inconsistent_instants
 * tallyTickets(tickets, {} as { asOf: number }); // throws missing_value
 * ```
 * @see {@link ticketReport}, {@link mergeTallies}, {@link slaDetails}
 * @category Reports
 */
export function tallyTickets(tickets: readonly Ticket[], options: TallyTicketsOptions): TicketTally {
  const fn = "tallyTickets";
  const list = ticketList(fn, tickets);
  const spec = readTallyTicketsOptions(fn, options);
  const setAsideMode = spec.setAside;
  const groups = new GroupIndex<GroupAccumulator>(spec.dimensions.length);
  const out = new Float64Array(2);
  const intervals = new Float64Array(3);
  const setAside = new SetAsideCollector();
  const key: (string | null)[] = new Array(spec.dimensions.length);
  // Every group's duration sketches, held together (see GroupedSketches); a ticket adds at most one value to each.
  const sketches: TallySketches = {
    firstResponse: new GroupedSketches(spec.alpha, list.length),
    resolution: new GroupedSketches(spec.alpha, list.length),
  };
  let createdAfterAsOf = 0;
  const first = spec.firstIndex;
  for (let i = 0; i < list.length; i++) {
    let r: TicketReading;
    try {
      r = readTicket(fn, list[i], i + first, spec, key, intervals, out);
    } catch (error) {
      if (!setAsideMode) throw error;
      setAside.add(i + first, error);
      continue;
    }
    if (r.created > spec.asOf) {
      createdAfterAsOf++;
      continue;
    }
    let g = groups.get(key);
    if (g === undefined) {
      g = new GroupAccumulator(key.slice(), groups.groups.length, sketches);
      groups.add(key, g);
    }
    g.add(r);
  }
  const frSketches = sketches.firstResponse.sketches();
  const resSketches = sketches.resolution.sketches();
  const hasSla = spec.sla !== undefined;
  const sorted = [...groups.groups]
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((g) => g.toJSON(frSketches[g.index] as QuantileSketch, resSketches[g.index] as QuantileSketch, hasSla));
  const aside = setAside.toJSON();
  return {
    kind: "tickets",
    version: 1,
    fingerprint: spec.fingerprint,
    dimensions: spec.dimensions.map((d) => d.name),
    asOf: spec.asOf,
    relativeAccuracy: spec.alpha,
    hasSla: spec.sla !== undefined,
    groups: sorted,
    records: list.length,
    createdAfterAsOf,
    setAside: aside,
  };
}

/** Internal: exact-sum accumulator: `hi + lo` is the exact sum while it fits in about 106 bits. */
export class ExactSum {
  hi = 0;
  lo = 0;
  add(x: number): void {
    const s = this.hi + x;
    const b = s - this.hi;
    this.lo += this.hi - (s - b) + (x - b);
    this.hi = s;
  }
  /** The canonical pair: `hi` the nearest double to the sum, `lo` the rest. */
  canonical(): [number, number] {
    const s = this.hi + this.lo;
    const lo = this.lo - (s - this.hi);
    return [s === 0 ? 0 : s, lo === 0 ? 0 : lo];
  }
}

/** The duration sketches of every group of a tally, by group number. */
interface TallySketches {
  readonly firstResponse: GroupedSketches;
  readonly resolution: GroupedSketches;
}

class GroupAccumulator {
  readonly key: (string | null)[];
  /** The group's number (in the order groups appeared): its row in the tally's sketches. */
  readonly index: number;
  private readonly sketches: TallySketches;
  tickets = 0;
  backlog = 0;
  frN = 0;
  frCensored = 0;
  frNoResponse = 0;
  readonly frSum = new ExactSum();
  resN = 0;
  resCensored = 0;
  readonly resSum = new ExactSum();
  achieved = 0;
  breached = 0;
  pending = 0;
  reopened = 0;
  reopenResolved = 0;
  reopenUnrecorded = 0;
  firstContact = 0;
  fcrResolved = 0;
  fcrUnrecorded = 0;
  readonly channels = new Map<string, number>();
  channelUnrecorded = 0;

  constructor(key: (string | null)[], index: number, sketches: TallySketches) {
    this.key = key;
    this.index = index;
    this.sketches = sketches;
    sketches.firstResponse.open(index);
    sketches.resolution.open(index);
  }

  add(r: TicketReading): void {
    this.tickets++;
    if (r.backlog) this.backlog++;
    if (r.frMs >= 0) {
      this.frN++;
      this.frSum.add(r.frMs);
      this.sketches.firstResponse.add(this.index, r.frMs);
    } else if (r.frCensored) this.frCensored++;
    else if (r.frNoResponse) this.frNoResponse++;
    if (r.resolutionMs >= 0) {
      this.resN++;
      this.resSum.add(r.resolutionMs);
      this.sketches.resolution.add(this.index, r.resolutionMs);
      if (Number.isNaN(r.reopenCount)) this.reopenUnrecorded++;
      else {
        this.reopenResolved++;
        if (r.reopenCount > 0) this.reopened++;
      }
      if (Number.isNaN(r.contacts)) this.fcrUnrecorded++;
      else {
        this.fcrResolved++;
        if (r.contacts === 1) this.firstContact++;
      }
    } else this.resCensored++;
    if (r.sla === ACHIEVED) this.achieved++;
    else if (r.sla === BREACHED) this.breached++;
    else if (r.sla === PENDING) this.pending++;
    if (r.channel === null) this.channelUnrecorded++;
    else this.channels.set(r.channel, (this.channels.get(r.channel) ?? 0) + 1);
  }

  /** The group as JSON, with its sketches (from the tally's {@link GroupedSketches}). */
  toJSON(frSketch: QuantileSketch, resSketch: QuantileSketch, hasSla: boolean): TicketTallyGroup {
    const [frSum, frRest] = this.frSum.canonical();
    const [resSum, resRest] = this.resSum.canonical();
    const channels = [...this.channels].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return {
      key: this.key,
      tickets: this.tickets,
      backlog: this.backlog,
      firstResponse: {
        n: this.frN,
        censored: this.frCensored,
        resolvedWithoutResponse: this.frNoResponse,
        sumMs: frSum,
        sumRemainderMs: frRest,
        sketch: frSketch,
      },
      resolution: {
        n: this.resN,
        censored: this.resCensored,
        sumMs: resSum,
        sumRemainderMs: resRest,
        sketch: resSketch,
      },
      sla: hasSla ? { achieved: this.achieved, breached: this.breached, pending: this.pending } : null,
      reopens: { reopened: this.reopened, resolved: this.reopenResolved, unrecorded: this.reopenUnrecorded },
      firstContact: { firstContact: this.firstContact, resolved: this.fcrResolved, unrecorded: this.fcrUnrecorded },
      channels,
      channelUnrecorded: this.channelUnrecorded,
    };
  }
}
