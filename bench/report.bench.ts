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
 * The sketch's own insert and merge are timed in `quantile-sketch.bench.ts`,
 * which runs before this file loads its tickets.
 */
import {
  businessCalendar,
  compilePlan,
  surveyReport,
  type Ticket,
  tallySurveys,
  tallyTickets,
  ticketReport,
} from "support-metrics";
import { planFixture } from "../test/incentives/plan.ts";
import type { BenchSection } from "./lib.ts";
import {
  reportBenchCalendarOptions,
  reportBenchPlanInput,
  reportBenchSurveys,
  reportBenchTallyOptions,
  reportBenchTickets,
} from "./report-data.ts";

const n = 2_000_000;
const surveyCount = 400_000;
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
  return [
    {
      title:
        "A month of a 10 000-agent centre: 2 000 000 tickets (ISO instants, 3–5-entry histories), 400 000 survey responses",
      baseline: "hand-written pass (calendar time, no checks)",
      target: "the library's whole part ≤ 3× the hand-written pass",
      timeMs: 1,
      // Two untimed runs first: the collector is still marking and sweeping the 2 M freshly built
      // tickets for the first few seconds, which slowed whichever row ran first by up to 2×.
      warmupIterations: 2,
      iterations: 5,
      rows: [
        { name: "hand-written pass (calendar time, no checks)", fn: handPass, items: n },
        {
          name: "tallyTickets + ticketReport + tallySurveys + surveyReport + evaluatePlan (New York hours, pauses, SLA by priority)",
          fn: library,
          items: n,
        },
      ],
    },
  ];
}
