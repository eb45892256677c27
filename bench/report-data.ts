/**
 * The data of "a month of a 10 000-agent centre" (issue 10), shared by
 * `report.bench.ts`, `scripts/report-snapshot.mjs` (outputs before and after a
 * change) and profiling runs at smaller sizes. Tickets carry 3–5-entry status
 * histories and ISO-string instants (what a JSON export gives); survey
 * responses carry CSAT 1–5, NPS 0–10, CES 1–7 and a sentiment, each left
 * unanswered one time in five. Only types come from `src`: the data is plain
 * JSON-like objects. Deterministic: the same sizes give the same data.
 */
import type { BusinessCalendarOptions, SurveyReport, SurveyResponse, Ticket, TicketReport } from "../src/index.ts";
import { rng } from "./lib.ts";

const hour = 3_600_000;
/** June 2025, New York midnight. */
const start = Date.UTC(2025, 5, 1, 4);
const priorities = ["low", "normal", "high", "urgent"] as const;
const channels = ["email", "chat", "phone", "web"] as const;
const sentiments = ["positive", "negative", "neutral"] as const;
const iso = (ms: number): string => new Date(ms).toISOString();
const agentId = (i: number): string => `agent-${String(i).padStart(5, "0")}`;

/** `n` tickets of a month spread over `agents` agents (the bench: 2 000 000 over 10 000). */
export function reportBenchTickets(n: number, agents = 10_000): Ticket[] {
  const random = rng(10);
  const tickets: Ticket[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const created = start + Math.floor(random() * 30 * 24 * hour);
    const response = created + Math.floor(random() * 8 * hour);
    const open = random() < 0.1;
    const resolved = response + Math.floor(random() * 72 * hour);
    const history = [
      { status: "new", at: iso(created) },
      { status: "open", at: iso(response) },
    ];
    const extra = Math.floor(random() * 3); // 3–5 entries
    let at = response;
    for (let k = 0; k < extra; k++) {
      at += Math.floor(random() * 4 * hour);
      history.push({ status: k % 2 === 0 ? "pending" : "open", at: iso(at) });
    }
    if (!open) history.push({ status: "solved", at: iso(Math.max(resolved, at)) });
    tickets[i] = {
      createdAt: iso(created),
      firstResponseAt: iso(response),
      ...(open ? {} : { resolvedAt: iso(Math.max(resolved, at)) }),
      agentId: agentId(i % agents),
      priority: priorities[i & 3] as string,
      channel: channels[(i >> 2) & 3] as string,
      reopenCount: random() < 0.05 ? 1 : 0,
      contactsToResolve: 1 + Math.floor(random() * 2),
      statusHistory: history,
    };
  }
  return tickets;
}

/** `n` survey responses of the same month over `agents` agents (the bench: 400 000 over 10 000). */
export function reportBenchSurveys(n: number, agents = 10_000): SurveyResponse[] {
  const random = rng(11);
  const answered = <T>(value: T): T | null => (random() < 0.8 ? value : null);
  const responses: SurveyResponse[] = new Array(n);
  for (let i = 0; i < n; i++) {
    responses[i] = {
      at: iso(start + Math.floor(random() * 30 * 24 * hour)),
      agentId: agentId(i % agents),
      csat: answered(1 + Math.floor(random() * 5)),
      nps: answered(Math.floor(random() * 11)),
      ces: answered(1 + Math.floor(random() * 7)),
      sentiment: answered(sentiments[Math.floor(random() * 3)] as string),
    };
  }
  return responses;
}

const day = [["09:00", "17:00"]] as const;

/**
 * The calendar's options: Mon–Fri 09:00–17:00 New York, with the month's two
 * holidays (each caller builds it with the `businessCalendar` it measures: the
 * built `dist` or `src`).
 */
export const reportBenchCalendarOptions: BusinessCalendarOptions = {
  timeZone: "America/New_York",
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: ["2025-06-19", "2025-07-04"],
};

/** The instant the month is read at: a day after its last ticket. */
export const reportBenchAsOf = start + 31 * 24 * hour;

/** SLA by priority: 4 h / 40 h overall, urgent 1 h / 8 h, high 2 h first response. */
export const reportBenchSla = {
  firstResponseMs: 4 * hour,
  resolutionMs: 40 * hour,
  byPriority: { urgent: { firstResponseMs: hour, resolutionMs: 8 * hour }, high: { firstResponseMs: 2 * hour } },
};

/**
 * The benchmark's ticket tally options: per agent, in the given business
 * calendar (built from {@link reportBenchCalendarOptions} by the caller's copy
 * of the library), with "pending" pausing the clock and SLA by priority.
 */
export function reportBenchTallyOptions<Calendar>(calendar: Calendar) {
  return { asOf: reportBenchAsOf, calendar, pauseStatuses: ["pending"], sla: reportBenchSla, by: ["agentId"] };
}

/**
 * The incentive plan's input for every agent of the ticket report: tickets
 * resolved, SLA compliance and median first response from the tickets, CSAT
 * score and answers from the surveys; the metrics neither measures are fixed,
 * so the plan runs its full path.
 */
export function reportBenchPlanInput(report: TicketReport, surveys: SurveyReport) {
  const csatOf = new Map(surveys.groups.map((row) => [row.key["agentId"], row.csat]));
  return {
    agents: report.groups.map((row) => {
      const csat = csatOf.get(row.key["agentId"] as string);
      return {
        id: row.key["agentId"] as string,
        metrics: {
          tickets_resolved: row.resolved,
          csat_score: csat?.score ?? 0,
          csat_responses: csat?.answered ?? 0,
          sla_compliance: row.sla?.compliance ?? 100,
          frt_median_min: (row.firstResponse.quantilesMs[0]?.ms ?? 0) / 60_000,
          qa_score: 90,
          escalations: 1,
          active_days: 20,
        },
      };
    }),
    teamMetrics: { team_sla_compliance: report.total.sla?.compliance ?? 100 },
  };
}
