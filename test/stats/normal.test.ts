import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../src/index.js";

describe("normalQuantile", () => {
  // Oracle: mpmath 50-digit sqrt(2)·erfinv(2p − 1) (equals R qnorm to the digits shown).
  it.each([
    [0.975, 1.959963984540054],
    [0.995, 2.5758293035489004],
    [0.9, 1.2815515655446004],
    [0.05, -1.6448536269514729],
    [0.8413447460685429, 1.0],
    [1e-10, -6.3613409024040557],
    [1e-300, -37.0470962993612],
    [0.999999, 4.753424308822899],
    [0.02425, -1.9729610513118849],
  ])("qnorm(%s) = %s", (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-9 * Math.max(1, Math.abs(z)));
  });

  it("rejects probabilities outside (0, 1) and non-numbers", () => {
    for (const bad of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(() => normalQuantile(bad)).toThrow(
        expect.objectContaining({ code: "out_of_range", fn: "normalQuantile", path: "p", received: bad }),
      );
    }
    expect(() => normalQuantile("0.5" as unknown as number)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "p" }),
    );
  });

  it("always inverts normalCdf to 1e-9", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-9 * Math.min(p, 1 - p) + 1e-15);
      }),
    );
  });

  // Monotone up to floating-point noise: at one-ulp spacing of p the refinement
  // step can move z by ~1e-15 relative (shrunk counterexample: 1e-9 vs 1.000000000000001e-9).
  it("never decreases in p by more than 1e-12 relative", () => {
    const z1 = normalQuantile(1e-9);
    const z2 = normalQuantile(1.000000000000001e-9);
    expect(z2 - z1).toBeGreaterThan(-1e-12 * Math.abs(z1));
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (a, b) => {
          fc.pre(a < b);
          const za = normalQuantile(a);
          expect(normalQuantile(b) - za).toBeGreaterThan(-1e-12 * Math.max(1, Math.abs(za)));
        },
      ),
    );
  });
});

describe("normalCdf", () => {
  // Oracle: mpmath ncdf at 50 digits (R pnorm agrees).
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.959963984540054, 0.025],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [-10, 7.619853024160527e-24],
  ])("pnorm(%s) = %s", (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-13 + 1e-10 * p);
  });
  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-14);
      }),
    );
  });
  it("rejects NaN and non-numbers", () => {
    expect(() => normalCdf(Number.NaN)).toThrow(
      expect.objectContaining({ code: "not_finite", fn: "normalCdf", path: "x" }),
    );
    expect(() => normalCdf(null as unknown as number)).toThrow(
      expect.objectContaining({ code: "invalid_type", fn: "normalCdf", path: "x" }),
    );
  });
});

describe("normalQuantile in the far lower tail", () => {
  // scipy 1.17 scipy.stats.norm.ppf, confirmed with mpmath 1.3 (findroot on ncdf, 50 digits).
  it.each([
    [5e-324, -38.467405617144344], // mpmath: -38.467405617144346
    [1e-320, -38.26912534303265],
    [5.6e-311, -37.67844125103879],
    [1e-305, -37.3563460930671], // mpmath: -37.356346093067104
    [1e-300, -37.0470962993612],
    [1e-299, -36.98493649690257],
  ])("normalQuantile(%s) is finite and matches scipy (%s)", (p, expected) => {
    const x = normalQuantile(p);
    expect(Number.isFinite(x)).toBe(true);
    expect(Math.abs(x - expected)).toBeLessThanOrEqual(1e-13 * Math.abs(expected));
  });

  it("never returns NaN for any p in (0, 1), subnormals included", () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e-290, noNaN: true }), (p) => {
        expect(Number.isFinite(normalQuantile(p))).toBe(true);
      }),
    );
  });
});
