import { describe, expect, it } from "vitest";
import { erlangC, requiredAgents } from "../../src/index.js";
import { code } from "../helpers/errors.js";
import { halfHour } from "./fixtures.js";

const minute = 60_000;

/** Relative closeness for large-traffic answers checked against mpmath at 60 digits. */
function closeTo(actual: number | null, expected: number, relative = 1e-11): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(Math.abs(expected) * relative);
}

describe("erlangC", () => {
  // METRICS.md §3 vector. Oracles: Call Centre Helper's Erlang calculator, Python pyworkforce
  // (ErlangC(transactions=100, aht=3, asa=20/60, interval=30): waiting probability 0.1741,
  // service level 0.8883, occupancy 0.7143) and R package ErlangC; exact figures from the
  // closed form Aᴺ/N!·N/(N − A) / (Σ Aᵏ/k! + …) in mpmath at 60 digits.
  it("100 calls / 30 min, AHT 180 s, T 20 s, 14 agents → Pw 17.4132, SL 88.8350, ASA 7.835937 s, occupancy 71.4286", () => {
    const r = erlangC({ ...halfHour, agents: 14 });
    expect(r.trafficErlangs).toBe(10);
    expect(r.waitPercent).toBeCloseTo(17.4131933595, 9);
    expect(r.serviceLevel).toBeCloseTo(88.8350019179, 9);
    expect(r.averageSpeedOfAnswerMs).toBeCloseTo(7835.93701178, 6);
    expect(r.occupancy).toBeCloseTo(71.4285714286, 9);
    expect(r.stable).toBe(true);
  });

  it("13 and 11 agents on the same queue (mpmath)", () => {
    const r13 = erlangC({ ...halfHour, agents: 13 });
    expect(r13.waitPercent).toBeCloseTo(28.5270453036, 9);
    expect(r13.serviceLevel).toBeCloseTo(79.5594788418, 9);
    expect(r13.averageSpeedOfAnswerMs).toBeCloseTo(17116.2271822, 5);
    const r11 = erlangC({ ...halfHour, agents: 11 });
    expect(r11.waitPercent).toBeCloseTo(68.2118204689, 9);
    expect(r11.serviceLevel).toBeCloseTo(38.9613811729, 9);
    expect(r11.averageSpeedOfAnswerMs).toBeCloseTo(122781.27684408, 4);
  });

  // M/M/1 in closed form: Pw = ρ, ASA = ρ·AHT/(1 − ρ), SL = 1 − ρ·e^(−(1 − ρ)T/AHT).
  it("one agent is the M/M/1 queue", () => {
    const r = erlangC({
      arrivals: 3,
      intervalMs: 30 * minute,
      averageHandleMs: 5 * minute,
      agents: 1,
      answerWithinMs: minute,
    });
    expect(r.trafficErlangs).toBeCloseTo(0.5, 14);
    expect(r.waitPercent).toBeCloseTo(50, 12);
    expect(r.averageSpeedOfAnswerMs).toBeCloseTo(5 * minute, 6);
    expect(r.serviceLevel).toBeCloseTo(100 * (1 - 0.5 * Math.exp(-0.5 / 5)), 12);
  });

  // Large centres: mpmath at 60 digits with the closed form; the library's recursion agrees to ~1e-13.
  it("1 000 and 2 000 Erlangs keep full precision (no overflow, no cancellation)", () => {
    const big = (erlangs: number, agents: number, answerWithinMs = 20_000) =>
      erlangC({ arrivals: erlangs * 10, intervalMs: 30 * minute, averageHandleMs: 180_000, answerWithinMs, agents });
    const a = big(1000, 1030);
    closeTo(a.waitPercent, 24.8908785843602);
    closeTo(a.serviceLevel, 99.1120429629743);
    closeTo(a.averageSpeedOfAnswerMs, 1493.45271506161);
    closeTo(big(1000, 1030, 0).serviceLevel, 75.1091214156398);
    const b = big(2000, 2050);
    closeTo(b.waitPercent, 18.3354738702138);
    closeTo(b.serviceLevel, 99.9291165222984);
    closeTo(b.averageSpeedOfAnswerMs, 660.077059327698);
    const c = big(2000, 2001);
    closeTo(c.waitPercent, 97.2422629318683);
    closeTo(c.serviceLevel, 12.9837998725636);
    closeTo(c.averageSpeedOfAnswerMs, 175036.073277363);
    // Far more agents than traffic: Pw ≈ 3e-25 %, still a number (mpmath).
    const d = big(2000, 2500);
    expect(d.waitPercent).toBeGreaterThan(0);
    closeTo(d.waitPercent, 2.97237788091358e-25, 1e-9);
  });

  it("reports an unstable queue (agents ≤ traffic) instead of throwing", () => {
    for (const agents of [0, 5, 10]) {
      expect(erlangC({ ...halfHour, agents })).toEqual({
        trafficErlangs: 10,
        waitPercent: 100,
        serviceLevel: 0,
        averageSpeedOfAnswerMs: null,
        occupancy: 100,
        stable: false,
      });
    }
  });

  it("no traffic: nobody waits, whatever the staff", () => {
    const none = { waitPercent: 0, serviceLevel: 100, averageSpeedOfAnswerMs: 0, occupancy: 0, stable: true };
    expect(erlangC({ ...halfHour, arrivals: 0, agents: 0 })).toEqual({ trafficErlangs: 0, ...none });
    expect(erlangC({ ...halfHour, arrivals: 0, agents: 3 })).toEqual({ trafficErlangs: 0, ...none });
  });

  it("throws per code", () => {
    expect(() => erlangC({ ...halfHour, agents: 14.5 })).toThrow(
      code("not_integer", { fn: "erlangC", path: "input.agents" }),
    );
    expect(() => erlangC({ ...halfHour, agents: -1 })).toThrow(code("out_of_range", { path: "input.agents" }));
    expect(() => erlangC({ ...halfHour, arrivals: -1, agents: 3 })).toThrow(
      code("out_of_range", { path: "input.arrivals" }),
    );
    expect(() => erlangC({ ...halfHour, intervalMs: 0, agents: 3 })).toThrow(
      code("out_of_range", { path: "input.intervalMs" }),
    );
    expect(() => erlangC({ ...halfHour, averageHandleMs: 0, agents: 3 })).toThrow(
      code("out_of_range", { path: "input.averageHandleMs" }),
    );
    expect(() => erlangC({ ...halfHour, answerWithinMs: -1, agents: 3 })).toThrow(
      code("out_of_range", { path: "input.answerWithinMs" }),
    );
    expect(() => erlangC({ ...halfHour, agents: Number.NaN })).toThrow(code("not_finite", { path: "input.agents" }));
    expect(() => erlangC({ ...halfHour, agents: "14" as never })).toThrow(
      code("invalid_type", { path: "input.agents" }),
    );
    expect(() => erlangC(halfHour as never)).toThrow(code("missing_value", { path: "input.agents" }));
    expect(() => erlangC(null as never)).toThrow(code("invalid_type", { path: "input" }));
    // Traffic that overflows a double is out of range.
    expect(() =>
      erlangC({ ...halfHour, arrivals: 1e300, averageHandleMs: 1e300, intervalMs: 1e-300, agents: 1 }),
    ).toThrow(code("out_of_range", { path: "input.arrivals" }));
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ ...halfHour, agents: 14 });
    expect(erlangC(input).stable).toBe(true);
    expect(input).toEqual({ ...halfHour, agents: 14 });
  });
});

describe("requiredAgents", () => {
  // METRICS.md §3 vector; pyworkforce README (ErlangC … required_positions(service_level=0.8, max_occupancy=0.85),
  // shrinkage 0.3): raw positions 14, positions 20. 13 agents give 79.559 % (mpmath), so 14 is the fewest.
  it("100 calls / 30 min, AHT 180 s, 80 % in 20 s, 30 % shrinkage → 14 agents, 20 scheduled", () => {
    const r = requiredAgents({ ...halfHour, serviceLevelPercent: 80 }, { shrinkagePercent: 30 });
    expect(r.agents).toBe(14);
    expect(r.scheduledAgents).toBe(20);
    expect(r.serviceLevel).toBeCloseTo(88.8350019179, 9);
    expect(r.occupancy).toBeCloseTo(71.4285714286, 9);
    expect(
      requiredAgents({ ...halfHour, serviceLevelPercent: 80, maxOccupancyPercent: 85 }, { shrinkagePercent: 30 }),
    ).toEqual(r);
  });

  // mpmath: 200 Erlangs need 208 agents for 80/20 (SL 80.864 %, occupancy 96.15 %); an 85 % occupancy cap needs 236.
  it("the occupancy cap adds agents on large queues", () => {
    const large = { ...halfHour, arrivals: 2000, serviceLevelPercent: 80 };
    const free = requiredAgents(large);
    expect(free.agents).toBe(208);
    expect(free.serviceLevel).toBeCloseTo(80.8639319731, 9);
    const capped = requiredAgents({ ...large, maxOccupancyPercent: 85 });
    expect(capped.agents).toBe(236);
    expect(capped.occupancy).toBeLessThanOrEqual(85);
    expect((200 * 100) / 235).toBeGreaterThan(85);
  });

  it("a target of 0 gives the smallest stable staff; no arrivals need nobody", () => {
    expect(requiredAgents({ ...halfHour, serviceLevelPercent: 0 }).agents).toBe(11);
    expect(requiredAgents({ ...halfHour, arrivals: 0, serviceLevelPercent: 80 }, { shrinkagePercent: 30 })).toEqual({
      agents: 0,
      scheduledAgents: 0,
      serviceLevel: 100,
      occupancy: 0,
    });
  });

  it("shrinkage rounds the scheduled staff up, exactly", () => {
    const base = { ...halfHour, serviceLevelPercent: 80 };
    expect(requiredAgents(base, { shrinkagePercent: 0 }).scheduledAgents).toBe(14);
    expect(requiredAgents(base, { shrinkagePercent: 30 }).scheduledAgents).toBe(20); // 14 / 0.7 = 20, not 21
    expect(requiredAgents(base, { shrinkagePercent: 35 }).scheduledAgents).toBe(22); // 21.54 → 22
    expect(requiredAgents(base, { shrinkagePercent: 50 }).scheduledAgents).toBe(28);
  });

  it("handles 2 000 Erlangs (4 000 contacts of 15 min per half hour)", () => {
    const r = requiredAgents({
      arrivals: 4000,
      intervalMs: 30 * minute,
      averageHandleMs: 15 * minute,
      answerWithinMs: 20_000,
      serviceLevelPercent: 80,
    });
    expect(r.agents).toBeGreaterThan(2000);
    const at = (agents: number) =>
      erlangC({
        arrivals: 4000,
        intervalMs: 30 * minute,
        averageHandleMs: 15 * minute,
        answerWithinMs: 20_000,
        agents,
      });
    expect(at(r.agents).serviceLevel).toBeGreaterThanOrEqual(80);
    expect(at(r.agents - 1).serviceLevel).toBeLessThan(80);
  });

  it("throws out_of_range for targets outside their ranges", () => {
    expect(() => requiredAgents({ ...halfHour, serviceLevelPercent: 100 })).toThrow(
      code("out_of_range", { fn: "requiredAgents", path: "input.serviceLevelPercent" }),
    );
    expect(() => requiredAgents({ ...halfHour, serviceLevelPercent: -1 })).toThrow(
      code("out_of_range", { path: "input.serviceLevelPercent" }),
    );
    expect(() => requiredAgents({ ...halfHour, serviceLevelPercent: 80, maxOccupancyPercent: 0 })).toThrow(
      code("out_of_range", { path: "input.maxOccupancyPercent" }),
    );
    expect(() => requiredAgents({ ...halfHour, serviceLevelPercent: 80, maxOccupancyPercent: 101 })).toThrow(
      code("out_of_range", { path: "input.maxOccupancyPercent" }),
    );
  });

  it("throws invalid_option for shrinkage outside [0, 100), options that are not an object, or shrinkage in the input", () => {
    const input = { ...halfHour, serviceLevelPercent: 80 };
    expect(() => requiredAgents(input, { shrinkagePercent: 100 })).toThrow(
      code("invalid_option", { fn: "requiredAgents", path: "options.shrinkagePercent", received: 100 }),
    );
    expect(() => requiredAgents(input, { shrinkagePercent: -1 })).toThrow(
      code("invalid_option", { path: "options.shrinkagePercent", received: -1 }),
    );
    expect(() => requiredAgents(input, { shrinkagePercent: Number.NaN })).toThrow(
      code("invalid_option", { path: "options.shrinkagePercent" }),
    );
    expect(() => requiredAgents(input, { shrinkagePercent: "30" as never })).toThrow(
      code("invalid_option", { path: "options.shrinkagePercent" }),
    );
    expect(() => requiredAgents(input, 30 as never)).toThrow(code("invalid_option", { path: "options" }));
    // Before 1.0 shrinkage was an input field: it must never be ignored in silence.
    expect(() => requiredAgents({ ...input, shrinkagePercent: 30 } as never)).toThrow(
      code("invalid_option", { fn: "requiredAgents", path: "input.shrinkagePercent", received: 30 }),
    );
  });

  it("throws missing_value, invalid_type and not_finite", () => {
    expect(() => requiredAgents(halfHour as never)).toThrow(
      code("missing_value", { path: "input.serviceLevelPercent" }),
    );
    expect(() => requiredAgents({ ...halfHour, serviceLevelPercent: "80" as never })).toThrow(
      code("invalid_type", { path: "input.serviceLevelPercent" }),
    );
    expect(() => requiredAgents({ ...halfHour, serviceLevelPercent: Number.NaN })).toThrow(
      code("not_finite", { path: "input.serviceLevelPercent" }),
    );
    expect(() => requiredAgents({ ...halfHour, arrivals: undefined as never, serviceLevelPercent: 80 })).toThrow(
      code("missing_value", { path: "input.arrivals" }),
    );
  });

  it("does not mutate its input", () => {
    const input = Object.freeze({ ...halfHour, serviceLevelPercent: 80 });
    const options = Object.freeze({ shrinkagePercent: 30 });
    expect(requiredAgents(input, options)).toMatchObject({ agents: 14, scheduledAgents: 20 });
    expect(input).toEqual({ ...halfHour, serviceLevelPercent: 80 });
    expect(options).toEqual({ shrinkagePercent: 30 });
  });
});
