import { describe, expect, it } from "vitest";
import { csat, csatCounts, csatFromCounts } from "../../src/index.js";
import { code } from "../helpers/errors.js";

// Option shapes and expected texts the mutation run found unpinned.

describe("csat options and messages", () => {
  it("scale: null, an array or a number is invalid_option at options.scale, never the default scale", () => {
    for (const scale of [null, [1, 5], 5, "1-5"]) {
      expect(() => csat([5], { scale: scale as never }), String(scale)).toThrow(
        code("invalid_option", { fn: "csat", path: "options.scale", received: scale }),
      );
    }
    expect(() => csatCounts([5], { scale: null as never })).toThrow(
      /csatCounts: expected a scale \{ min, max \} of integers with min < max/,
    );
    expect(() => csatCounts([5], { scale: null as never })).toThrow(
      code("invalid_option", { fn: "csatCounts", path: "options.scale", received: null }),
    );
  });

  it("an absent scale is 1–5", () => {
    expect(csat([4, 5, 3], { scale: undefined })).toBeCloseTo((2 * 100) / 3, 12);
    expect(() => csat([6], { scale: undefined })).toThrow(code("out_of_range", { path: "ratings[0]" }));
  });

  it("the messages name the scale's ratings and the bound of satisfied", () => {
    expect(() => csat("5" as never, { scale: { min: 0, max: 10 } })).toThrow(/an array of ratings 0–10/);
    expect(() => csat("5" as never, { scale: { min: 0, max: 10 } })).toThrow(
      code("invalid_type", { fn: "csat", path: "ratings", received: "5" }),
    );
    expect(() => csat([5], { scale: { min: 0, max: 10 }, satisfiedFrom: 11 })).toThrow(
      /expected an integer rating 0–10 but received 11/,
    );
    expect(() => csat([5], { scale: { min: 0, max: 10 }, satisfiedFrom: 11 })).toThrow(
      code("invalid_option", { fn: "csat", path: "options.satisfiedFrom", received: 11 }),
    );
    expect(() => csatFromCounts({ satisfied: 3, total: 2 })).toThrow(
      code("inconsistent_counts", { fn: "csatFromCounts", path: "counts.satisfied", received: 3 }),
    );
    expect(() => csatFromCounts({ satisfied: 3, total: 2 })).toThrow(/at most total \(2\)/);
  });
});
