/**
 * Rounding an exact line amount to whole minor units, once per line (spec §5).
 * Internal: the modes are chosen in the plan (`rounding.mode`).
 */
import type { Rational } from "./rational.js";
import type { RoundingMode } from "./schema.js";

/** The rounding modes a plan may name, in the order the docs list them. */
export const ROUNDING_MODES: readonly RoundingMode[] = ["halfAwayFromZero", "halfEven", "down", "up"];

/**
 * Rounds `a` to an integer with `mode`:
 * - `halfAwayFromZero`: nearest, halves away from zero (2.5 → 3, −2.5 → −3), the payroll default;
 * - `halfEven`: nearest, halves to the even neighbour (2.5 → 2, 3.5 → 4, −2.5 → −2), banker's rounding;
 * - `down`: toward zero (2.7 → 2, −2.7 → −2), Java's `RoundingMode.DOWN`;
 * - `up`: away from zero (2.1 → 3, −2.1 → −3), Java's `RoundingMode.UP`.
 */
export function roundRational(a: Rational, mode: RoundingMode): bigint {
  if (a.d === 1n) return a.n;
  const negative = a.n < 0n;
  const abs = negative ? -a.n : a.n;
  const q = abs / a.d;
  const twice = (abs - q * a.d) * 2n;
  let r: bigint;
  switch (mode) {
    case "halfAwayFromZero":
      r = twice >= a.d ? q + 1n : q;
      break;
    case "halfEven":
      r = twice > a.d || (twice === a.d && q % 2n === 1n) ? q + 1n : q;
      break;
    case "down":
      r = q;
      break;
    case "up":
      r = q + 1n;
      break;
    default:
      return unreachable(mode);
  }
  return negative ? -r : r;
}

/** The never-check of exhaustive switches: a compile error if a case is missing. */
export function unreachable(value: never): never {
  throw new Error(`unreachable: ${String(value)}`);
}
