/**
 * Internal: the order of group keys, shared by the tallies (`src/reports/`) and
 * the readers of SQL tally rows (`src/sql/`), so that a tally built in a
 * warehouse lists its groups in the same order as one built in JavaScript.
 */

/**
 * Compares two group keys (one value per dimension) element by element:
 * `null` first, then strings in code-unit order (what `<` does, the same on
 * every runtime and independent of the locale).
 */
export function compareKeys(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as string | null;
    const y = b[k] as string | null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Internal: the groups of a tally found by their key (one value per
 * dimension), with one `Map` level per dimension, so that finding a record's
 * group builds no string: a joined key string per record cost an allocation
 * and a hash of the whole key, and made a two-dimension tally several times
 * slower than a one-dimension one.
 */
export class GroupIndex<G> {
  private readonly root = new Map<string | null, unknown>();
  private readonly depth: number;
  /** Every group, in the order it was added. */
  readonly groups: G[] = [];

  /** @param depth - The number of dimensions (0: one group). */
  constructor(depth: number) {
    this.depth = depth;
  }

  /** The group of `key`, or `undefined`. */
  get(key: readonly (string | null)[]): G | undefined {
    let level = this.root;
    const last = this.depth - 1;
    for (let k = 0; k < last; k++) {
      const next = level.get(key[k] as string | null);
      if (next === undefined) return undefined;
      level = next as Map<string | null, unknown>;
    }
    return level.get(last < 0 ? null : (key[last] as string | null)) as G | undefined;
  }

  /** Adds group `g` under `key`, which has none yet. */
  add(key: readonly (string | null)[], g: G): void {
    let level = this.root;
    const last = this.depth - 1;
    for (let k = 0; k < last; k++) {
      const value = key[k] as string | null;
      let next = level.get(value) as Map<string | null, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    level.set(last < 0 ? null : (key[last] as string | null), g);
    this.groups.push(g);
  }
}
