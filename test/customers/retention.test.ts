import { describe, expect, it } from "vitest";
import { churnRate, mergeCounts, retentionRate } from "../../src/index.js";
import { code } from "../helpers/errors.js";

describe("retentionRate", () => {
  // METRICS.md §2 vector and §9 error 1: (end − new) / start = (1200 − 300) / 1000 = 90 %
  // (HubSpot's and Zendesk's formula), not the seed article's (start − new) / start = 70 %.
  it("start 1000, end 1200, new 300 → 90 %", () => {
    expect(retentionRate({ customersAtStart: 1000, customersAtEnd: 1200, newCustomers: 300 })).toBe(90);
  });

  it("is 100 − churn for the same period", () => {
    const start = 1000;
    const lost = 100;
    const added = 300;
    expect(retentionRate({ customersAtStart: start, customersAtEnd: start - lost + added, newCustomers: added })).toBe(
      100 - churnRate({ customersAtStart: start, customersLost: lost })!,
    );
  });

  it("boundaries: everybody kept is 100, nobody kept is 0, no starting customer is null", () => {
    expect(retentionRate({ customersAtStart: 10, customersAtEnd: 10, newCustomers: 0 })).toBe(100);
    expect(retentionRate({ customersAtStart: 10, customersAtEnd: 4, newCustomers: 4 })).toBe(0);
    expect(retentionRate({ customersAtStart: 0, customersAtEnd: 50, newCustomers: 50 })).toBeNull();
  });

  it("merges per-segment counts", () => {
    const a = { customersAtStart: 600, customersAtEnd: 700, newCustomers: 160 };
    const b = { customersAtStart: 400, customersAtEnd: 500, newCustomers: 140 };
    expect(retentionRate(mergeCounts(a, b))).toBe(90);
  });

  it("throws inconsistent_counts for more new customers than at the end", () => {
    expect(() => retentionRate({ customersAtStart: 10, customersAtEnd: 5, newCustomers: 6 })).toThrow(
      code("inconsistent_counts", { fn: "retentionRate", path: "counts.newCustomers" }),
    );
  });

  it("throws inconsistent_counts for more kept than there were at the start", () => {
    expect(() => retentionRate({ customersAtStart: 1000, customersAtEnd: 1200, newCustomers: 100 })).toThrow(
      code("inconsistent_counts", { path: "counts.customersAtEnd" }),
    );
  });

  it("throws the count codes and missing_value", () => {
    expect(() => retentionRate({ customersAtStart: 10, customersAtEnd: 10 } as never)).toThrow(
      code("missing_value", { path: "counts.newCustomers" }),
    );
    expect(() => retentionRate({ customersAtStart: 10, customersAtEnd: -1, newCustomers: 0 })).toThrow(
      code("out_of_range", { path: "counts.customersAtEnd" }),
    );
    expect(() => retentionRate({ customersAtStart: 10.5, customersAtEnd: 10, newCustomers: 0 })).toThrow(
      code("not_integer", { path: "counts.customersAtStart" }),
    );
    expect(() => retentionRate({ customersAtStart: 10, customersAtEnd: "10", newCustomers: 0 } as never)).toThrow(
      code("invalid_type", { path: "counts.customersAtEnd" }),
    );
    expect(() => retentionRate({ customersAtStart: 10, customersAtEnd: Number.NaN, newCustomers: 0 })).toThrow(
      code("not_finite", { path: "counts.customersAtEnd" }),
    );
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ customersAtStart: 1000, customersAtEnd: 1200, newCustomers: 300 });
    expect(retentionRate(input)).toBe(90);
    expect(input).toEqual({ customersAtStart: 1000, customersAtEnd: 1200, newCustomers: 300 });
  });
});
