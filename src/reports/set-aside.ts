/**
 * The set-aside collector of `onInvalid: "setAside"`: a record that would throw
 * is left out of every figure and counted here by error code, with the first
 * few kept. The rule: records processed = records counted + records set aside.
 */
import { MetricInputError } from "../errors.js";
import { inputError } from "../internal/messages.js";

/**
 * One record left out of a tally, as the error it would have thrown.
 *
 * @category Reports
 */
export interface SetAsideEntry {
  /** The record's index in the input (plus `firstIndex` when given). */
  readonly index: number;
  /** The path of the bad value, e.g. `"tickets[12].resolvedAt"`. */
  readonly path: string;
  /** The error code, e.g. `"inconsistent_instants"`. */
  readonly code: string;
  /** The error message. */
  readonly message: string;
}

/**
 * The records a tally left out with `onInvalid: "setAside"`.
 *
 * @category Reports
 */
export interface SetAside {
  /** How many records were set aside. */
  readonly count: number;
  /** How many by error code (keys in code-unit order). */
  readonly byCode: Readonly<Record<string, number>>;
  /** The first 10 entries by index (then path, code, message). */
  readonly first: readonly SetAsideEntry[];
}

/** How many set-aside entries a tally keeps. */
export const SET_ASIDE_KEPT = 10;

/** Internal: the `onInvalid` option. */
export function onInvalidOption(fn: string, value: unknown): boolean {
  if (value === undefined || value === "throw") return false;
  if (value === "setAside") return true;
  throw inputError("invalid_option", fn, "options.onInvalid", '"throw" or "setAside"', value);
}

/** Internal: collects set-aside records. */
export class SetAsideCollector {
  count = 0;
  private readonly byCode = new Map<string, number>();
  private readonly first: SetAsideEntry[] = [];

  /** Records `error` for record `index`; rethrows anything that is not a `MetricInputError`. */
  add(index: number, error: unknown): void {
    if (!(error instanceof MetricInputError)) throw error;
    this.count++;
    this.byCode.set(error.code, (this.byCode.get(error.code) ?? 0) + 1);
    if (this.first.length < SET_ASIDE_KEPT) {
      this.first.push({ index, path: error.path, code: error.code, message: error.message });
    }
  }

  toJSON(): SetAside {
    const byCode: Record<string, number> = {};
    for (const code of [...this.byCode.keys()].sort()) byCode[code] = this.byCode.get(code) as number;
    return { count: this.count, byCode, first: this.first.slice() };
  }
}

/** Internal: merges trusted set-asides: counts add, the first entries are the smallest by index. */
export function mergeSetAside(a: SetAside, b: SetAside): SetAside {
  const codes = new Map<string, number>();
  for (const s of [a, b])
    for (const code of Object.keys(s.byCode)) codes.set(code, (codes.get(code) ?? 0) + (s.byCode[code] as number));
  const byCode: Record<string, number> = {};
  for (const code of [...codes.keys()].sort()) byCode[code] = codes.get(code) as number;
  const first = [...a.first, ...b.first].sort(compareEntries).slice(0, SET_ASIDE_KEPT);
  return { count: a.count + b.count, byCode, first };
}

function compareEntries(x: SetAsideEntry, y: SetAsideEntry): number {
  if (x.index !== y.index) return x.index - y.index;
  for (const field of ["path", "code", "message"] as const) {
    if (x[field] !== y[field]) return x[field] < y[field] ? -1 : 1;
  }
  return 0;
}
