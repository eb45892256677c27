import { describe, expect, it } from "vitest";
import {
  grossRevenueRetention,
  netRevenueRetention,
  revenueMovements,
  revenueRetentionFromCustomers,
} from "../../src/index.js";
import { code } from "../helpers/errors.js";

const vector = { startingRevenue: 200_000, expansion: 20_000, contraction: 4_000, churned: 6_000 };

describe("netRevenueRetention and grossRevenueRetention", () => {
  // METRICS.md §2 vector (the KeyBanc / ChartMogul definitions): NRR = (200 000 + 20 000 − 4 000 − 6 000) / 200 000 = 105 %,
  // GRR = (200 000 − 4 000 − 6 000) / 200 000 = 95 %.
  it("start 200 000, churn 6 000, contraction 4 000, expansion 20 000 → NRR 105, GRR 95", () => {
    expect(netRevenueRetention(vector)).toBe(105);
    expect(grossRevenueRetention(vector)).toBe(95);
  });

  it("boundaries: everything lost is 0, nothing moved is 100, no starting revenue is null", () => {
    expect(netRevenueRetention({ startingRevenue: 50, expansion: 0, contraction: 20, churned: 30 })).toBe(0);
    expect(grossRevenueRetention({ startingRevenue: 50, contraction: 20, churned: 30 })).toBe(0);
    expect(netRevenueRetention({ startingRevenue: 50, expansion: 0, contraction: 0, churned: 0 })).toBe(100);
    expect(netRevenueRetention({ startingRevenue: 0, expansion: 10, contraction: 0, churned: 0 })).toBeNull();
    expect(grossRevenueRetention({ startingRevenue: 0, contraction: 0, churned: 0 })).toBeNull();
  });

  it("throws out_of_range for negative revenue", () => {
    expect(() => netRevenueRetention({ ...vector, expansion: -1 })).toThrow(
      code("out_of_range", { fn: "netRevenueRetention", path: "revenue.expansion" }),
    );
    expect(() => grossRevenueRetention({ startingRevenue: -100, contraction: 0, churned: 0 })).toThrow(
      code("out_of_range", { fn: "grossRevenueRetention", path: "revenue.startingRevenue" }),
    );
  });

  it("throws inconsistent_counts when more revenue is lost than the cohort had", () => {
    expect(() => grossRevenueRetention({ startingRevenue: 1_000, contraction: 600, churned: 500 })).toThrow(
      code("inconsistent_counts", { path: "revenue.churned" }),
    );
    expect(() => netRevenueRetention({ startingRevenue: 0, expansion: 0, contraction: 1, churned: 0 })).toThrow(
      code("inconsistent_counts", { path: "revenue.churned" }),
    );
  });

  it("throws missing_value, invalid_type and not_finite", () => {
    expect(() => netRevenueRetention({ startingRevenue: 1, contraction: 0, churned: 0 } as never)).toThrow(
      code("missing_value", { path: "revenue.expansion" }),
    );
    expect(() => grossRevenueRetention({ startingRevenue: "1", contraction: 0, churned: 0 } as never)).toThrow(
      code("invalid_type", { path: "revenue.startingRevenue" }),
    );
    expect(() => grossRevenueRetention({ startingRevenue: Number.NaN, contraction: 0, churned: 0 })).toThrow(
      code("not_finite", { path: "revenue.startingRevenue" }),
    );
    expect(() => grossRevenueRetention([] as never)).toThrow(code("invalid_type", { path: "revenue" }));
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ ...vector });
    expect(netRevenueRetention(input)).toBe(105);
    expect(grossRevenueRetention(input)).toBe(95);
    expect(input).toEqual(vector);
  });
});

describe("revenue retention from per-customer records", () => {
  // The same cohort as the §2 vector (start 200 000), customer by customer.
  // 13 flat at 10 000, two downgraded by 2 000 each (contraction 4 000), one of 6 000 lost (churn 6 000), one flat at 4 000,
  // expansion 20 000 spread over four customers; plus one new customer, outside the cohort.
  const customers = [
    ...Array.from({ length: 13 }, () => ({ startRevenue: 10_000, endRevenue: 10_000 })),
    { startRevenue: 10_000, endRevenue: 8_000 },
    { startRevenue: 10_000, endRevenue: 8_000 },
    { startRevenue: 6_000, endRevenue: 0 },
    { startRevenue: 4_000, endRevenue: 4_000 },
    ...Array.from({ length: 4 }, () => ({ startRevenue: 10_000, endRevenue: 15_000 })),
    { startRevenue: 0, endRevenue: 7_000 },
  ];

  it("revenueMovements sums the cohort's movements and reports the new customers it leaves out", () => {
    expect(revenueMovements(customers)).toEqual({
      startingRevenue: 200_000,
      expansion: 20_000,
      contraction: 4_000,
      churned: 6_000,
      newCustomers: 1,
      newRevenue: 7_000,
    });
    const m = revenueMovements(customers);
    expect(netRevenueRetention(m)).toBe(105);
    expect(grossRevenueRetention(m)).toBe(95);
  });

  it("revenueRetentionFromCustomers agrees with the totals on the §2 cohort", () => {
    expect(revenueRetentionFromCustomers(customers)).toEqual({ netRevenueRetention: 105, grossRevenueRetention: 95 });
  });

  it("caps each customer's GRR contribution at its own start: one upgrade does not hide another's downgrade", () => {
    // Netting totals first would give (100 + 100 → 150 + 50) = 100 % "gross"; per customer it is (100 + 50)/200 = 75 %.
    const r = revenueRetentionFromCustomers([
      { startRevenue: 100, endRevenue: 150 },
      { startRevenue: 100, endRevenue: 50 },
    ]);
    expect(r).toEqual({ netRevenueRetention: 100, grossRevenueRetention: 75 });
  });

  it("returns null without a cohort, and zero movements for no customers", () => {
    expect(revenueRetentionFromCustomers([])).toBeNull();
    expect(revenueRetentionFromCustomers([{ startRevenue: 0, endRevenue: 5 }])).toBeNull();
    expect(revenueMovements([])).toEqual({
      startingRevenue: 0,
      expansion: 0,
      contraction: 0,
      churned: 0,
      newCustomers: 0,
      newRevenue: 0,
    });
  });

  it("throws per code with the customer's path", () => {
    expect(() =>
      revenueMovements([
        { startRevenue: 1, endRevenue: 1 },
        { startRevenue: -1, endRevenue: 0 },
      ]),
    ).toThrow(code("out_of_range", { fn: "revenueMovements", path: "customers[1].startRevenue" }));
    expect(() => revenueRetentionFromCustomers([{ startRevenue: 10, endRevenue: "9" as never }])).toThrow(
      code("invalid_type", { fn: "revenueRetentionFromCustomers", path: "customers[0].endRevenue" }),
    );
    expect(() => revenueRetentionFromCustomers([{ startRevenue: 10 } as never])).toThrow(
      code("missing_value", { path: "customers[0].endRevenue" }),
    );
    expect(() => revenueRetentionFromCustomers([{ startRevenue: 10, endRevenue: Number.NaN }])).toThrow(
      code("not_finite", { path: "customers[0].endRevenue" }),
    );
    expect(() => revenueRetentionFromCustomers([null as never])).toThrow(
      code("invalid_type", { path: "customers[0]" }),
    );
    expect(() => revenueMovements("x" as never)).toThrow(code("invalid_type", { path: "customers" }));
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(customers.map((c) => Object.freeze({ ...c })));
    expect(revenueRetentionFromCustomers(frozen)).toEqual({ netRevenueRetention: 105, grossRevenueRetention: 95 });
    expect(revenueMovements(frozen).startingRevenue).toBe(200_000);
  });
});
