import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slaCompliance, slaComplianceFromCounts, slaCounts } from "../../src/index.js";
import { asOf, hour, T0, tickets, ticketsAndShuffled } from "./arbitraries.js";

const target = fc.integer({ min: 0, max: 120 * hour });
const policy = fc.record(
  { firstResponseMs: target, resolutionMs: target, pauseStatuses: fc.subarray(["pending", "on-hold"]) },
  { requiredKeys: ["resolutionMs", "pauseStatuses"] },
);
const per = fc.constantFrom("ticket" as const, "target" as const);

describe("SLA properties", () => {
  it("a ticket resolved exactly at its target is always achieved", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e10 }), (created, d) => {
        const t = { createdAt: T0 + created, resolvedAt: T0 + created + d, firstResponseAt: T0 + created + d };
        expect(slaCounts([t], { resolutionMs: d, firstResponseMs: d })).toEqual({
          achieved: 1,
          breached: 0,
          pending: 0,
        });
      }),
    );
  });

  it("does not depend on ticket order", () => {
    fc.assert(
      fc.property(ticketsAndShuffled, policy, asOf, per, ([list, shuffled], p, at, mode) => {
        expect(slaCounts(shuffled, p, { asOf: at, per: mode })).toEqual(slaCounts(list, p, { asOf: at, per: mode }));
      }),
    );
  });

  it("raising a target never lowers compliance", () => {
    fc.assert(
      fc.property(tickets, policy, fc.integer({ min: 0, max: 50 * hour }), asOf, per, (list, p, raise, at, mode) => {
        const base = p;
        const raised = { ...p, resolutionMs: p.resolutionMs + raise };
        const a = slaCompliance(list, base, { asOf: at, per: mode });
        const b = slaCompliance(list, raised, { asOf: at, per: mode });
        if (a !== null && b !== null) expect(b).toBeGreaterThanOrEqual(a - 1e-9);
        // In counts: raising a target never adds a breach and never removes an achievement.
        const ca = slaCounts(list, base, { asOf: at, per: mode });
        const cb = slaCounts(list, raised, { asOf: at, per: mode });
        expect(cb.breached).toBeLessThanOrEqual(ca.breached);
        expect(cb.achieved).toBeGreaterThanOrEqual(ca.achieved);
      }),
    );
  });

  it("pausing never turns an achieved ticket into a breached one", () => {
    fc.assert(
      fc.property(tickets, target, asOf, (list, t, at) => {
        const plain = slaCounts(list, { resolutionMs: t }, { asOf: at });
        const paused = slaCounts(list, { resolutionMs: t, pauseStatuses: ["pending", "on-hold"] }, { asOf: at });
        expect(paused.breached).toBeLessThanOrEqual(plain.breached);
      }),
    );
  });

  it("always counts each ticket once (per ticket) and agrees with slaComplianceFromCounts", () => {
    fc.assert(
      fc.property(tickets, policy, asOf, (list, p, at) => {
        const c = slaCounts(list, p, { asOf: at });
        expect(c.achieved + c.breached + c.pending).toBe(list.length);
        expect(slaCompliance(list, p, { asOf: at })).toBe(slaComplianceFromCounts(c));
      }),
    );
  });
});
