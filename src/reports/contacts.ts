/**
 * Contact tallies: handle time, abandonment and service level counted per
 * group in one pass, as plain JSON that merges exactly.
 */

import type { Contact } from "../contacts/index.js";
import { DURATION, type Fields, nonNegativeField, numberOption, readOptions } from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { compileDimensions, type Dimension } from "./dimensions.js";
import { fingerprintOf } from "./fingerprint.js";
import {
  accumulate,
  checkedTally,
  type GroupKey,
  type Mutable,
  mergeKind,
  readCount,
  readSum,
  readTallyFrame,
  type TallyFrame,
  tallyPass,
} from "./groups.js";

/**
 * One contact offered to a queue (a {@link Contact}) with the fields it is
 * grouped by; it may carry any other field for a `by` dimension to name.
 *
 * @category Reports
 */
export interface ContactRecord extends Contact {
  /** When the contact was offered (an `Instant`): what a `{ period, of: "at" }` dimension reads. */
  readonly at?: Date | number | string | null | undefined;
  /** The agent who handled it. */
  readonly agentId?: string | null | undefined;
  /** The queue or channel. */
  readonly queue?: string | null | undefined;
}

/**
 * Options of {@link tallyContacts}. The thresholds change what the counts
 * mean, so they are part of the tally's fingerprint.
 *
 * @category Reports
 */
export interface TallyContactsOptions<R extends ContactRecord = ContactRecord> {
  /**
   * The dimensions to group by: field names, periods of `at`, or functions.
   * @defaultValue one group of every contact
   */
  readonly by?: readonly Dimension<R>[] | undefined;
  /**
   * The service-level answer target T in ms (`waitMs ≤ thresholdMs` is within T), as {@link serviceLevel}'s.
   * @defaultValue undefined (no service level: the report's `serviceLevel` is `null`)
   */
  readonly thresholdMs?: number | undefined;
  /**
   * Abandons that waited less than this are short abandons, as {@link abandonmentRate}'s.
   * @defaultValue undefined (every abandon counts)
   */
  readonly shortAbandonMs?: number | undefined;
  /**
   * `"throw"` stops at the first bad contact; `"setAside"` leaves it out and counts it.
   * @defaultValue "throw"
   */
  readonly onInvalid?: "throw" | "setAside" | undefined;
  /**
   * The index of the first contact in the whole data set, so that a shard's set-aside indices and paths are global.
   * @defaultValue 0
   */
  readonly firstIndex?: number | undefined;
}

/**
 * The counts of one group of a {@link ContactTally}.
 *
 * @category Reports
 */
export interface ContactGroup {
  /** The group's value of each dimension, in dimension order. */
  readonly key: GroupKey;
  /** Contacts counted in the group. */
  readonly contacts: number;
  /** Answered (handled) contacts. */
  readonly answered: number;
  /** Answered within the threshold (0 without `thresholdMs`). */
  readonly answeredWithin: number;
  /** Abandoned contacts that count (short abandons excluded). */
  readonly abandoned: number;
  /** Short abandons (`waitMs < shortAbandonMs`). */
  readonly shortAbandoned: number;
  /** Abandoned within the threshold, short abandons included (0 without `thresholdMs`). */
  readonly abandonedWithin: number;
  /** Σ talk time of the answered contacts, ms. */
  readonly talkMs: number;
  /** Σ hold time of the answered contacts, ms. */
  readonly holdMs: number;
  /** Σ after-call work of the answered contacts, ms. */
  readonly afterCallWorkMs: number;
}

/**
 * The result of {@link tallyContacts}: plain JSON, mergeable with {@link mergeTallies}.
 *
 * @category Reports
 */
export interface ContactTally extends TallyFrame {
  /** Always `"contacts"`. */
  readonly kind: "contacts";
  /** The tally format's version, `1`. */
  readonly version: 1;
  /** The service-level threshold, ms, or `null` when none was given. */
  readonly thresholdMs: number | null;
  /** The short-abandon threshold, ms, or `null` when none was given. */
  readonly shortAbandonMs: number | null;
  /** One entry per group, sorted by key. */
  readonly groups: readonly ContactGroup[];
}

/**
 * Counts contacts per group in one pass, for handle time, abandonment and service level.
 *
 * Each contact is read once and checked as {@link averageHandleTime},
 * {@link abandonmentRate} and {@link serviceLevel} check it (`waitMs` and
 * `outcome` always; `talkMs`, optional `holdMs` and `afterCallWorkMs` when
 * answered), so {@link contactReport} gives exactly what those functions give
 * on each group's contacts. A bad contact throws, or with `onInvalid:
 * "setAside"` is left out of every figure and counted (records = counted + set aside).
 *
 * @param contacts - The contacts (an array).
 * @param options - `by`, `thresholdMs`, `shortAbandonMs`, `onInvalid`, `firstIndex`.
 * @returns A {@link ContactTally}: plain JSON counts and sums (ms) per group, sorted by key.
 * @throws {MetricInputError} `invalid_type` when `contacts` is not an array or a contact not an object;
 *   `missing_value` / `invalid_value` for the outcome, `missing_value` / `out_of_range` / `not_finite` for a duration (path `contacts[i].waitMs`);
 *   `invalid_option` for a bad option or dimension.
 *
 * @example
 * ```ts
 * import { tallyContacts, contactReport } from "support-metrics";
 * const contacts = [
 *   { queue: "sales", waitMs: 10_000, outcome: "answered", talkMs: 240_000 },
 *   { queue: "sales", waitMs: 40_000, outcome: "abandoned" },
 *   { queue: "help", waitMs: 5_000, outcome: "answered", talkMs: 300_000, afterCallWorkMs: 60_000 },
 * ] as const;
 * const tally = tallyContacts(contacts, { by: ["queue"], thresholdMs: 20_000 });
 * tally.groups.map((g) => g.key); // => [["help"], ["sales"]]
 * contactReport(tally).total.serviceLevel; // => 66.666667
 * tallyContacts([{ waitMs: -1, outcome: "answered", talkMs: 0 }]); // throws out_of_range
 * ```
 * @see {@link contactReport}, {@link mergeTallies}, {@link averageHandleTime}, {@link serviceLevel}
 * @category Reports
 */
export function tallyContacts<R extends ContactRecord>(
  contacts: readonly R[],
  options?: TallyContactsOptions<R>,
): ContactTally {
  const fn = "tallyContacts";
  const o = readOptions(fn, "options", options as TallyContactsOptions | undefined, OPTION_FIELDS);
  const threshold = numberOption(fn, "options.thresholdMs", o.thresholdMs, { expected: DURATION }) ?? Number.NaN;
  const short = numberOption(fn, "options.shortAbandonMs", o.shortAbandonMs, { expected: DURATION }) ?? Number.NaN;
  const dimensions = compileDimensions(fn, o.by, "options.by", PERIOD_FIELDS);
  const pass = tallyPass(fn, dimensions, o);
  const read = (r: Record<string, unknown>, i: number): Reading => readContact(fn, r, `contacts[${i}]`);
  const add = (g: Mutable<ContactGroup>, c: Reading): void => {
    g.contacts++;
    // NaN thresholds (absent) make every comparison false: nothing within, no short abandons.
    const within = +(c.waitMs <= threshold);
    if (c.answered) {
      g.answered++;
      g.answeredWithin += within;
      g.talkMs += c.talkMs;
      g.holdMs += c.holdMs;
      g.afterCallWorkMs += c.afterCallWorkMs;
    } else {
      g.abandonedWithin += within;
      if (c.waitMs < short) g.shortAbandoned++;
      else g.abandoned++;
    }
  };
  const counted = accumulate(fn, contacts, "contacts", pass, read, newContactGroup, add);
  const thresholdMs = Number.isNaN(threshold) ? null : threshold;
  const shortAbandonMs = Number.isNaN(short) ? null : short;
  return {
    kind: "contacts",
    version: 1,
    fingerprint: fingerprintOf({
      kind: "contacts",
      by: dimensions.map((d) => d.fingerprint).join("; "),
      thresholdMs: String(thresholdMs),
      shortAbandonMs: String(shortAbandonMs),
    }),
    dimensions: dimensions.map((d) => d.name),
    thresholdMs,
    shortAbandonMs,
    ...counted,
  };
}

/**
 * Internal: merges contact tallies of one fingerprint for `mergeTallies` (`fn`);
 * each is checked at `tallies[k]`.
 */
export function mergeContactTallies(fn: string, tallies: readonly unknown[]): ContactTally {
  return mergeKind(fn, tallies, readContactTally, addContactGroup, newContactGroup);
}

/** Internal: reads a contact tally at `path`, checking every count. */
export function readContactTally(fn: string, value: unknown, path: string): ContactTally {
  const frame = readTallyFrame(fn, value, path, "contacts");
  const t = value as Record<string, unknown>;
  const thresholdMs = optionalMs(fn, t, path, "thresholdMs");
  const shortAbandonMs = optionalMs(fn, t, path, "shortAbandonMs");
  const groups = checkedTally(
    fn,
    frame,
    path,
    t,
    (g: ContactGroup) => g.contacts,
    (g, at) => readContactGroup(fn, g, at),
  );
  return {
    kind: "contacts",
    version: 1,
    fingerprint: frame.fingerprint,
    dimensions: frame.dimensions,
    thresholdMs,
    shortAbandonMs,
    groups,
    setAside: frame.setAside,
    records: frame.records,
  };
}

/** Internal: the group of every contact of `groups` (key `[]`). */
export function totalContactGroup(groups: readonly ContactGroup[]): ContactGroup {
  const total = newContactGroup([]);
  for (const g of groups) addContactGroup(total, g);
  return total;
}

const OPTION_FIELDS: Fields<TallyContactsOptions> = {
  by: "optional",
  thresholdMs: "optional",
  shortAbandonMs: "optional",
  onInvalid: "optional",
  firstIndex: "optional",
};
const PERIOD_FIELDS = ["at"];
const COUNT_FIELDS = [
  "contacts",
  "answered",
  "answeredWithin",
  "abandoned",
  "shortAbandoned",
  "abandonedWithin",
] as const;
const SUM_FIELDS = ["talkMs", "holdMs", "afterCallWorkMs"] as const;

interface Reading {
  answered: boolean;
  waitMs: number;
  talkMs: number;
  holdMs: number;
  afterCallWorkMs: number;
}

function newContactGroup(key: GroupKey): Mutable<ContactGroup> {
  return {
    key,
    contacts: 0,
    answered: 0,
    answeredWithin: 0,
    abandoned: 0,
    shortAbandoned: 0,
    abandonedWithin: 0,
    talkMs: 0,
    holdMs: 0,
    afterCallWorkMs: 0,
  };
}

function addContactGroup(g: Mutable<ContactGroup>, from: ContactGroup): void {
  for (const field of COUNT_FIELDS) g[field] += from[field];
  for (const field of SUM_FIELDS) g[field] += from[field];
}

/** Reads and checks one contact before anything is counted (the checks of the per-array contact functions). */
function readContact(fn: string, c: Record<string, unknown>, path: string): Reading {
  const waitMs = duration(fn, c, path, "waitMs", false);
  const outcome = c["outcome"];
  const answered = outcome === "answered";
  if (!answered && outcome !== "abandoned") {
    const code =
      outcome === undefined ? "missing_value" : typeof outcome !== "string" ? "invalid_type" : "invalid_value";
    throw inputError(code, fn, `${path}.outcome`, 'an outcome "answered" or "abandoned"', outcome);
  }
  if (!answered) return { answered, waitMs, talkMs: 0, holdMs: 0, afterCallWorkMs: 0 };
  return {
    answered,
    waitMs,
    talkMs: duration(fn, c, path, "talkMs", false),
    holdMs: duration(fn, c, path, "holdMs", true),
    afterCallWorkMs: duration(fn, c, path, "afterCallWorkMs", true),
  };
}

function duration(fn: string, c: Record<string, unknown>, path: string, field: string, optional: boolean): number {
  const v = c[field];
  if (typeof v === "number" && v >= 0 && v < Number.POSITIVE_INFINITY) return v;
  if (v === undefined && optional) return 0;
  return nonNegativeField(fn, `${path}.${field}`, v, { expected: DURATION });
}

function optionalMs(fn: string, t: Record<string, unknown>, path: string, field: string): number | null {
  const v = t[field];
  if (v === null) return null;
  if (typeof v === "number" && v >= 0 && Number.isFinite(v)) return v;
  throw inputError("invalid_value", fn, `${path}.${field}`, "a duration in ms ≥ 0 or null", v);
}

function readContactGroup(fn: string, g: Record<string, unknown>, path: string): ContactGroup {
  const out = newContactGroup(g["key"] as GroupKey);
  for (const field of COUNT_FIELDS) out[field] = readCount(fn, g, path, field);
  for (const field of SUM_FIELDS) out[field] = readSum(fn, g, path, field);
  const consistent =
    out.answered + out.abandoned + out.shortAbandoned === out.contacts &&
    out.answeredWithin <= out.answered &&
    out.abandonedWithin <= out.abandoned + out.shortAbandoned &&
    (out.answered > 0 || out.talkMs + out.holdMs + out.afterCallWorkMs === 0);
  if (!consistent) {
    throw inputError("inconsistent_counts", fn, path, `counts that add up to ${out.contacts} contacts`, g);
  }
  return out;
}
