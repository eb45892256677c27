/** Internal: checks and merges ticket tallies (the `"tickets"` branch of `mergeTallies`). */
import { countField } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { compareKeys, keyString } from "./dimensions.js";
import { mergeSetAside, type SetAside } from "./set-aside.js";
import { addSketches, readSketch } from "./sketch.js";
import { type DurationTally, ExactSum, type TicketTally, type TicketTallyGroup } from "./tickets.js";

/** Internal: merges checked-kind ticket tallies with equal fingerprints. */
export function mergeTicketTallies(fn: string, tallies: readonly unknown[]): TicketTally {
  const read = tallies.map((t, k) => readTicketTally(fn, `tallies[${k}]`, t));
  const first = read[0] as TicketTally;
  const groups = new Map<string, TicketTallyGroup>();
  let records = 0;
  let createdAfterAsOf = 0;
  let setAside: SetAside | undefined;
  for (const t of read) {
    records += t.records;
    createdAfterAsOf += t.createdAfterAsOf;
    setAside = setAside === undefined ? t.setAside : mergeSetAside(setAside, t.setAside);
    for (const g of t.groups) {
      const k = keyString(g.key);
      const had = groups.get(k);
      groups.set(k, had === undefined ? g : mergeGroups(had, g));
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
    groups: [...groups.values()].sort((a, b) => compareKeys(a.key, b.key)),
    records,
    createdAfterAsOf,
    setAside: setAside as SetAside,
  };
}

/** Internal: the sum of two trusted groups of the same key. */
export function mergeGroups(a: TicketTallyGroup, b: TicketTallyGroup): TicketTallyGroup {
  const channels = new Map<string, number>(a.channels.map(([c, n]) => [c, n]));
  for (const [c, n] of b.channels) channels.set(c, (channels.get(c) ?? 0) + n);
  return {
    key: a.key,
    tickets: a.tickets + b.tickets,
    backlog: a.backlog + b.backlog,
    firstResponse: {
      ...mergeDurations(a.firstResponse, b.firstResponse),
      resolvedWithoutResponse: a.firstResponse.resolvedWithoutResponse + b.firstResponse.resolvedWithoutResponse,
    },
    resolution: mergeDurations(a.resolution, b.resolution),
    sla:
      a.sla === null || b.sla === null
        ? null
        : {
            achieved: a.sla.achieved + b.sla.achieved,
            breached: a.sla.breached + b.sla.breached,
            pending: a.sla.pending + b.sla.pending,
          },
    reopens: {
      reopened: a.reopens.reopened + b.reopens.reopened,
      resolved: a.reopens.resolved + b.reopens.resolved,
      unrecorded: a.reopens.unrecorded + b.reopens.unrecorded,
    },
    firstContact: {
      firstContact: a.firstContact.firstContact + b.firstContact.firstContact,
      resolved: a.firstContact.resolved + b.firstContact.resolved,
      unrecorded: a.firstContact.unrecorded + b.firstContact.unrecorded,
    },
    channels: [...channels].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)),
    channelUnrecorded: a.channelUnrecorded + b.channelUnrecorded,
  };
}

function mergeDurations(a: DurationTally, b: DurationTally): DurationTally {
  const sum = new ExactSum();
  sum.add(a.sumMs);
  sum.add(b.sumMs);
  sum.add(a.sumRemainderMs);
  sum.add(b.sumRemainderMs);
  const [sumMs, sumRemainderMs] = sum.canonical();
  return {
    n: a.n + b.n,
    censored: a.censored + b.censored,
    sumMs,
    sumRemainderMs,
    sketch: addSketches(a.sketch, b.sketch),
  };
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
