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
