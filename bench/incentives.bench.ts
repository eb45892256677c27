/**
 * Incentives: one 5-comparison rule (the spec's quality kicker) over 100 000
 * agents against json-rules-engine (async, run per agent, as its README shows),
 * json-logic-js and a hard-coded `if`; and the spec's whole plan for 10 000 and
 * 100 000 agents, trace off and on, against json-rules-engine on that one rule.
 * Targets: ≥ 300× faster than json-rules-engine, ≥ 20× faster than json-logic-js,
 * within 3× of the hard-coded `if`; the whole plan for 10 000 agents cheaper
 * than json-rules-engine's one rule for the same agents.
 */
import jsonLogic from "json-logic-js";
import { Engine } from "json-rules-engine";
import { compileCondition, compilePlan } from "support-metrics";
import { planFixture } from "../test/incentives/plan.ts";
import { type BenchSection, rng, specPlanMetrics } from "./lib.ts";

type Metrics = ReturnType<typeof specPlanMetrics>;

const random = rng(20250630);
function agent(i: number): { id: string; metrics: Metrics } {
  return {
    id: `agent-${String(i).padStart(6, "0")}`,
    metrics: specPlanMetrics(random),
  };
}
const agents100k = Array.from({ length: 100_000 }, (_, i) => agent(i));
const agents10k = agents100k.slice(0, 10_000);
const team = { team_sla_compliance: 96.2 };

// The rule: the spec's quality kicker, five comparisons.
const kicker = compileCondition({
  all: [
    { metric: "qa_score", op: "between", value: [85, 100] },
    {
      any: [
        {
          all: [
            { metric: "csat_score", op: "gte", value: 92 },
            { metric: "csat_responses", op: "gte", value: 20 },
          ],
        },
        { metric: "escalations", op: "eq", value: 0 },
      ],
    },
    { not: { metric: "escalations", op: "gt", value: 3 } },
  ],
});

function hardCoded(m: Metrics): boolean {
  const qa = m.qa_score;
  const escalations = m.escalations;
  return (
    qa >= 85 && qa <= 100 && ((m.csat_score >= 92 && m.csat_responses >= 20) || escalations === 0) && !(escalations > 3)
  );
}

const logicRule = {
  and: [
    { "<=": [85, { var: "qa_score" }, 100] },
    {
      or: [
        { and: [{ ">=": [{ var: "csat_score" }, 92] }, { ">=": [{ var: "csat_responses" }, 20] }] },
        { "==": [{ var: "escalations" }, 0] },
      ],
    },
    { "!": { ">": [{ var: "escalations" }, 3] } },
  ],
};

const engine = new Engine(
  [
    {
      conditions: {
        all: [
          { fact: "qa_score", operator: "greaterThanInclusive", value: 85 },
          { fact: "qa_score", operator: "lessThanInclusive", value: 100 },
          {
            any: [
              {
                all: [
                  { fact: "csat_score", operator: "greaterThanInclusive", value: 92 },
                  { fact: "csat_responses", operator: "greaterThanInclusive", value: 20 },
                ],
              },
              { fact: "escalations", operator: "equal", value: 0 },
            ],
          },
          { not: { fact: "escalations", operator: "greaterThan", value: 3 } },
        ],
      },
      event: { type: "quality_kicker" },
    },
  ],
  { allowUndefinedFacts: false },
);

function countOurs(list: readonly { metrics: Metrics }[]): number {
  let c = 0;
  for (let i = 0; i < list.length; i++) if (kicker(list[i]!.metrics)) c++;
  return c;
}
function countHard(list: readonly { metrics: Metrics }[]): number {
  let c = 0;
  for (let i = 0; i < list.length; i++) if (hardCoded(list[i]!.metrics)) c++;
  return c;
}
function countLogic(list: readonly { metrics: Metrics }[]): number {
  let c = 0;
  for (let i = 0; i < list.length; i++) if (jsonLogic.apply(logicRule, list[i]!.metrics)) c++;
  return c;
}
async function countEngine(list: readonly { metrics: Metrics }[]): Promise<number> {
  let c = 0;
  for (let i = 0; i < list.length; i++) {
    const { events } = await engine.run(list[i]!.metrics);
    if (events.length > 0) c++;
  }
  return c;
}

const plan = planFixture();
const run = compilePlan(plan);
const input10k = { agents: agents10k, teamMetrics: team };
const input100k = { agents: agents100k, teamMetrics: team };

export async function sections(): Promise<BenchSection[]> {
  // Every row must agree before anything is timed.
  const expected = countHard(agents100k);
  for (const [name, value] of [
    ["support-metrics", countOurs(agents100k)],
    ["json-logic-js", countLogic(agents100k)],
    ["json-rules-engine", await countEngine(agents100k)],
  ] as const) {
    if (value !== expected) throw new Error(`${name} counted ${value}, the hard-coded if ${expected}`);
  }
  const planCash = run(input10k).totals.cashMinor;
  if (run(input10k, { trace: true }).totals.cashMinor !== planCash) throw new Error("trace changed the totals");

  return [
    {
      title: "One 5-comparison rule (the quality kicker) over 100 000 agents",
      baseline: "support-metrics compileCondition",
      target: "≥ 300× faster than json-rules-engine, ≥ 20× faster than json-logic-js, within 3× of the hard-coded if",
      timeMs: 1000,
      iterations: 5,
      rows: [
        { name: "support-metrics compileCondition", fn: () => countOurs(agents100k), items: 100_000 },
        { name: "hard-coded if", fn: () => countHard(agents100k), items: 100_000 },
        { name: "json-logic-js", fn: () => countLogic(agents100k), items: 100_000 },
        { name: "json-rules-engine (async)", fn: () => countEngine(agents100k), items: 100_000 },
      ],
    },
    {
      title: "The spec's whole plan (INCENTIVES.md) vs json-rules-engine on one rule",
      baseline: "json-rules-engine, one rule, 10 000 agents",
      target: "the whole plan for 10 000 agents costs less than json-rules-engine's one rule for them (ratio < 1)",
      timeMs: 1000,
      iterations: 3,
      rows: [
        { name: "json-rules-engine, one rule, 10 000 agents", fn: () => countEngine(agents10k), items: 10_000 },
        { name: "evaluatePlan, 10 000 agents", fn: () => run(input10k), items: 10_000 },
        { name: "evaluatePlan, 10 000 agents, trace", fn: () => run(input10k, { trace: true }), items: 10_000 },
        { name: "evaluatePlan, 100 000 agents", fn: () => run(input100k), items: 100_000 },
        { name: "evaluatePlan, 100 000 agents, trace", fn: () => run(input100k, { trace: true }), items: 100_000 },
      ],
    },
  ];
}
