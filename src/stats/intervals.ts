/**
 * Internal interval cores shared by the survey metrics and the leaderboard.
 * They trust their input: public wrappers validate.
 */

/** Wilson score interval bounds as fractions 0–1 for `successes` of `total` (> 0) at critical value `z`. */
export function wilsonBounds(successes: number, total: number, z: number): { lower: number; upper: number } {
  const p = successes / total;
  const z2 = z * z;
  const denom = 1 + z2 / total;
  const centre = p + z2 / (2 * total);
  const half = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  // At 0 and n successes the exact bounds are 0 and 1; avoid rounding noise there.
  const lower = successes === 0 ? 0 : Math.max(0, (centre - half) / denom);
  const upper = successes === total ? 1 : Math.min(1, (centre + half) / denom);
  return { lower, upper };
}
