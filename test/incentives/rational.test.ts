import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  decimalString,
  div,
  floor,
  fractionString,
  fromNumber,
  mul,
  parseDecimal,
  ratio,
  sub,
} from "../../src/incentives/rational.js";
import { roundRational } from "../../src/incentives/rounding.js";
import type { RoundingMode } from "../../src/index.js";

const q = (n: number, d = 1) => ratio(BigInt(n), BigInt(d));

describe("rational", () => {
  it("normalises by the gcd, with a positive denominator", () => {
    expect(ratio(6n, -4n)).toEqual({ n: -3n, d: 2n });
    expect(ratio(0n, 7n)).toEqual({ n: 0n, d: 1n });
    expect(fractionString(div(mul(q(16000), q(385, 6)), q(100)))).toBe("30800/3"); // ben's scorecard
  });

  it("adds, subtracts, multiplies, divides and compares exactly", () => {
    expect(add(q(1, 3), q(1, 6))).toEqual(q(1, 2));
    expect(sub(q(1, 3), q(1, 2))).toEqual(q(-1, 6));
    expect(compare(q(1, 3), q(333, 1000))).toBe(1);
    expect(compare(q(2, 4), q(1, 2))).toBe(0);
    expect(floor(q(-7, 2))).toBe(-4n);
    expect(floor(q(7, 2))).toBe(3n);
  });

  it("reads numbers through their shortest decimal spelling, exponent forms included", () => {
    expect(fromNumber(96.5)).toEqual(q(193, 2)); // 965/10
    expect(fromNumber(0.1)).toEqual(q(1, 10)); // not 3602879701896397/36028797018963968
    expect(fromNumber(1e-7)).toEqual(q(1, 10_000_000));
    expect(fromNumber(1.5e-7)).toEqual(q(3, 20_000_000));
    expect(fromNumber(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(fromNumber(-2.5e22)).toEqual({ n: -25n * 10n ** 21n, d: 1n });
    expect(fromNumber(0.1 + 0.2)).toEqual(ratio(30000000000000004n, 10n ** 17n));
    expect(fromNumber(-0)).toEqual(q(0));
  });

  it("parses plain decimal strings only", () => {
    expect(parseDecimal("112.5")).toEqual(q(225, 2));
    expect(parseDecimal("-0.25")).toEqual(q(-1, 4));
    expect(parseDecimal("0")).toEqual(q(0));
    for (const bad of ["1e3", "+1", ".5", "5.", "01", "1,5", "", " 1", "0x10", "Infinity", "NaN"]) {
      expect(parseDecimal(bad)).toBeNull();
    }
  });

  it("prints terminating values as decimals and the rest rounded with ≈", () => {
    expect(decimalString(q(193, 2))).toBe("96.5");
    expect(decimalString(q(1, 40))).toBe("0.025");
    expect(decimalString(q(-1, 20))).toBe("-0.05");
    expect(decimalString(q(30800, 3))).toBe("≈10266.67");
  });
});

describe("roundRational (once per line)", () => {
  // Known answers: Java BigDecimal RoundingMode HALF_UP (half away from zero), HALF_EVEN, DOWN, UP.
  const cases: [number, number, Record<RoundingMode, number>][] = [
    [5, 2, { halfAwayFromZero: 3, halfEven: 2, down: 2, up: 3 }],
    [7, 2, { halfAwayFromZero: 4, halfEven: 4, down: 3, up: 4 }],
    [-5, 2, { halfAwayFromZero: -3, halfEven: -2, down: -2, up: -3 }],
    [-7, 2, { halfAwayFromZero: -4, halfEven: -4, down: -3, up: -4 }],
    [30800, 3, { halfAwayFromZero: 10267, halfEven: 10267, down: 10266, up: 10267 }],
    [21, 10, { halfAwayFromZero: 2, halfEven: 2, down: 2, up: 3 }],
    [-21, 10, { halfAwayFromZero: -2, halfEven: -2, down: -2, up: -3 }],
    [1, 2, { halfAwayFromZero: 1, halfEven: 0, down: 0, up: 1 }],
    [4, 1, { halfAwayFromZero: 4, halfEven: 4, down: 4, up: 4 }],
  ];
  it.each(cases)("%i/%i", (n, d, expected) => {
    for (const mode of Object.keys(expected) as RoundingMode[]) {
      expect([mode, roundRational(q(n, d), mode)]).toEqual([mode, BigInt(expected[mode])]);
    }
  });
});
