import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  grossRevenueRetention,
  mergeCounts,
  netRevenueRetention,
  revenueMovements,
  revenueRetentionFromCustomers,
} from "../../src/index.js";
import { customerRevenue } from "./arbitraries.js";

describe("revenue retention properties", () => {
  it("GRR never exceeds 100 and never exceeds NRR, from per-customer records", () => {
    fc.assert(
      fc.property(fc.array(customerRevenue, { maxLength: 200 }), (customers) => {
        const r = revenueRetentionFromCustomers(customers);
        if (r === null) return;
        expect(r.grossRevenueRetention).toBeGreaterThanOrEqual(0);
        expect(r.grossRevenueRetention).toBeLessThanOrEqual(100);
        expect(r.grossRevenueRetention).toBeLessThanOrEqual(r.netRevenueRetention);
      }),
    );
  });

  it("GRR never exceeds 100 and never exceeds NRR, from totals", () => {
    const totals = fc.integer({ min: 0, max: 10_000_000 }).chain((start) =>
      fc.tuple(fc.integer({ min: 0, max: start }), fc.nat(10_000_000)).chain(([lost, expansion]) =>
        fc.integer({ min: 0, max: lost }).map((churned) => ({
          startingRevenue: start,
          contraction: lost - churned,
          churned,
          expansion,
        })),
      ),
    );
    fc.assert(
      fc.property(totals, (t) => {
        const grr = grossRevenueRetention(t);
        const nrr = netRevenueRetention(t);
        if (t.startingRevenue === 0) {
          expect(grr).toBeNull();
          return;
        }
        expect(grr!).toBeLessThanOrEqual(100);
        expect(grr!).toBeGreaterThanOrEqual(0);
        expect(grr!).toBeLessThanOrEqual(nrr!);
      }),
    );
  });

  it("the movements' totals always give the same NRR and GRR as the per-customer records", () => {
    fc.assert(
      fc.property(fc.array(customerRevenue, { maxLength: 200 }), (customers) => {
        const m = revenueMovements(customers);
        const r = revenueRetentionFromCustomers(customers);
        if (r === null) {
          expect(m.startingRevenue).toBe(0);
          return;
        }
        expect(netRevenueRetention(m)!).toBeCloseTo(r.netRevenueRetention, 9);
        expect(grossRevenueRetention(m)!).toBeCloseTo(r.grossRevenueRetention, 9);
      }),
    );
  });

  it("movements of two halves, merged, always equal the movements of the whole (integer cents)", () => {
    fc.assert(
      fc.property(fc.array(customerRevenue), fc.array(customerRevenue), (a, b) => {
        expect(mergeCounts(revenueMovements(a), revenueMovements(b))).toEqual(revenueMovements([...a, ...b]));
      }),
    );
  });

  it("new customers never change NRR or GRR", () => {
    fc.assert(
      fc.property(fc.array(customerRevenue), fc.nat(1_000_000), (customers, newRevenue) => {
        expect(revenueRetentionFromCustomers([...customers, { startRevenue: 0, endRevenue: newRevenue }])).toEqual(
          revenueRetentionFromCustomers(customers),
        );
      }),
    );
  });
});
