import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateLargestRemainder } from "../../src/index.js";

const weights = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0, max: 10_000 }),
      fc.integer({ min: 0, max: 100_000 }).map((x) => x / 100),
    ),
    {
      minLength: 1,
      maxLength: 40,
    },
  )
  .filter((ws) => ws.some((w) => w > 0));
const total = fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

describe("allocateLargestRemainder properties", () => {
  it("pool shares always sum to the pool", () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocateLargestRemainder(t, ws);
        expect(parts.reduce((s, x) => s + BigInt(x), 0n)).toBe(BigInt(t));
        for (const p of parts) expect(Number.isSafeInteger(p) && p >= 0).toBe(true);
      }),
    );
  });

  it("each share differs from its exact share by less than one minor unit", () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocateLargestRemainder(t, ws);
        // Exact check in BigInt: weights scaled by 100 are integers; |part·Σw − t·w| < Σw.
        const scaled = ws.map((w) => BigInt(Math.round(w * 100)));
        const sum = scaled.reduce((s, w) => s + w, 0n);
        parts.forEach((p, i) => {
          let diff = BigInt(p) * sum - BigInt(t) * scaled[i]!;
          if (diff < 0n) diff = -diff;
          expect(diff < sum).toBe(true);
        });
      }),
    );
  });

  it("does not depend on order when tie-broken by keys", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), weights, (t, ws) => {
        const keys = ws.map((_, i) => `k${String(i).padStart(3, "0")}`);
        const parts = allocateLargestRemainder(t, ws, { tieBreak: keys });
        const order = ws.map((_, i) => i).reverse();
        const reversed = allocateLargestRemainder(
          t,
          order.map((i) => ws[i]!),
          { tieBreak: order.map((i) => keys[i]!) },
        );
        expect(order.map((_, k) => reversed[order.length - 1 - k])).toEqual(parts);
      }),
    );
  });

  it("a larger weight never gets a smaller part", () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = allocateLargestRemainder(t, ws);
        for (let i = 0; i < ws.length; i++) {
          for (let j = 0; j < ws.length; j++) if (ws[i]! > ws[j]!) expect(parts[i]!).toBeGreaterThanOrEqual(parts[j]!);
        }
      }),
    );
  });
});

/** Hamilton's method in BigInt, the oracle: floors, then leftover units by remainder, weight, position. */
function hamilton(total: bigint, ws: readonly bigint[]): bigint[] {
  const sum = ws.reduce((s, w) => s + w, 0n);
  const parts = ws.map((w) => (total * w) / sum);
  const order = ws.map((w, i) => ({ i, w, r: total * w - parts[i]! * sum }));
  order.sort((a, b) => (a.r !== b.r ? (a.r > b.r ? -1 : 1) : a.w !== b.w ? (a.w > b.w ? -1 : 1) : a.i - b.i));
  let left = total - parts.reduce((s, p) => s + p, 0n);
  for (let k = 0; left > 0n; k++, left--) parts[order[k]!.i]! += 1n;
  return parts;
}

describe("allocateLargestRemainder near the edge of exact doubles", () => {
  it("the double path always equals integer arithmetic when total × weight + Σw comes close to 2^53", () => {
    // Integer weights; the total is chosen so that total·max(w) + Σw lies just below (or at)
    // Number.MAX_SAFE_INTEGER, the largest products the double path takes.
    const edge = fc
      .tuple(
        fc.array(fc.integer({ min: 1, max: 2 ** 20 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 2 ** 20 }),
      )
      .map(([ws, below]) => {
        const max = BigInt(Math.max(...ws));
        const sum = ws.reduce((s, w) => s + BigInt(w), 0n);
        const top = (BigInt(Number.MAX_SAFE_INTEGER) - sum) / max;
        const t = top - BigInt(below) < 0n ? 0n : top - BigInt(below);
        return { ws, total: Number(t) };
      });
    fc.assert(
      fc.property(edge, ({ ws, total }) => {
        const expected = hamilton(BigInt(total), ws.map(BigInt)).map(Number);
        expect(allocateLargestRemainder(total, ws)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
