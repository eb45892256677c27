/**
 * The fingerprint of a tally: a canonical string of the options that change
 * what its numbers mean (asOf, calendar, pauses, SLA policy, α, dimensions).
 * Two tallies merge only when their fingerprints are equal; when they differ,
 * the error names the parts that differ.
 */
import { inputError } from "../internal/messages.js";

/** Internal: the canonical fingerprint of named parts (sorted by name; values are JSON values built in a fixed order). */
export function fingerprintOf(parts: Readonly<Record<string, unknown>>): string {
  const names = Object.keys(parts).sort();
  return JSON.stringify(names.map((name) => [name, parts[name]]));
}

/** Internal: the names of the parts on which two fingerprints differ (all of them when unreadable). */
export function fingerprintDifference(a: string, b: string): string[] {
  const x = partsOf(a);
  const y = partsOf(b);
  if (x === undefined || y === undefined) return ["fingerprint"];
  const names = [...new Set([...x.keys(), ...y.keys()])].sort();
  return names.filter((name) => JSON.stringify(x.get(name)) !== JSON.stringify(y.get(name)));
}

function partsOf(fingerprint: string): Map<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(fingerprint);
    if (!Array.isArray(parsed)) return undefined;
    const out = new Map<string, unknown>();
    for (const part of parsed as unknown[]) {
      if (!Array.isArray(part) || typeof part[0] !== "string") return undefined;
      out.set(part[0], part[1]);
    }
    return out;
  } catch {
    return undefined;
  }
}

/** Internal: throws `inconsistent_counts` at `path` naming what differs when `b` is not `a`. */
export function sameFingerprint(fn: string, path: string, a: string, b: string): void {
  if (a === b) return;
  const differ = fingerprintDifference(a, b);
  throw inputError(
    "inconsistent_counts",
    fn,
    path,
    `a tally made with the same options (they differ in ${differ.join(", ")})`,
    b,
  );
}
