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
