import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CesDirection, type CesScale, ces, cesCounts, cesFromCounts, mergeCounts } from "../../src/index.js";
import { invalidScore, withPermutation } from "./arbitraries.js";

const setup = fc
  .record({
    scale: fc.constantFrom<CesScale>(5, 7),
    direction: fc.constantFrom<CesDirection>("higher-is-easier", "higher-is-harder"),
  })
  .chain((o) =>
    fc.record({ o: fc.constant(o), ratings: fc.array(fc.integer({ min: 1, max: o.scale }), { maxLength: 200 }) }),
  );

const flip = (d: CesDirection): CesDirection => (d === "higher-is-easier" ? "higher-is-harder" : "higher-is-easier");

describe("ces properties", () => {
  it("percent-easy always lies within 0–100, net within −100…100, the mean within 1…scale; null only for no ratings", () => {
    fc.assert(
      fc.property(setup, ({ o, ratings }) => {
        const easy = ces(ratings, o);
        const net = ces(ratings, { ...o, method: "net" });
        const mean = ces(ratings, { ...o, method: "mean" });
        if (ratings.length === 0) {
          expect([easy, net, mean]).toEqual([null, null, null]);
          return;
        }
        expect(easy!).toBeGreaterThanOrEqual(0);
        expect(easy!).toBeLessThanOrEqual(100);
        expect(net!).toBeGreaterThanOrEqual(-100);
        expect(net!).toBeLessThanOrEqual(100);
        expect(mean!).toBeGreaterThanOrEqual(1);
        expect(mean!).toBeLessThanOrEqual(o.scale);
      }),
    );
  });

  it("mirroring every rating and flipping the direction never changes percent-easy, net or the tally's sides", () => {
    fc.assert(
      fc.property(setup, ({ o, ratings }) => {
        const mirrored = ratings.map((r) => o.scale + 1 - r);
        const other = { scale: o.scale, direction: flip(o.direction) };
        expect(ces(mirrored, other)).toBe(ces(ratings, o));
        expect(ces(mirrored, { ...other, method: "net" })).toBe(ces(ratings, { ...o, method: "net" }));
        const a = cesCounts(ratings, o);
        const b = cesCounts(mirrored, other);
        expect([b.easy, b.neutral, b.hard]).toEqual([a.easy, a.neutral, a.hard]);
      }),
    );
  });

  it("net always equals % easy − % hard, the hard side being the easy side of the flipped direction", () => {
    fc.assert(
      fc.property(setup, ({ o, ratings }) => {
        if (ratings.length === 0) return;
        const easy = ces(ratings, o)!;
        const hard = ces(ratings, { scale: o.scale, direction: flip(o.direction) })!;
        expect(ces(ratings, { ...o, method: "net" })!).toBeCloseTo(easy - hard, 9);
      }),
    );
  });

  it("the mean never depends on the direction", () => {
    fc.assert(
      fc.property(setup, ({ o, ratings }) => {
        expect(ces(ratings, { ...o, method: "mean" })).toBe(
          ces(ratings, { scale: o.scale, direction: flip(o.direction), method: "mean" }),
        );
      }),
    );
  });

  it("ces always agrees with cesFromCounts of cesCounts, and merged halves equal the whole", () => {
    fc.assert(
      fc.property(
        setup,
        fc.nat(),
        fc.constantFrom("percent-easy", "mean", "net" as const),
        ({ o, ratings }, cut, method) => {
          expect(ces(ratings, { ...o, method })).toBe(cesFromCounts(cesCounts(ratings, o), { scale: o.scale, method }));
          const i = cut % (ratings.length + 1);
          expect(mergeCounts(cesCounts(ratings.slice(0, i), o), cesCounts(ratings.slice(i), o))).toEqual(
            cesCounts(ratings, o),
          );
        },
      ),
    );
  });

  it("does not depend on response order, and duplicating every response changes nothing", () => {
    fc.assert(
      fc.property(withPermutation(fc.integer({ min: 1, max: 7 })), ([xs, ys]) => {
        for (const method of ["percent-easy", "mean", "net"] as const) {
          expect(ces(ys, { method })).toBe(ces(xs, { method }));
          if (xs.length > 0) expect(ces([...xs, ...xs], { method })).toBe(ces(xs, { method }));
        }
      }),
    );
  });

  it("any invalid rating always throws its documented code with the path ratings[i]", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 })), invalidScore(1, 5), fc.nat(), (valid, bad, at) => {
        const i = at % (valid.length + 1);
        const ratings = [...valid.slice(0, i), bad.value, ...valid.slice(i)] as number[];
        expect(() => ces(ratings, { scale: 5 })).toThrow(
          expect.objectContaining({ code: bad.code, fn: "ces", path: `ratings[${i}]` }),
        );
      }),
    );
  });
});
