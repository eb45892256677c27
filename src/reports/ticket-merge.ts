/** Internal: checks and merges ticket tallies (the `"tickets"` branch of `mergeTallies`). */
import { countField } from "../internal/assert.js";
import { compareKeys, GroupIndex } from "../internal/group-keys.js";
import { inputError } from "../internal/messages.js";
import { mergeSetAside, type SetAside } from "./set-aside.js";
import { readSketch, SketchStore } from "./sketch.js";
import { type DurationTally, ExactSum, type TicketTally, type TicketTallyGroup } from "./tickets.js";

/** Internal: merges checked-kind ticket tallies with equal fingerprints. */
export function mergeTicketTallies(fn: string, tallies: readonly unknown[]): TicketTally {
  const read = tallies.map((t, k) => readTicketTally(fn, `tallies[${k}]`, t));
  const first = read[0] as TicketTally;
  const groups = new GroupIndex<GroupSum>(first.dimensions.length);
  let records = 0;
  let createdAfterAsOf = 0;
  let setAside: SetAside | undefined;
  for (const t of read) {
    records += t.records;
    createdAfterAsOf += t.createdAfterAsOf;
    setAside = setAside === undefined ? t.setAside : mergeSetAside(setAside, t.setAside);
    for (const g of t.groups) {
      let sum = groups.get(g.key);
      if (sum === undefined) {
        sum = new GroupSum(first.relativeAccuracy);
        groups.add(g.key, sum);
      }
      sum.add(g);
    }
  }
  return {
    kind: "tickets",
    version: 1,
    fingerprint: first.fingerprint,
    dimensions: first.dimensions,
    asOf: first.asOf,
    relativeAccuracy: first.relativeAccuracy,
    hasSla: first.hasSla,
    groups: groups.groups.map((sum) => sum.toJSON()).sort((a, b) => compareKeys(a.key, b.key)),
    records,
    createdAfterAsOf,
    setAside: setAside as SetAside,
  };
}

/**
 * Internal: the sum of trusted groups of one key, added left to right. It gives
 * exactly what folding them with pairwise merges gives (the sums take the same
 * exact steps), without a new group and sketch at every step: the sketches add
 * into one store, so summing 10 000 groups costs each of their bins once. One
 * group alone is returned as it is.
 */
export class GroupSum {
  private only: TicketTallyGroup | undefined;
  private merged = false;
  private key: readonly (string | null)[] = [];
  private tickets = 0;
  private backlog = 0;
  private resolvedWithoutResponse = 0;
  private readonly firstResponse: DurationSum;
  private readonly resolution: DurationSum;
  private sla: { achieved: number; breached: number; pending: number } | null = null;
  private readonly reopens = { reopened: 0, resolved: 0, unrecorded: 0 };
  private readonly firstContact = { firstContact: 0, resolved: 0, unrecorded: 0 };
  private readonly channels = new Map<string, number>();
  private channelUnrecorded = 0;

  constructor(relativeAccuracy: number) {
    this.firstResponse = new DurationSum(relativeAccuracy);
    this.resolution = new DurationSum(relativeAccuracy);
  }

  add(g: TicketTallyGroup): void {
    if (!this.merged) {
      if (this.only === undefined) {
        this.only = g;
        return;
      }
      this.merged = true;
      this.start(this.only);
    }
    this.tickets += g.tickets;
    this.backlog += g.backlog;
    this.firstResponse.add(g.firstResponse);
    this.resolvedWithoutResponse += g.firstResponse.resolvedWithoutResponse;
    this.resolution.add(g.resolution);
    const sla = this.sla;
    if (sla === null || g.sla === null) this.sla = null;
    else {
      sla.achieved += g.sla.achieved;
      sla.breached += g.sla.breached;
      sla.pending += g.sla.pending;
    }
    this.reopens.reopened += g.reopens.reopened;
    this.reopens.resolved += g.reopens.resolved;
    this.reopens.unrecorded += g.reopens.unrecorded;
    this.firstContact.firstContact += g.firstContact.firstContact;
    this.firstContact.resolved += g.firstContact.resolved;
    this.firstContact.unrecorded += g.firstContact.unrecorded;
    for (const [c, n] of g.channels) this.channels.set(c, (this.channels.get(c) ?? 0) + n);
    this.channelUnrecorded += g.channelUnrecorded;
  }

  /** Takes the first group's figures, as the first pairwise merge reads them. */
  private start(g: TicketTallyGroup): void {
    this.key = g.key;
    this.tickets = g.tickets;
    this.backlog = g.backlog;
    this.firstResponse.start(g.firstResponse);
    this.resolvedWithoutResponse = g.firstResponse.resolvedWithoutResponse;
    this.resolution.start(g.resolution);
    this.sla = g.sla === null ? null : { ...g.sla };
    Object.assign(this.reopens, g.reopens);
    Object.assign(this.firstContact, g.firstContact);
    for (const [c, n] of g.channels) this.channels.set(c, n);
    this.channelUnrecorded = g.channelUnrecorded;
  }

  /** The sum as a group (at least one group must have been added). */
  toJSON(): TicketTallyGroup {
    if (!this.merged) return this.only as TicketTallyGroup;
    return {
      key: this.key,
      tickets: this.tickets,
      backlog: this.backlog,
      firstResponse: { ...this.firstResponse.toJSON(), resolvedWithoutResponse: this.resolvedWithoutResponse },
      resolution: this.resolution.toJSON(),
      sla: this.sla,
      reopens: this.reopens,
      firstContact: this.firstContact,
      channels: [...this.channels].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)),
      channelUnrecorded: this.channelUnrecorded,
    };
  }
}

/** The running sum of durations for {@link GroupSum}. */
class DurationSum {
  private n = 0;
  private censored = 0;
  private sumMs = 0;
  private sumRemainderMs = 0;
  private readonly exact = new ExactSum();
  private readonly sketch: SketchStore;

  constructor(relativeAccuracy: number) {
    this.sketch = new SketchStore(relativeAccuracy);
  }

  start(d: DurationTally): void {
    this.n = d.n;
    this.censored = d.censored;
    this.sumMs = d.sumMs;
    this.sumRemainderMs = d.sumRemainderMs;
    this.sketch.merge(d.sketch);
  }

  add(d: DurationTally): void {
    this.n += d.n;
    this.censored += d.censored;
    // The same four exact additions, in the same order, as a pairwise merge.
    const sum = this.exact;
    sum.hi = 0;
    sum.lo = 0;
    sum.add(this.sumMs);
    sum.add(d.sumMs);
    sum.add(this.sumRemainderMs);
    sum.add(d.sumRemainderMs);
    [this.sumMs, this.sumRemainderMs] = sum.canonical();
    this.sketch.merge(d.sketch);
  }

  toJSON(): DurationTally {
    return {
      n: this.n,
      censored: this.censored,
      sumMs: this.sumMs,
      sumRemainderMs: this.sumRemainderMs,
      sketch: this.sketch.toJSON(),
    };
  }
}

/** Internal: checks a ticket tally's shape (from JSON or any caller) at `path`. */
export function readTicketTally(fn: string, path: string, value: unknown): TicketTally {
  const t = objectAt(fn, path, value);
  const dims = t["dimensions"];
  if (!Array.isArray(dims) || !dims.every((d) => typeof d === "string")) {
    throw inputError("invalid_type", fn, `${path}.dimensions`, "an array of dimension names", dims);
  }
  for (const field of ["asOf", "relativeAccuracy"]) {
    if (typeof t[field] !== "number" || !Number.isFinite(t[field])) {
      throw inputError(
        t[field] === undefined ? "missing_value" : "invalid_type",
        fn,
        `${path}.${field}`,
        "a finite number",
        t[field],
      );
    }
  }
  if (typeof t["hasSla"] !== "boolean") {
    throw inputError(
      t["hasSla"] === undefined ? "missing_value" : "invalid_type",
      fn,
      `${path}.hasSla`,
      "a boolean",
      t["hasSla"],
    );
  }
  countAt(fn, t, path, "records");
  countAt(fn, t, path, "createdAfterAsOf");
  const aside = objectAt(fn, `${path}.setAside`, t["setAside"]);
  countAt(fn, aside, `${path}.setAside`, "count");
  const byCode = objectAt(fn, `${path}.setAside.byCode`, aside["byCode"]);
  for (const code of Object.keys(byCode)) countAt(fn, byCode, `${path}.setAside.byCode`, code);
  if (!Array.isArray(aside["first"])) {
    throw inputError("invalid_type", fn, `${path}.setAside.first`, "an array of set-aside entries", aside["first"]);
  }
  const groups = t["groups"];
  if (!Array.isArray(groups)) throw inputError("invalid_type", fn, `${path}.groups`, "an array of groups", groups);
  const list: readonly unknown[] = groups;
  for (let k = 0; k < list.length; k++) {
    const at = `${path}.groups[${k}]`;
    const g = objectAt(fn, at, list[k]);
    const key = g["key"];
    if (!Array.isArray(key) || key.length !== dims.length || !key.every((v) => v === null || typeof v === "string")) {
      throw inputError(
        "invalid_type",
        fn,
        `${at}.key`,
        `an array of ${dims.length} group values (strings or null)`,
        key,
      );
    }
    countAt(fn, g, at, "tickets");
    countAt(fn, g, at, "backlog");
    countAt(fn, g, at, "channelUnrecorded");
    for (const d of ["firstResponse", "resolution"]) {
      const dt = objectAt(fn, `${at}.${d}`, g[d]);
      countAt(fn, dt, `${at}.${d}`, "n");
      countAt(fn, dt, `${at}.${d}`, "censored");
      if (d === "firstResponse") countAt(fn, dt, `${at}.${d}`, "resolvedWithoutResponse");
      for (const s of ["sumMs", "sumRemainderMs"]) {
        if (typeof dt[s] !== "number" || !Number.isFinite(dt[s])) {
          throw inputError(
            dt[s] === undefined ? "missing_value" : "invalid_type",
            fn,
            `${at}.${d}.${s}`,
            "a finite number",
            dt[s],
          );
        }
      }
      const sketch = readSketch(fn, `${at}.${d}.sketch`, dt["sketch"]);
      if (sketch.count !== dt["n"]) {
        throw inputError(
          "inconsistent_counts",
          fn,
          `${at}.${d}.sketch.count`,
          `the measured count n (${String(dt["n"])})`,
          sketch.count,
        );
      }
      if (sketch.relativeAccuracy !== t["relativeAccuracy"]) {
        throw inputError(
          "inconsistent_counts",
          fn,
          `${at}.${d}.sketch.relativeAccuracy`,
          "the tally's relativeAccuracy",
          sketch.relativeAccuracy,
        );
      }
    }
    const sla = g["sla"];
    if (t["hasSla"] === true || sla !== null) {
      const s = objectAt(fn, `${at}.sla`, sla);
      for (const f of ["achieved", "breached", "pending"]) countAt(fn, s, `${at}.sla`, f);
    }
    const reopens = objectAt(fn, `${at}.reopens`, g["reopens"]);
    for (const f of ["reopened", "resolved", "unrecorded"]) countAt(fn, reopens, `${at}.reopens`, f);
    const fcr = objectAt(fn, `${at}.firstContact`, g["firstContact"]);
    for (const f of ["firstContact", "resolved", "unrecorded"]) countAt(fn, fcr, `${at}.firstContact`, f);
    const channels = g["channels"];
    if (!Array.isArray(channels)) {
      throw inputError("invalid_type", fn, `${at}.channels`, "an array of [channel, count] pairs", channels);
    }
    for (let j = 0; j < channels.length; j++) {
      const pair: unknown = channels[j];
      if (!Array.isArray(pair) || typeof pair[0] !== "string" || !Number.isSafeInteger(pair[1]) || pair[1] < 0) {
        throw inputError("invalid_type", fn, `${at}.channels[${j}]`, "a [channel, count] pair", pair);
      }
    }
  }
  return value as TicketTally;
}

function objectAt(fn: string, path: string, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw inputError(value === undefined ? "missing_value" : "invalid_type", fn, path, "an object", value);
  }
  return value as Record<string, unknown>;
}

function countAt(fn: string, o: Record<string, unknown>, path: string, field: string): void {
  countField(fn, `${path}.${field}`, o[field]);
}
