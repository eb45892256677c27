import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDuration, formatNpsPoints } from "../../src/index.js";

const UNIT = { ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 } as Record<string, number>;

describe("formatting properties", () => {
  it("formatDuration always reads back within half of its smallest unit", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 400 * 86_400_000, noNaN: true }), (ms) => {
        const text = formatDuration(ms);
        const parts = [...text.matchAll(/(\d+) (ms|s|min|h|d)/g)];
        expect(parts.length).toBeGreaterThan(0);
        expect(parts.length).toBeLessThanOrEqual(2);
        const back = parts.reduce((sum, [, n, unit]) => sum + Number(n) * UNIT[unit!]!, 0);
        const smallest = UNIT[parts[parts.length - 1]![2]!]!;
        expect(Math.abs(back - ms)).toBeLessThanOrEqual(smallest / 2 + 1e-6);
        for (const [, n, unit] of parts.slice(1)) expect(Number(n)).toBeLessThan(unit === "h" ? 24 : 60);
      }),
    );
  });

  it("formatNpsPoints never writes a minus zero and always signs a positive value", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (v) => {
        const text = formatNpsPoints(v);
        expect(text).not.toMatch(/^-0\.0$/);
        if (Number(v.toFixed(1)) > 0) expect(text.startsWith("+")).toBe(true);
      }),
    );
  });
});
