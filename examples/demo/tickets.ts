/** The tickets section of the demo (`npm run demo`): returns the lines to print. */
import { readFileSync } from "node:fs";
import * as lib from "../../src/index.js";
import {
  backlog,
  backlogAging,
  channelMix,
  firstContactResolutionRate,
  firstResponseTime,
  leaderboard,
  reopenRate,
  resolutionTime,
  type SlaPolicy,
  slaCompliance,
  slaCounts,
  type Ticket,
  type TicketCalendar,
  ticketDurations,
} from "../../src/index.js";
import { show } from "./page.ts";

interface SampleTicket extends Ticket {
  readonly id: string;
  readonly channel: string;
  readonly priority: string;
  readonly agentId: string;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const END = "2025-07-01T00:00:00Z";

/** The month's SLA policy: calendar hours, the clock paused while waiting on the customer. */
export const POLICY: SlaPolicy = {
  firstResponseMs: 8 * hour,
  resolutionMs: 48 * hour,
  byPriority: {
    urgent: { firstResponseMs: hour, resolutionMs: 8 * hour },
    high: { firstResponseMs: 4 * hour, resolutionMs: 24 * hour },
    low: { firstResponseMs: 24 * hour, resolutionMs: 96 * hour },
  },
  pauseStatuses: ["pending"],
};

function duration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < hour) return `${(ms / minute).toFixed(1)} min`;
  if (ms < 2 * day) return `${(ms / hour).toFixed(1)} h`;
  return `${(ms / day).toFixed(1)} d`;
}
const pct = (x: number | null) => (x === null ? "—" : `${x.toFixed(1)} %`);
const cell = (text: string, width: number) => text.padStart(width);

export function ticketsSection(): string[] {
  const tickets = JSON.parse(readFileSync(new URL("../data/tickets.json", import.meta.url), "utf8")) as SampleTicket[];
  const out: string[] = [];
  const open = ticketDurations(tickets, { asOf: END }).leftOut.censored;
  out.push(`${tickets.length} tickets, June 2025 (examples/data/tickets.json); ${open} still open on 1 July.`);

  out.push(
    "",
    "First response (FRT) and resolution (ART) by channel — median and mean; open tickets are censored, not 0",
  );
  out.push(
    `${"channel".padEnd(8)}${cell("share", 8)}${cell("FRT median", 12)}${cell("FRT mean", 11)}${cell("ART median", 12)}${cell("ART mean", 11)}${cell("ART paused*", 13)}`,
  );
  for (const { channel, percent } of channelMix(tickets)) {
    const group = tickets.filter((t) => t.channel === channel);
    out.push(
      `${channel.padEnd(8)}${cell(pct(percent), 8)}${cell(duration(firstResponseTime(group, { statistic: "median" })), 12)}` +
        `${cell(duration(firstResponseTime(group)), 11)}${cell(duration(resolutionTime(group, { statistic: "median" })), 12)}` +
        `${cell(duration(resolutionTime(group)), 11)}${cell(duration(resolutionTime(group, { statistic: "median", pauseStatuses: ["pending"] })), 13)}`,
    );
  }
  out.push("  * median resolution time with the clock paused while pending (Zendesk's requester wait time)");
  const calendar = officeHours();
  if (calendar !== undefined) {
    const email = tickets.filter((t) => t.channel === "email");
    out.push(
      `  email in business hours (Mon–Fri 09:00–18:00 UTC): FRT median ${duration(firstResponseTime(email, { statistic: "median", calendar }))}, ` +
        `ART median ${duration(resolutionTime(email, { statistic: "median", calendar, pauseStatuses: ["pending"] }))} (paused while pending)`,
    );
  }

  out.push("", "SLA by priority at 1 July (calendar hours, paused while pending; exactly at the target counts as met)");
  out.push(
    `${"priority".padEnd(9)}${cell("targets (FRT / resolution)", 27)}${cell("achieved", 10)}${cell("breached", 10)}${cell("pending", 9)}${cell("compliance", 12)}`,
  );
  for (const priority of ["urgent", "high", "normal", "low"]) {
    const group = tickets.filter((t) => t.priority === priority);
    const targets = { ...POLICY, ...POLICY.byPriority?.[priority] };
    const c = slaCounts(group, POLICY, { asOf: END });
    out.push(
      `${priority.padEnd(9)}${cell(`${duration(targets.firstResponseMs ?? null)} / ${duration(targets.resolutionMs ?? null)}`, 27)}` +
        `${cell(String(c.achieved), 10)}${cell(String(c.breached), 10)}${cell(String(c.pending), 9)}${cell(pct(slaCompliance(group, POLICY, { asOf: END })), 12)}`,
    );
  }
  out.push(
    `${"all".padEnd(9)}${cell("", 27)}${cell("", 29)}${cell(pct(slaCompliance(tickets, POLICY, { asOf: END })), 12)}` +
      `  (per target: ${pct(slaCompliance(tickets, POLICY, { asOf: END, per: "target" }))})`,
  );

  out.push("", "Backlog at the end of each day (open, pending or reopened; in brackets older than 24 h)");
  const start = Date.parse("2025-06-01T00:00:00Z");
  const days: string[] = [];
  for (let d = 1; d <= 30; d++) {
    const asOf = start + d * day - 1;
    days.push(
      `${String(d).padStart(2)}: ${String(backlog(tickets, { asOf })).padStart(3)} (${backlog(tickets, { asOf, olderThanMs: day })})`,
    );
  }
  for (let k = 0; k < days.length; k += 6) out.push(`  ${days.slice(k, k + 6).join("   ")}`);
  const aging = backlogAging(tickets, { asOf: END, bucketsMs: [hour, 8 * hour, day, 3 * day] });
  out.push(
    `  aging at 1 July: ${aging.map((b) => `${b.toMs === null ? `> ${duration(b.fromMs)}` : `≤ ${duration(b.toMs)}`}: ${b.count}`).join(", ")}`,
  );

  out.push(
    "",
    `First-contact resolution ${pct(firstContactResolutionRate(tickets))}; reopen rate ${pct(reopenRate(tickets))} (of resolved tickets).`,
  );

  out.push("", "Agents ranked by SLA compliance (Wilson 95 % lower bound, at least 50 decided tickets)");
  const agents = [...new Set(tickets.map((t) => t.agentId))].sort().map((id) => {
    const c = slaCounts(
      tickets.filter((t) => t.agentId === id),
      POLICY,
      { asOf: END },
    );
    return { id, successes: c.achieved, total: c.achieved + c.breached };
  });
  const raw = new Map(agents.map((a) => [a.id, a]));
  const board = leaderboard(agents, { method: "wilson-lower-bound", minSample: 50 });
  show("tickets", board);
  for (const row of board) {
    if (row.rank === null) continue; // below the minimum sample: listed unranked
    const a = raw.get(row.id) as { successes: number; total: number };
    const frt = firstResponseTime(
      tickets.filter((t) => t.agentId === row.id),
      { statistic: "median" },
    );
    out.push(
      `  ${String(row.rank).padStart(2)}. ${row.id.padEnd(5)} ${cell(`${a.successes}/${a.total}`, 8)} raw ${pct((a.successes * 100) / a.total)}, lower bound ${pct(row.value)}; median FRT ${duration(frt)}`,
    );
  }
  return out;
}

/** Mon–Fri 09:00–18:00 UTC from `businessCalendar`, when the library build has it. */
function officeHours(): TicketCalendar | undefined {
  const make = (lib as unknown as Record<string, unknown>)["businessCalendar"] as
    | ((options: unknown) => TicketCalendar)
    | undefined;
  const day = [["09:00", "18:00"]];
  return make?.({ timeZone: "UTC", week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } });
}
