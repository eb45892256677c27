import { describe, expect, it } from "vitest";
import { ces, cesCounts, csat, csatCounts, nps, npsCounts } from "../../src/index.js";
import { code } from "../helpers/errors.js";

/** Values that make JavaScript's own number conversion throw a TypeError. */
const garbage: [string, unknown][] = [
  ["a Symbol", Symbol("score")],
  ["a BigInt", 5n],
  ["an object without a primitive value", Object.create(null)],
  ["an object whose valueOf returns an object", { valueOf: () => ({}) }],
];

const surveys: [string, (scores: never) => unknown, string][] = [
  ["nps", nps, "scores"],
  ["npsCounts", npsCounts, "scores"],
  ["csat", csat, "ratings"],
  ["csatCounts", csatCounts, "ratings"],
  ["ces", ces, "ratings"],
  ["cesCounts", cesCounts, "ratings"],
];

describe("garbage inside survey scores is invalid_type, never a raw TypeError", () => {
  for (const [name, fn, path] of surveys) {
    it.each(garbage)(`${name} refuses %s with its path`, (_, value) => {
      expect(() => fn([5, value] as never)).toThrow(
        expect.objectContaining({ name: "MetricInputError", code: "invalid_type", fn: name, path: `${path}[1]` }),
      );
    });
  }
});

describe("the message names what was received", () => {
  it("calls a Symbol a symbol, not an object", () => {
    const symbol = Symbol("score");
    expect(() => nps([5, symbol] as never)).toThrow(/received a symbol at scores\[1\]/);
    expect(() => nps([5, symbol] as never)).toThrow(
      code("invalid_type", { fn: "nps", path: "scores[1]", received: symbol }),
    );
  });
});
