/**
 * "A month of a 10 000-agent centre" (issue 10): 2 000 000 tickets with 3–5-entry
 * status histories and ISO-string instants (what a JSON export gives), and
 * 400 000 survey responses. The library's part: every per-agent and company
 * ticket KPI in New York business hours with pausing and SLA by priority
 * (`tallyTickets` + `ticketReport`), the per-agent survey scores
 * (`tallySurveys` + `surveyReport`), then `evaluatePlan` for every agent.
 * Against one hand-written pass over the same tickets that sums per-agent
 * durations in calendar time with no checks. The data: `report-data.ts`.
 *
 * Also `quantileSketch` insert and merge against `@datadog/sketches-js`
 * (the reference DDSketch implementation, same logarithmic mapping), with the
 * accuracy of both checked on the same data before anything is timed.
 */
import { DDSketch } from "@datadog/sketches-js";
import {
  businessCalendar,
  compilePlan,
  mergeSketches,
  quantile,
  quantileSketch,
  sketchQuantile,
  surveyReport,
  type Ticket,
  tallySurveys,
  tallyTickets,
  ticketReport,
} from "../dist/index.js";
import { planFixture } from "../test/incentives/plan.ts";
import { type BenchSection, rng } from "./lib.ts";
import {
  reportBenchCalendarOptions,
  reportBenchPlanInput,
  reportBenchSurveys,
  reportBenchTallyOptions,
  reportBenchTickets,
} from "./report-data.ts";

const n = 2_000_000;
const surveyCount = 400_000;
const random = rng(10);
const tickets = reportBenchTickets(n);
const responses = reportBenchSurveys(surveyCount);
const calendar = businessCalendar(reportBenchCalendarOptions);
const tallyOptions = reportBenchTallyOptions(calendar);
const plan = compilePlan(planFixture());

/** The library's whole part: the ticket and survey tallies, their reports, the plan for every agent. */
function library(): number {
  const tally = tallyTickets(tickets, tallyOptions);
  const report = ticketReport(tally, { quantiles: [0.5] });
  const surveys = surveyReport(tallySurveys(responses, { by: ["agentId"] }));
  const input = reportBenchPlanInput(report, surveys);
  return plan(input).agents.length + report.total.tickets + surveys.total.responses;
}

/** One hand-written pass: per-agent first-response and resolution sums in calendar time, no checks. */
function handPass(): number {
  const byAgent = new Map<string, { fr: number; res: number; n: number }>();
  for (let i = 0; i < tickets.length; i++) {
    const t = tickets[i] as Ticket;
    let a = byAgent.get(t.agentId as string);
    if (a === undefined) {
      a = { fr: 0, res: 0, n: 0 };
      byAgent.set(t.agentId as string, a);
    }
    const created = Date.parse(t.createdAt as string);
    if (t.firstResponseAt) a.fr += Date.parse(t.firstResponseAt as string) - created;
    if (t.resolvedAt) {
      a.res += Date.parse(t.resolvedAt as string) - created;
      a.n++;
    }
  }
  return byAgent.size;
}

// Sketch data: 1 000 000 durations, log-normal around 20 minutes, plus zeros.
const m = 1_000_000;
const durations = new Float64Array(m);
for (let i = 0; i < m; i++) {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  durations[i] = i % 100 === 0 ? 0 : Math.round(1_200_000 * Math.exp(1.5 * z));
}
const shards = 100;
const shardSize = m / shards;
const ours = Array.from({ length: shards }, (_, k) =>
  quantileSketch(durations.subarray(k * shardSize, (k + 1) * shardSize)),
);
const theirs = Array.from({ length: shards }, (_, k) => {
  const s = new DDSketch({ relativeAccuracy: 0.01 });
  for (let i = k * shardSize; i < (k + 1) * shardSize; i++) s.accept(durations[i] as number);
  return s;
});

function datadogInsert(): number {
  const s = new DDSketch({ relativeAccuracy: 0.01 });
  for (let i = 0; i < m; i++) s.accept(durations[i] as number);
  return s.count;
}

function datadogMerge(): number {
  const s = new DDSketch({ relativeAccuracy: 0.01 });
  for (const t of theirs) s.merge(t);
  return s.count;
}

/** The relative error of each at p = 0.5, 0.9, 0.99 against the exact R-7 quantile (printed, and checked ≤ α). */
function accuracy(): string {
  const whole = mergeSketches(...ours);
  const dd = new DDSketch({ relativeAccuracy: 0.01 });
  for (const t of theirs) dd.merge(t);
  const rows: string[] = [];
  for (const p of [0.5, 0.9, 0.99]) {
    const exact = quantile(durations, p) as number;
    const a = Math.abs((sketchQuantile(whole as NonNullable<typeof whole>, p) as number) - exact) / exact;
    const b = Math.abs(dd.getValueAtQuantile(p) - exact) / exact;
    if (a > 0.01 + 1e-9) throw new Error(`quantileSketch off by ${a} at p = ${p}`);
    rows.push(`p ${p}: support-metrics ${(a * 100).toFixed(3)} %, @datadog/sketches-js ${(b * 100).toFixed(3)} %`);
  }
  return rows.join("; ");
}

// The whole run's peak memory (the 2 M tickets, 400 k responses and every row's work), printed at exit.
process.on("exit", () => {
  console.log(`report bench: process peak RSS ${(process.resourceUsage().maxRSS / 2 ** 10).toFixed(0)} MiB`);
});

export async function sections(): Promise<BenchSection[]> {
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const tally = tallyTickets(tickets, tallyOptions);
  const once = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(
    `tallyTickets once: ${once.toFixed(0)} ms; heap grew ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MiB ` +
      `(the tally: ${(JSON.stringify(tally).length / 2 ** 20).toFixed(1)} MiB of JSON); ` +
      `process peak RSS ${(process.resourceUsage().maxRSS / 2 ** 10).toFixed(0)} MiB with the 2 M tickets in memory`,
  );
  console.log(`sketch accuracy, 1 M durations, α = 0.01: ${accuracy()}`);
  return [
    {
      title:
        "A month of a 10 000-agent centre: 2 000 000 tickets (ISO instants, 3–5-entry histories), 400 000 survey responses",
      baseline: "hand-written pass (calendar time, no checks)",
      target: "the library's whole part ≤ 3× the hand-written pass",
      timeMs: 1,
      iterations: 3,
      rows: [
        { name: "hand-written pass (calendar time, no checks)", fn: handPass, items: n },
        {
          name: "tallyTickets + ticketReport + tallySurveys + surveyReport + evaluatePlan (New York hours, pauses, SLA by priority)",
          fn: library,
          items: n,
        },
      ],
    },
    {
      title: "Quantile sketch insert, 1 000 000 durations, α = 0.01",
      baseline: "@datadog/sketches-js accept",
      target: "at least as fast per value as @datadog/sketches-js, same accuracy",
      timeMs: 1000,
      iterations: 5,
      rows: [
        { name: "quantileSketch", fn: () => quantileSketch(durations).count, items: m },
        { name: "@datadog/sketches-js accept", fn: datadogInsert, items: m },
      ],
    },
    {
      title: "Quantile sketch merge, 100 shards of 10 000 durations",
      baseline: "@datadog/sketches-js merge",
      timeMs: 1000,
      rows: [
        { name: "mergeSketches", fn: () => mergeSketches(...ours)?.count, items: shards },
        { name: "@datadog/sketches-js merge", fn: datadogMerge, items: shards },
      ],
    },
  ];
}
