import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePlan, evaluatePlan, type PlanResult, type PoolAwardTrace } from "../../src/index.js";
import { bands, team, validPlan } from "./arbitraries.js";
import { deepFreeze, type Loose, minimalPlan } from "./helpers.js";
import { planFixture } from "./plan.js";

const awardIds = (plan: Loose): Set<string> => new Set((plan.teamAwards ?? []).map((a: Loose) => a.id));
const byId = (r: PlanResult) => new Map(r.agents.map((a) => [a.id, a]));

describe("evaluatePlan properties (generated valid plans and teams)", () => {
  it("no line is ever negative except the plan cap adjustment", () => {
    fc.assert(
      fc.property(validPlan, team, (plan, input) => {
        for (const agent of evaluatePlan(plan, input).agents) {
          for (const line of agent.lines) {
            if (line.kind === "planCap") expect(line.amountMinor).toBeLessThanOrEqual(0);
            else expect(line.amountMinor).toBeGreaterThanOrEqual(0);
            expect(Number.isSafeInteger(line.amountMinor)).toBe(true);
          }
        }
      }),
    );
  });

  it("an agent's cash never exceeds the plan cap plus team awards, and always equals the sum of its lines", () => {
    fc.assert(
      fc.property(validPlan, team, (plan, input) => {
        const awards = awardIds(plan);
        for (const agent of evaluatePlan(plan, input).agents) {
          const teamCash = agent.lines.filter((l) => awards.has(l.id)).reduce((s, l) => s + l.amountMinor, 0);
          if (plan.planCap) expect(agent.cashMinor).toBeLessThanOrEqual(plan.planCap.amountMinor + teamCash);
          expect(agent.cashMinor).toBe(agent.lines.reduce((s, l) => s + l.amountMinor, 0));
        }
      }),
    );
  });

  it("pool shares always sum to the pool when it is funded and an eligible agent has weight, else to 0", () => {
    let paid = 0;
    fc.assert(
      fc.property(validPlan, team, (plan, input) => {
        const result = evaluatePlan(plan, input, { trace: true });
        for (const award of plan.teamAwards ?? []) {
          if (award.type !== "pool") continue;
          const shares = result.agents.map((a) => a.lines.find((l) => l.id === award.id)!.amountMinor);
          const total = shares.reduce((s, x) => s + x, 0);
          const traces = result.agents.map((a) => a.trace!.awards.find((t) => t.id === award.id) as PoolAwardTrace);
          const weighted = traces.some((t) => t.eligible && t.weight !== "0");
          if (traces[0]!.funded && weighted) {
            expect(total).toBe(award.amountMinor);
            if (award.amountMinor > 0) paid++;
          } else expect(total).toBe(0);
        }
      }),
    );
    // A pool that never pays must not pass: the generated plans fund some pools.
    expect(paid).toBeGreaterThan(0);
  });

  it("an unconditional pool always pays exactly its amount when some agent has a positive weight", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1_000), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 1, max: 10_000_000 }),
        (tickets, amountMinor) => {
          const plan = minimalPlan({
            teamAwards: [{ id: "pool", type: "pool", amountMinor, splitBy: { metric: "tickets" } }],
          });
          const agents = tickets.map((t, i) => ({ id: `a${i}`, metrics: { tickets: t, qa: 0 } }));
          const result = evaluatePlan(plan, { agents });
          expect(result.agents.reduce((s, a) => s + a.cashMinor, 0)).toBe(amountMinor);
          result.agents.forEach((a, i) => {
            if (tickets[i] === 0) expect(a.cashMinor).toBe(0);
          });
        },
      ),
    );
  });

  it("results do not depend on agent order", () => {
    fc.assert(
      fc.property(
        validPlan,
        team.chain((t) => fc.tuple(fc.constant(t), fc.shuffledSubarray(t.agents, { minLength: t.agents.length }))),
        (plan, [input, shuffled]) => {
          const run = compilePlan(plan);
          const a = byId(run(input));
          const b = run({ ...input, agents: shuffled });
          expect(b.agents.map((x) => x.id)).toEqual(shuffled.map((x) => x.id));
          for (const agent of b.agents) expect(agent).toEqual(a.get(agent.id));
        },
      ),
    );
  });

  it("evaluation is deterministic, and trace on or off gives identical results", () => {
    fc.assert(
      fc.property(validPlan, team, (plan, input) => {
        const first = evaluatePlan(plan, input);
        expect(evaluatePlan(plan, input)).toEqual(first);
        const traced = evaluatePlan(plan, input, { trace: true });
        expect({ ...traced, agents: traced.agents.map(({ trace: _t, ...rest }) => rest) }).toEqual(first);
        for (const agent of traced.agents) {
          expect(agent.trace!.lines.map((l) => l.amountMinor)).toEqual(
            first.agents
              .find((a) => a.id === agent.id)!
              .lines.slice(0, plan.components.length)
              .map((l) => l.amountMinor),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it("never mutates a frozen plan or input", () => {
    fc.assert(
      fc.property(validPlan, team, (plan, input) => {
        const snapshot = JSON.stringify([plan, input]);
        evaluatePlan(deepFreeze(plan), deepFreeze(input), { trace: true });
        expect(JSON.stringify([plan, input])).toBe(snapshot);
      }),
      { numRuns: 30 },
    );
  });

  it("a pool share never differs from its exact share by one minor unit or more", () => {
    fc.assert(
      fc.property(team, fc.integer({ min: 0, max: 10_000_000 }), (input, amountMinor) => {
        const plan = minimalPlan({
          metrics: { tickets: { type: "count" }, qa: { type: "percent" } },
          teamAwards: [{ id: "pool", type: "pool", amountMinor, splitBy: { metric: "tickets" } }],
        });
        const agents = input.agents.map((a) => ({
          id: a.id,
          metrics: { tickets: (a.metrics as Loose).tickets as number, qa: 0 },
        }));
        const total = agents.reduce((s, a) => s + a.metrics.tickets, 0);
        fc.pre(total > 0);
        const result = evaluatePlan(plan, { agents });
        result.agents.forEach((a, i) => {
          const exact = (amountMinor * agents[i]!.metrics.tickets) / total;
          expect(Math.abs(a.cashMinor - exact)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});

describe("tier and scorecard monotonicity", () => {
  const tieredPlan = (mode: string, b: Loose[], target: number | string) =>
    compilePlan(
      minimalPlan({
        components: [{ id: "c", type: "tiered", mode, basis: "tickets", target: { value: target }, bands: b }],
      }),
    );
  const pay = (run: ReturnType<typeof compilePlan>, tickets: number) =>
    run({ agents: [{ id: "a", metrics: { tickets, qa: 0 } }] }).agents[0]!.cashMinor;

  it("graduated tier pay never decreases as units rise", () => {
    fc.assert(
      fc.property(bands, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 2000 }), (b, target, u) => {
        const run = tieredPlan("graduated", b, target);
        expect(pay(run, u + 1)).toBeGreaterThanOrEqual(pay(run, u));
      }),
    );
  });

  it("retroactive pay never decreases across a band edge when rates rise", () => {
    fc.assert(
      fc.property(bands, fc.integer({ min: 1, max: 1000 }), (b, target) => {
        let rate = 0;
        const rising = b.map((band) => {
          rate += Number(band.ratePerUnitMinor);
          return { ...band, ratePerUnitMinor: String(rate) };
        });
        const run = tieredPlan("retroactive", rising, target);
        for (const band of rising.slice(1)) {
          // The edge in units: target × fromPct / 100, and its integer neighbours.
          const edge = Math.ceil((target * band.fromPct) / 100);
          if (edge > 0) expect(pay(run, edge)).toBeGreaterThanOrEqual(pay(run, edge - 1));
          expect(pay(run, edge + 1)).toBeGreaterThanOrEqual(pay(run, edge));
        }
      }),
    );
  });

  it("raising a KPI toward its better side never lowers the scorecard", () => {
    const run = compilePlan(planFixture());
    const scorecard = (metrics: Record<string, number>) =>
      run({ agents: [{ id: "a", metrics }], teamMetrics: { team_sla_compliance: 96.2 } }).agents[0]!.lines[1]!
        .amountMinor;
    fc.assert(
      fc.property(
        fc.record({
          active_days: fc.integer({ min: 1, max: 30 }),
          tickets_resolved: fc.integer({ min: 0, max: 900 }),
          csat_score: fc.integer({ min: 600, max: 1000 }).map((x) => x / 10),
          csat_responses: fc.integer({ min: 0, max: 80 }),
          sla_compliance: fc.integer({ min: 800, max: 1000 }).map((x) => x / 10),
          frt_median_min: fc.integer({ min: 0, max: 900 }).map((x) => x / 10),
          qa_score: fc.integer({ min: 0, max: 100 }),
          escalations: fc.integer({ min: 0, max: 6 }),
        }),
        fc.constantFrom("csat_score", "sla_compliance", "frt_median_min"),
        fc.integer({ min: 1, max: 200 }).map((x) => x / 10),
        (metrics, kpi, step) => {
          const better = {
            ...metrics,
            [kpi]: kpi === "frt_median_min" ? Math.max(0, metrics[kpi] - step) : metrics[kpi] + step,
          };
          expect(scorecard(better)).toBeGreaterThanOrEqual(scorecard(metrics));
        },
      ),
    );
  });
});
