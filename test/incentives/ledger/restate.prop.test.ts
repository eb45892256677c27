/**
 * A restated period is re-evaluated only for the agents the restatement names
 * (the others keep their component lines, and every team award is decided
 * again): property tests that this gives, byte for byte, the settlement that
 * re-evaluating every restated period whole gives, on generated sequences with
 * a pool and a cash rank award (both move for agents a restatement does not name).
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { setWholeReevaluation } from "../../../src/incentives/ledger/restate.js";
import type { Loose } from "../helpers.js";
import { run, sequence } from "./sequences.js";

/** The generated plan with a rank award paid in cash added (ranked by tickets, ties by QA). */
function withRank(plan: Loose, top: number, policy: string): Loose {
  const rank = {
    id: "top",
    type: "rank",
    metric: "tickets",
    order: "desc",
    top,
    tieBreakers: [{ metric: "qa", order: "desc" }],
    tiePolicy: policy,
    eligible: { metric: "qa", op: "gte", value: 85 },
    reward: { kind: "cash", amountMinor: 2500 },
  };
  return { ...plan, teamAwards: [...plan.teamAwards, rank] };
}

const withAwards = fc.tuple(
  sequence,
  fc.integer({ min: 1, max: 3 }),
  fc.constantFrom("includeAllTiedAtCutoff", "excludeAllTiedAtCutoff"),
  fc.boolean(),
);

function settleBoth(plan: Loose, periods: Loose[]): { part: string; whole: string; unnamed: number } {
  setWholeReevaluation(false);
  const result = run(plan, periods);
  const part = JSON.stringify(result.settlements);
  setWholeReevaluation(true);
  const whole = JSON.stringify(run(plan, periods).settlements);
  setWholeReevaluation(false);
  return { part, whole, unnamed: unnamedAdjustments(result.settlements, result.inputs) };
}

/** The adjustment lines that true up a period for an agent its restatement does not name. */
function unnamedAdjustments(settlements: Loose[], inputs: Loose[]): number {
  let n = 0;
  settlements.forEach((st, k) => {
    for (const a of st.agents) {
      for (const l of a.lines) {
        if (l.kind !== "adjustment" || l.amountMinor === 0) continue;
        const r = inputs[k].restatements?.find((x: Loose) => x.period === l.period);
        if (r && !r.agents.some((x: Loose) => x.id === a.id)) n++;
      }
    }
  });
  return n;
}

describe("settlePayouts re-evaluates restated periods in part", () => {
  afterEach(() => setWholeReevaluation(false));

  it("always settles exactly as re-evaluating every restated period whole", () => {
    fc.assert(
      fc.property(withAwards, ([[plan, periods], top, policy, rank]) => {
        const { part, whole } = settleBoth(rank ? withRank(plan, top, policy) : plan, periods);
        expect(part).toBe(whole);
      }),
      { numRuns: 150 },
    );
  });

  it("never differs from whole re-evaluation when a restatement changes only who wins the rank award", () => {
    // Ties on tickets everywhere: a restated tie-breaker (QA) moves the award between agents it does not name.
    const tied = fc.array(fc.integer({ min: 85, max: 100 }), { minLength: 4, maxLength: 4 });
    let unnamedTotal = 0;
    fc.assert(
      fc.property(sequence, tied, tied, ([plan, periods], qa1, qa2) => {
        const flat = periods.map((p: Loose, k: number) => ({
          ...p,
          metrics: p.metrics.map((_: Loose, i: number) => ({ tickets: 100, qa: (k % 2 ? qa1 : qa2)[i] })),
          restate: p.restate.map((r: Loose) => ({
            ...r,
            teamSla: undefined,
            metrics: r.metrics.map((_: Loose, i: number) => ({ tickets: 100, qa: (k % 2 ? qa2 : qa1)[i] })),
          })),
        }));
        const { part, whole, unnamed } = settleBoth(withRank(plan, 1, "excludeAllTiedAtCutoff"), flat);
        expect(part).toBe(whole);
        unnamedTotal += unnamed;
      }),
      // A fixed seed: the check below (some settlement moved an unnamed agent's award) held for most
      // random seeds but not all (one CI run found none in 80), and a test must not fail by chance.
      { numRuns: 80, seed: 1 },
    );
    // The case this property is for: settlements that adjust the award of an agent no restatement named.
    expect(unnamedTotal).toBeGreaterThan(0);
  });
});
