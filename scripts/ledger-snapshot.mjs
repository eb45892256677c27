/**
 * Writes what `settlePayouts` returns (or throws) on the ledger benchmark's
 * data and on generated period sequences, so that a change meant only to make
 * the ledger faster can be shown to change no byte of its output. Compare two
 * snapshots with output-snapshot.mjs:
 *
 *   npx tsx scripts/ledger-snapshot.mjs write reports/ledger-before.json [agents]
 *   npx tsx scripts/ledger-snapshot.mjs write reports/ledger-after.json [agents]
 *   npx tsx scripts/output-snapshot.mjs compare reports/ledger-before.json reports/ledger-after.json
 *
 * Cases: the benchmark's 12 months for `agents` agents (default 500), each
 * settlement as SHA-256 digests of its `JSON.stringify` text (whole, and per
 * agent, so a difference names the agent); 300 generated sequences
 * (test/incentives/ledger/sequences.ts, fixed seed) settled on one plan, on a
 * schedule that changes plan mid-period every third period, and re-settled
 * with every period restated unchanged, each settlement in full; and a few bad
 * calls, as the error's code and issues.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { ledgerBenchData } from "../bench/ledger-data.ts";
import { settlePayouts } from "../src/index.ts";
import { run, sequence } from "../test/incentives/ledger/sequences.ts";

const [mode, file, agentsArg] = process.argv.slice(2);
if (mode !== "write" || !file) {
  console.error("usage: npx tsx scripts/ledger-snapshot.mjs write <file.json> [agents]");
  process.exit(2);
}

const out = {};
const digest = (value) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 24);

function outcome(fn) {
  try {
    return fn();
  } catch (error) {
    return { error: error.name, code: error.code, issues: error.issues, message: error.message };
  }
}

// The benchmark's data.
const agents = Number(agentsArg ?? 500);
const data = ledgerBenchData(agents, 12);
let previous;
for (const input of data.inputs) {
  const settlement = settlePayouts(data.plan, input, previous ? { previous } : undefined);
  const { agents: settled, ...rest } = settlement;
  out[`bench ${agents} ${input.period}`] = {
    whole: digest(settlement),
    rest: digest(rest),
    totals: settlement.totals,
    agents: Object.fromEntries(settled.map((a) => [a.id, digest(a)])),
  };
  previous = settlement;
}

// Generated sequences: one plan; a schedule changing plan mid-period; unchanged restatements.
const samples = fc.sample(sequence, { seed: 20251205, numRuns: 300 });
samples.forEach(([plan, periods], n) => {
  out[`sequence ${n}`] = outcome(() => run(plan, periods).settlements);
  const v2 = {
    ...plan,
    version: 2,
    components: [{ ...plan.components[0], ratePerUnitMinor: "41.25" }, plan.components[1]],
  };
  const schedule = {
    plans: [
      { plan, from: "2025-03-01", to: "2025-03-12" },
      { plan: v2, from: "2025-03-13", to: "2025-03-31" },
    ],
  };
  const planOf = (k) => (k % 3 === 1 ? schedule : k % 3 === 2 ? v2 : plan);
  out[`schedule ${n}`] = outcome(() => run(plan, periods, planOf).settlements);
  out[`unchanged ${n}`] = outcome(() => {
    const { settlements, inputs, finals } = run(plan, periods);
    const restatements = [...finals.entries()].map(([period, f]) => ({
      period,
      agents: f.agents,
      teamMetrics: f.teamMetrics,
    }));
    const input = { period: "next", agents: inputs[0].agents, teamMetrics: { team_sla: 90 }, restatements };
    return settlePayouts(plan, input, { previous: settlements[settlements.length - 1] });
  });
});

// Bad calls.
const [plan, periods] = samples[0];
const first = run(plan, periods.slice(0, 1)).settlements[0];
const bad = {
  "invalid plan": () =>
    settlePayouts(
      { ...plan, components: [{ ...plan.components[0], holdback: { pct: 120 } }] },
      { period: "x", agents: [] },
    ),
  "unknown period": () =>
    settlePayouts(
      plan,
      { period: "x", agents: [], teamMetrics: { team_sla: 90 }, restatements: [{ period: "nope", agents: [] }] },
      { previous: first },
    ),
  "restated metric": () =>
    settlePayouts(
      plan,
      {
        period: "x",
        agents: [],
        teamMetrics: { team_sla: 90 },
        restatements: [
          {
            period: "P01",
            agents: first.agents.slice(0, 1).map((a) => ({ id: a.id, metrics: { tickets: -1, qa: 90 } })),
          },
        ],
      },
      { previous: first },
    ),
  "missing team metric": () => settlePayouts(plan, { period: "x", agents: [] }, { previous: first }),
  "missing metric": () =>
    settlePayouts(
      plan,
      { period: "x", agents: [{ id: "ava", metrics: { tickets: 1 } }], teamMetrics: { team_sla: 90 } },
      { previous: first },
    ),
  "changed plan": () =>
    settlePayouts(
      { ...plan, components: [{ ...plan.components[0], ratePerUnitMinor: 1 }, plan.components[1]] },
      { period: "x", agents: [] },
      { previous: first },
    ),
};
for (const [name, fn] of Object.entries(bad)) out[`bad ${name}`] = outcome(fn);

writeFileSync(file, JSON.stringify(out));
console.log(`${Object.keys(out).length} cases written to ${file}`);
