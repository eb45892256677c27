import { describe, expect, it } from "vitest";
import { costPerResolution, retentionCost } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("retentionCost", () => {
  // METRICS.md §2 vector: 10 000 / 500 = 20.
  it("10 000 spent, 500 retained → 20 per customer", () => {
    expect(retentionCost({ retentionSpend: 10_000, customersRetained: 500 })).toBe(20);
  });

  it("keeps fractions (no rounding) and returns null for nobody retained", () => {
    expect(retentionCost({ retentionSpend: 100, customersRetained: 3 })).toBeCloseTo(33.333333333333, 10);
    expect(retentionCost({ retentionSpend: 0, customersRetained: 3 })).toBe(0);
    expect(retentionCost({ retentionSpend: 100, customersRetained: 0 })).toBeNull();
  });

  it("throws out_of_range for negative spend, not_integer / invalid_type / missing_value per field", () => {
    expect(() => retentionCost({ retentionSpend: -1, customersRetained: 5 })).toThrow(
      code("out_of_range", { fn: "retentionCost", path: "input.retentionSpend" }),
    );
    expect(() => retentionCost({ retentionSpend: 1, customersRetained: 0.5 })).toThrow(
      code("not_integer", { path: "input.customersRetained" }),
    );
    expect(() => retentionCost({ retentionSpend: "1", customersRetained: 5 } as never)).toThrow(
      code("invalid_type", { path: "input.retentionSpend" }),
    );
    expect(() => retentionCost({ retentionSpend: Number.POSITIVE_INFINITY, customersRetained: 5 })).toThrow(
      code("not_finite", { path: "input.retentionSpend" }),
    );
    expect(() => retentionCost({ customersRetained: 5 } as never)).toThrow(
      code("missing_value", { path: "input.retentionSpend" }),
    );
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ retentionSpend: 10_000, customersRetained: 500 });
    expect(retentionCost(input)).toBe(20);
    expect(input).toEqual({ retentionSpend: 10_000, customersRetained: 500 });
  });
});

describe("costPerResolution", () => {
  it("10 000 support cost over 400 resolved tickets → 25", () => {
    expect(costPerResolution({ supportCost: 10_000, resolvedTickets: 400 })).toBe(25);
  });

  it("returns null when nothing was resolved", () => {
    expect(costPerResolution({ supportCost: 500, resolvedTickets: 0 })).toBeNull();
  });

  it("throws per code", () => {
    expect(() => costPerResolution({ supportCost: -5, resolvedTickets: 1 })).toThrow(
      code("out_of_range", { fn: "costPerResolution", path: "input.supportCost" }),
    );
    expect(() => costPerResolution({ supportCost: 100, resolvedTickets: 2.5 })).toThrow(
      code("not_integer", { path: "input.resolvedTickets" }),
    );
    expect(() => costPerResolution({ supportCost: 100, resolvedTickets: -2 })).toThrow(
      code("out_of_range", { path: "input.resolvedTickets" }),
    );
    expect(() => costPerResolution({ supportCost: 100 } as never)).toThrow(
      code("missing_value", { path: "input.resolvedTickets" }),
    );
    expect(() => costPerResolution(undefined as never)).toThrow(code("invalid_type", { path: "input" }));
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ supportCost: 10_000, resolvedTickets: 400 });
    expect(costPerResolution(input)).toBe(25);
    expect(input).toEqual({ supportCost: 10_000, resolvedTickets: 400 });
  });
});
