import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erlangC, requiredAgents } from "../../src/index.js";
import { queue } from "./arbitraries.js";

const extra = fc.integer({ min: 0, max: 60 });

describe("erlangC properties", () => {
  it("stays finite and within 0–100 for traffic up to 2 000 Erlangs", () => {
    fc.assert(
      fc.property(queue(2000), extra, (q, more) => {
        const a = (q.arrivals * q.averageHandleMs) / q.intervalMs;
        const r = erlangC({ ...q, agents: Math.floor(a) + more });
        for (const v of [r.waitPercent, r.serviceLevel, r.occupancy]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        expect(r.stable).toBe(Math.floor(a) + more > a);
        if (r.stable) expect(Number.isFinite(r.averageSpeedOfAnswerMs)).toBe(true);
        else expect(r.averageSpeedOfAnswerMs).toBeNull();
      }),
    );
  });

  it("every added agent weakly raises service level and lowers wait probability and ASA", () => {
    fc.assert(
      fc.property(queue(2000), extra, (q, more) => {
        const a = (q.arrivals * q.averageHandleMs) / q.intervalMs;
        const n = Math.floor(a) + more;
        const r = erlangC({ ...q, agents: n });
        const s = erlangC({ ...q, agents: n + 1 });
        expect(s.serviceLevel).toBeGreaterThanOrEqual(r.serviceLevel - 1e-9);
        expect(s.waitPercent).toBeLessThanOrEqual(r.waitPercent + 1e-9);
        if (r.stable) expect(s.averageSpeedOfAnswerMs!).toBeLessThanOrEqual(r.averageSpeedOfAnswerMs! * (1 + 1e-12));
        if (r.stable) expect(s.waitPercent).toBeLessThan(r.waitPercent + 1e-12);
      }),
    );
  });

  it("a longer answer target never lowers the service level", () => {
    fc.assert(
      fc.property(queue(500), extra, fc.integer({ min: 1, max: 120_000 }), (q, more, longer) => {
        const a = (q.arrivals * q.averageHandleMs) / q.intervalMs;
        const agents = Math.floor(a) + more;
        const base = erlangC({ ...q, agents });
        const later = erlangC({ ...q, agents, answerWithinMs: q.answerWithinMs + longer });
        expect(later.serviceLevel).toBeGreaterThanOrEqual(base.serviceLevel);
      }),
    );
  });
});

describe("requiredAgents properties", () => {
  const target = fc.double({ min: 0, max: 99.5, noNaN: true });
  const maxOccupancy = fc.option(fc.double({ min: 50, max: 100, noNaN: true }), { nil: undefined });

  it("returns the smallest N that meets the targets: N does, N − 1 does not", () => {
    fc.assert(
      fc.property(queue(2000), target, maxOccupancy, (q, serviceLevelPercent, maxOccupancyPercent) => {
        const r = requiredAgents({ ...q, serviceLevelPercent, maxOccupancyPercent });
        const at = erlangC({ ...q, agents: r.agents });
        const cap = maxOccupancyPercent ?? 100;
        expect(at.stable).toBe(true);
        expect(at.serviceLevel).toBe(r.serviceLevel);
        expect(at.serviceLevel).toBeGreaterThanOrEqual(serviceLevelPercent);
        expect(at.occupancy).toBeLessThanOrEqual(cap);
        const below = erlangC({ ...q, agents: r.agents - 1 });
        expect(below.serviceLevel < serviceLevelPercent || below.occupancy > cap || !below.stable).toBe(true);
      }),
    );
  });

  it("scheduled agents always cover the agents after shrinkage, by less than one agent over", () => {
    fc.assert(
      fc.property(queue(500), fc.double({ min: 0, max: 90, noNaN: true }), (q, shrinkagePercent) => {
        const r = requiredAgents({ ...q, serviceLevelPercent: 80 }, { shrinkagePercent });
        const available = r.scheduledAgents * (1 - shrinkagePercent / 100);
        expect(available).toBeGreaterThanOrEqual(r.agents - 1e-9);
        expect((r.scheduledAgents - 1) * (1 - shrinkagePercent / 100)).toBeLessThan(r.agents);
      }),
    );
  });

  it("a higher target never needs fewer agents", () => {
    fc.assert(
      fc.property(queue(1000), target, target, (q, t1, t2) => {
        const [low, high] = t1 <= t2 ? [t1, t2] : [t2, t1];
        expect(requiredAgents({ ...q, serviceLevelPercent: high }).agents).toBeGreaterThanOrEqual(
          requiredAgents({ ...q, serviceLevelPercent: low }).agents,
        );
      }),
    );
  });
});
