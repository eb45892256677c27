/**
 * Internal: the group bookkeeping shared by the survey and contact tallies:
 * one pass that reads each record once (its answers, then its key), counts it
 * into its group or sets it aside, and the checked reading and merging of such
 * tallies when they come back as JSON.
 */
import { count, type Fields, readOptions, record, type Unchecked } from "../internal/assert.js";
import { compareKeys, GroupIndex } from "../internal/group-keys.js";
import { inputError } from "../internal/messages.js";
import { epochMsOrNaN, toEpochMs } from "../time/instant.js";
import { type CompiledDimension, fieldKey, functionKey } from "./dimensions.js";
import { mergeSetAside, onInvalidOption, type SetAside, SetAsideCollector } from "./set-aside.js";

/**
 * A group's key in a tally: its value of each dimension, in dimension order (`null` for an absent field).
 *
 * @category Reports
 */
export type GroupKey = readonly (string | null)[];

/** A group being counted: its counts writable, its key not. */
export type Mutable<T> = {
  -readonly [K in keyof T]: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? Mutable<T[K]> : T[K];
};

/**
 * The fields every survey and contact tally shares (plain JSON).
 *
 * @category Reports
 */
export interface TallyFrame {
  /** The dimension names, in order. */
  readonly dimensions: readonly string[];
  /** The canonical text of the options that change the counts' meaning; only equal fingerprints merge. */
  readonly fingerprint: string;
  /** The records left out with `onInvalid: "setAside"`. */
  readonly setAside: SetAside;
  /** Records processed: counted + set aside. */
  readonly records: number;
}

/** The compiled per-call part of a tally. */
export interface Pass {
  readonly dimensions: readonly CompiledDimension[];
  readonly setAside: boolean;
  readonly firstIndex: number;
}

/** Internal: the `onInvalid` and `firstIndex` options of a tally. */
export function tallyPass(fn: string, dimensions: readonly CompiledDimension[], o: Record<string, unknown>): Pass {
  const first = o["firstIndex"];
  const firstIndex = first === undefined ? 0 : count(fn, "options.firstIndex", first);
  return { dimensions, setAside: onInvalidOption(fn, o["onInvalid"]), firstIndex };
}

/**
 * Internal: one pass over `list` (named `collection` in paths). `read` checks a
 * record and returns its reading (throwing before anything is counted); it gets
 * the record's index in the whole set and builds its error path
 * (`collection[index]…`) only for a bad value. The key is read next; then `add`
 * counts the reading into its group.
 */
export function accumulate<G extends { key: GroupKey }, R>(
  fn: string,
  list: unknown,
  collection: string,
  pass: Pass,
  read: (r: Record<string, unknown>, index: number) => R,
  newGroup: (key: GroupKey) => G,
  add: (g: G, reading: R) => void,
): { groups: G[]; setAside: SetAside; records: number } {
  if (!Array.isArray(list)) throw inputError("invalid_type", fn, collection, `an array of ${collection}`, list);
  const records: readonly unknown[] = list;
  const dims = pass.dimensions;
  const groups = new GroupIndex<G>(dims.length);
  const aside = new SetAsideCollector();
  const key: (string | null)[] = new Array(dims.length);
  for (let i = 0; i < records.length; i++) {
    const gi = i + pass.firstIndex;
    let reading: R;
    try {
      const value = records[i];
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw inputError("invalid_type", fn, `${collection}[${gi}]`, "an object", value);
      }
      const r = value as Record<string, unknown>;
      reading = read(r, gi);
      for (let k = 0; k < dims.length; k++) {
        const d = dims[k] as CompiledDimension;
        if (d.kind === "field") key[k] = fieldKey(fn, r, d.field, collection, gi);
        else if (d.kind === "function") key[k] = functionKey(fn, d, value, collection, gi, gi);
        else key[k] = periodKey(fn, d, r[d.field], collection, gi);
      }
    } catch (error) {
      if (!pass.setAside) throw error;
      aside.add(gi, error);
      continue;
    }
    let g = groups.get(key);
    if (g === undefined) {
      g = newGroup(key.slice());
      groups.add(key, g);
    }
    add(g, reading);
  }
  const sorted = groups.groups.sort((a, b) => compareKeys(a.key, b.key));
  return { groups: sorted, setAside: aside.toJSON(), records: records.length };
}

/** The period label of instant `at` (`null` when absent) of record `gi`; the error path is built only for a bad instant. */
function periodKey(fn: string, d: CompiledDimension, at: unknown, collection: string, gi: number): string | null {
  if (at === undefined || at === null) return null;
  const ms = epochMsOrNaN(at);
  return d.label(Number.isNaN(ms) ? toEpochMs(fn, `${collection}[${gi}].${d.field}`, at) : ms);
}

/**
 * Internal: the merge of one kind for `mergeTallies` (which has checked that
 * the kinds and fingerprints agree): each tally is read with `read` at
 * `tallies[k]`; groups unite by key and `add` sums them; set-asides and
 * records add; groups sorted by key.
 */
export function mergeKind<
  G extends { readonly key: GroupKey },
  M extends G,
  T extends TallyFrame & { readonly groups: readonly G[] },
>(
  fn: string,
  tallies: readonly unknown[],
  read: (fn: string, value: unknown, path: string) => T,
  add: (into: M, from: G) => void,
  newGroup: (key: GroupKey) => M,
): T {
  const checked = tallies.map((t, k) => read(fn, t, `tallies[${k}]`));
  const first = checked[0] as T;
  const groups = new GroupIndex<M>(first.dimensions.length);
  let setAside = first.setAside;
  let records = first.records;
  for (let k = 0; k < checked.length; k++) {
    const t = checked[k] as T;
    if (k > 0) {
      setAside = mergeSetAside(setAside, t.setAside);
      records += t.records;
    }
    for (const g of t.groups) {
      let into = groups.get(g.key);
      if (into === undefined) {
        into = newGroup(g.key.slice());
        groups.add(g.key, into);
      }
      add(into, g);
    }
  }
  const sorted = groups.groups.sort((a, b) => compareKeys(a.key, b.key));
  return { ...first, groups: sorted, setAside, records };
}

/**
 * Internal: reads the common part of a tally of `kind` at `path`: version,
 * fingerprint, dimensions, set-aside and records.
 */
export function readTallyFrame(fn: string, value: unknown, path: string, kind: string): TallyFrame {
  const t = record(fn, path, value, { expected: `a ${kind} tally` });
  if (t["kind"] !== kind) throw inputError("invalid_value", fn, `${path}.kind`, `"${kind}"`, t["kind"]);
  if (t["version"] !== 1) throw inputError("invalid_value", fn, `${path}.version`, "1", t["version"]);
  const fingerprint = t["fingerprint"];
  if (typeof fingerprint !== "string") {
    throw inputError("invalid_type", fn, `${path}.fingerprint`, "a fingerprint (a string)", fingerprint);
  }
  const dims = t["dimensions"];
  if (!Array.isArray(dims) || !dims.every((d) => typeof d === "string")) {
    throw inputError("invalid_type", fn, `${path}.dimensions`, "an array of dimension names", dims);
  }
  const records = count(fn, `${path}.records`, t["records"]);
  const setAside = readSetAside(fn, t["setAside"], `${path}.setAside`);
  if (setAside.count > records) {
    throw inputError(
      "inconsistent_counts",
      fn,
      `${path}.setAside.count`,
      `at most records (${records})`,
      setAside.count,
    );
  }
  return { dimensions: dims as string[], fingerprint, setAside, records };
}

/**
 * Internal: checks the `groups` of a tally at `path`, each with `readGroup`,
 * their keys (one value per dimension, sorted, distinct) and that the counted
 * records plus the set-aside ones are the records processed.
 */
export function checkedTally<G extends { readonly key: GroupKey }>(
  fn: string,
  frame: TallyFrame,
  path: string,
  value: Record<string, unknown>,
  countOf: (g: G) => number,
  readGroup: (g: Record<string, unknown>, path: string) => G,
): G[] {
  const list = value["groups"];
  if (!Array.isArray(list)) throw inputError("invalid_type", fn, `${path}.groups`, "an array of groups", list);
  const out: G[] = [];
  let counted = 0;
  for (let k = 0; k < list.length; k++) {
    const at = `${path}.groups[${k}]`;
    const g = record(fn, at, list[k] as unknown, { expected: "a group" });
    const key = g["key"];
    if (
      !Array.isArray(key) ||
      key.length !== frame.dimensions.length ||
      !key.every((v) => v === null || typeof v === "string")
    ) {
      throw inputError(
        "invalid_type",
        fn,
        `${at}.key`,
        `${frame.dimensions.length} group values (strings or null)`,
        key,
      );
    }
    const previous = out[k - 1];
    if (previous !== undefined && compareKeys(previous.key, key) >= 0) {
      throw inputError("invalid_value", fn, `${at}.key`, "keys sorted and distinct", key);
    }
    const checked = readGroup(g, at);
    counted += countOf(checked);
    out.push(checked);
  }
  if (counted + frame.setAside.count !== frame.records) {
    const expected = `records = counted (${counted}) + set aside (${frame.setAside.count})`;
    throw inputError("inconsistent_counts", fn, `${path}.records`, expected, frame.records);
  }
  return out;
}

/** Internal: an object at `path` whose `fields` are counts (others are read by the caller). */
export function readCounts(
  fn: string,
  value: unknown,
  path: string,
  fields: readonly string[],
): Record<string, unknown> {
  const o = record(fn, path, value, {
    expected: fields.length > 0 ? `an object { ${fields.join(", ")} }` : "an object",
  });
  for (const field of fields)
    o[field] === undefined ? missing(fn, `${path}.${field}`) : count(fn, `${path}.${field}`, o[field]);
  return o;
}

/** Internal: a count field of `o` at `path.field` (absent is `missing_value`). */
export function readCount(fn: string, o: Record<string, unknown>, path: string, field: string): number {
  const v = o[field];
  if (v === undefined) missing(fn, `${path}.${field}`);
  return count(fn, `${path}.${field}`, v);
}

/** Internal: a finite number ≥ 0 (a sum of durations) at `path.field`. */
export function readSum(fn: string, o: Record<string, unknown>, path: string, field: string): number {
  const v = o[field];
  if (v === undefined) missing(fn, `${path}.${field}`);
  if (typeof v === "number" && v >= 0 && Number.isFinite(v)) return v;
  throw inputError(
    typeof v === "number" ? (Number.isFinite(v) ? "out_of_range" : "not_finite") : "invalid_type",
    fn,
    `${path}.${field}`,
    "a sum in ms ≥ 0",
    v,
  );
}

function missing(fn: string, path: string): never {
  throw inputError("missing_value", fn, path, "a count (an integer ≥ 0)", undefined);
}

function readSetAside(fn: string, value: unknown, path: string): SetAside {
  const s = record(fn, path, value, { expected: "a set-aside { count, byCode, first }" });
  const total = count(fn, `${path}.count`, s["count"]);
  const byCode = record(fn, `${path}.byCode`, s["byCode"], { expected: "an object of counts by code" });
  let sum = 0;
  for (const code of Object.keys(byCode)) sum += count(fn, `${path}.byCode.${code}`, byCode[code]);
  if (sum !== total) throw inputError("inconsistent_counts", fn, `${path}.count`, `the sum of byCode (${sum})`, total);
  const first = s["first"];
  if (!Array.isArray(first)) throw inputError("invalid_type", fn, `${path}.first`, "an array of entries", first);
  return { count: total, byCode: byCode as Record<string, number>, first: first as SetAside["first"] };
}

/** Internal: a report's options object of the keys `fields` only (as every options object, through readOptions). */
export function reportOptions<T>(fn: string, value: T | undefined, fields: Fields<T>): Unchecked<T> {
  return readOptions(fn, "options", value, fields);
}
