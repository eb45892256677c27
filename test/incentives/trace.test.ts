import { describe, expect, it } from "vitest";
import { evaluatePlan, formatTrace } from "../../src/index.js";
import { planFixture, planInput } from "./plan.js";

describe("formatTrace", () => {
  const result = evaluatePlan(planFixture(), planInput(), { trace: true });
  const ben = formatTrace(result.agents[1]!);

  it("renders ben's statement with every figure a calculator needs", () => {
    for (const text of [
      "Statement for ben",
      "p = 2/5",
      "target 160 (prorated from 400)",
      "30 × 112.5 = 3375",
      "csat: csat_score 94 → 0 (gate min_sample fails: csat_responses 14 < 20)",
      "sla: sla_compliance 96.5 → 125 (between [95, 100] and [98, 150])",
      "W = 385/6 ≈ 64.17 (gate 60: passed)",
      "16000 × 385/6 / 100 = 30800/3 ≈ 10266.67",
      "rounded halfAwayFromZero: 30800/3 ≈ 10266.67 → 10267",
      "✗ csat_responses 14 < 20",
      "✓ escalations 0 = 0",
      "top_resolvers (rank): not won; not eligible",
      "share = 100000 × 190 / 1636 = 4750000/409 ≈ 11613.69 → 11614 (a leftover unit by largest remainder)",
      "Cash: USD 427.56",
    ]) {
      expect(ben).toContain(text);
    }
  });

  it("shows caps that bound, the plan cap adjustment and non-cash rewards (ava)", () => {
    const ava = formatTrace(result.agents[0]!);
    expect(ava).toContain("cap (amount) USD 450.00: bound, 49750 → 45000");
    expect(ava).toContain("Plan cap USD 1,200.00: components USD 1,225.00 → adjustment USD -25.00");
    expect(ava).toContain("Reward: 1 day paidTimeOff (top_resolvers)");
    expect(ava).toContain("Cash: USD 1,578.97");
  });

  it("explains the tie at the cutoff (dev)", () => {
    expect(formatTrace(result.agents[3]!)).toContain(
      "rank 2 of 3, tied with cleo across the cutoff of top 2 (2 tied for places 2–3); includeAllTiedAtCutoff: all win",
    );
  });

  it("throws missing_value for a result without a trace", () => {
    const plain = evaluatePlan(planFixture(), planInput()).agents[0]!;
    expect(() => formatTrace(plain)).toThrow(
      expect.objectContaining({ code: "missing_value", fn: "formatTrace", path: "agent.trace" }),
    );
  });
});
