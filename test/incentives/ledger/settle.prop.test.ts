/**
 * settlePayouts properties over generated period sequences: agents joining and
 * leaving, restatements of random earlier periods, every clawback policy,
 * holdbacks and draws. The earned-to-date oracle is `evaluatePlan` run on each
 * period's final data, independently of the ledger.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluatePlan, settlePayouts } from "../../../src/index.js";
import type { Loose } from "../helpers.js";
import { run, sequence } from "./sequences.js";

function sumKind(settlements: Loose[], id: string | null, kind: string): number {
  let s = 0;
  for (const st of settlements)
    for (const a of st.agents)
      if (id === null || a.id === id) for (const l of a.lines) if (l.kind === kind) s += l.amountMinor;
  return s;
}

describe("settlePayouts properties (generated period sequences)", () => {
  it("paid to date always equals earned + forgiven + owed − recovered + advanced − held + released, per agent and in total", () => {
    fc.assert(
      fc.property(sequence, ([plan, periods]) => {
        const { settlements, finals } = run(plan, periods);
        const earned = new Map<string, number>();
        for (const f of finals.values()) {
          for (const a of evaluatePlan(plan, f).agents) earned.set(a.id, (earned.get(a.id) ?? 0) + a.cashMinor);
        }
        const last = settlements[settlements.length - 1];
        let total = 0;
        let totalPaid = 0;
        for (const a of last.agents) {
          let paid = 0;
          for (const st of settlements) paid += st.agents.find((x: Loose) => x.id === a.id)?.paidMinor ?? 0;
          const t = a.carry.toDate;
          const expected =
            (earned.get(a.id) ?? 0) +
            t.forgivenMinor +
            t.owedMinor +
            sumKind(settlements, a.id, "drawRecovery") +
            sumKind(settlements, a.id, "drawAdvance") +
            sumKind(settlements, a.id, "holdback") +
            sumKind(settlements, a.id, "release");
          expect(paid).toBe(expected);
          expect(t.paidMinor).toBe(paid);
          expect(t.earnedMinor).toBe(earned.get(a.id) ?? 0);
          total += expected;
          totalPaid += paid;
        }
        expect(settlements.reduce((s, st) => s + st.totals.paidMinor, 0)).toBe(totalPaid);
        expect(totalPaid).toBe(total);
      }),
      { numRuns: 60 },
    );
  });

  it("with carryForward no payment is ever negative", () => {
    fc.assert(
      fc.property(sequence, ([plan, periods]) => {
        const p = { ...plan, clawback: { policy: "carryForward" } };
        for (const st of run(p, periods).settlements)
          for (const a of st.agents) expect(a.paidMinor).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });

  it("re-settling with unchanged restatements never produces an adjustment line", () => {
    fc.assert(
      fc.property(sequence, ([plan, periods]) => {
        const { settlements, inputs, finals } = run(plan, periods);
        const previous = settlements[settlements.length - 1];
        const restatements = [...finals.entries()].map(([period, f]) => ({
          period,
          agents: f.agents,
          teamMetrics: f.teamMetrics,
        }));
        const next = settlePayouts(
          plan,
          { period: "next", agents: inputs[0].agents, teamMetrics: { team_sla: 90 }, restatements },
          { previous },
        );
        // Only clawbacks carried from earlier settlements may still be recovered: none comes from the restatements.
        for (const a of next.agents) {
          expect(a.lines.filter((l) => l.kind === "adjustment" && l.restatedMinor !== undefined)).toEqual([]);
        }
        const without = settlePayouts(
          plan,
          { period: "next", agents: inputs[0].agents, teamMetrics: { team_sla: 90 } },
          { previous },
        );
        expect(next.agents.map((a) => a.lines)).toEqual(without.agents.map((a) => a.lines));
      }),
      { numRuns: 40 },
    );
  });

  it("the order of restatements within one settlement never changes the result", () => {
    fc.assert(
      fc.property(sequence, fc.integer(), ([plan, periods], seed) => {
        const { settlements, inputs } = run(plan, periods);
        const k = inputs.length - 1;
        const input = inputs[k];
        if (!input.restatements || input.restatements.length < 2) return;
        const previous = k > 0 ? { previous: settlements[k - 1] } : undefined;
        const reversed = { ...input, restatements: seed % 2 ? [...input.restatements].reverse() : input.restatements };
        expect(settlePayouts(plan, reversed, previous)).toEqual(settlements[k]);
      }),
      { numRuns: 80 },
    );
  });

  it("a holdback is always released exactly once, in full, releaseAfterPeriods settlements later", () => {
    fc.assert(
      fc.property(sequence, ([plan, periods]) => {
        const { settlements } = run(plan, periods);
        const after = plan.components[0].holdback.releaseAfterPeriods;
        settlements.forEach((st, k) => {
          for (const a of st.agents) {
            for (const h of a.lines.filter((l: Loose) => l.kind === "holdback")) {
              const releases = settlements.flatMap((s, j) =>
                s.agents
                  .filter((x: Loose) => x.id === a.id)
                  .flatMap((x: Loose) =>
                    x.lines.filter((l: Loose) => l.kind === "release" && l.period === h.period).map(() => j),
                  ),
              );
              const amounts = settlements.flatMap((s) =>
                s.agents
                  .filter((x: Loose) => x.id === a.id)
                  .flatMap((x: Loose) => x.lines.filter((l: Loose) => l.kind === "release" && l.period === h.period)),
              );
              if (k + after < settlements.length) {
                expect(releases).toEqual([k + after]);
                expect(amounts[0].amountMinor).toBe(-h.amountMinor);
              } else expect(releases).toEqual([]);
            }
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
