/**
 * slaCompliance over 1 million tickets: overall and per-priority targets,
 * open tickets evaluated at asOf, with and without pausing over a status
 * history, and with ISO-string instants (what a JSON export gives).
 */
import { firstResponseTime, resolutionTime, slaCompliance, type Ticket } from "support-metrics";
import { type BenchSection, rng } from "./lib.ts";

const n = 1_000_000;
const hour = 3_600_000;
const start = Date.UTC(2025, 5, 1);
const random = rng(7);
const priorities = ["low", "normal", "high", "urgent"] as const;

const tickets: Ticket[] = [];
const withHistory: Ticket[] = [];
for (let i = 0; i < n; i++) {
  const createdAt = start + Math.floor(random() * 30 * 24 * hour);
  const response = createdAt + Math.floor(random() * 8 * hour);
  const open = random() < 0.1;
  const resolvedAt = open ? undefined : response + Math.floor(random() * 72 * hour);
  const priority = priorities[i & 3] as string;
  const t: Ticket = {
    createdAt,
    firstResponseAt: response,
    priority,
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
  };
  tickets.push(t);
  const pendingAt = response + hour;
  withHistory.push({
    ...t,
    statusHistory: [
      { status: "new", at: createdAt },
      { status: "open", at: response },
      { status: "pending", at: pendingAt },
      { status: "open", at: pendingAt + 2 * hour },
    ],
  });
}
const isoTickets: Ticket[] = tickets.slice(0, 100_000).map((t) => ({
  ...t,
  createdAt: new Date(t.createdAt as number).toISOString(),
  firstResponseAt: new Date(t.firstResponseAt as number).toISOString(),
  ...(t.resolvedAt === undefined ? {} : { resolvedAt: new Date(t.resolvedAt as number).toISOString() }),
}));

const policy = {
  firstResponseMs: 4 * hour,
  resolutionMs: 48 * hour,
  byPriority: { urgent: { firstResponseMs: hour, resolutionMs: 8 * hour }, high: { firstResponseMs: 2 * hour } },
};
const asOf = start + 31 * 24 * hour;

export const sections: BenchSection[] = [
  {
    title: "slaCompliance, 1 000 000 tickets (epoch-ms instants)",
    baseline: "slaCompliance, per ticket",
    rows: [
      { name: "slaCompliance, per ticket", fn: () => slaCompliance(tickets, policy, { asOf }), items: n },
      {
        name: "slaCompliance, per target",
        fn: () => slaCompliance(tickets, policy, { asOf, per: "target" }),
        items: n,
      },
      {
        name: "slaCompliance, pausing on pending (4-entry histories)",
        fn: () => slaCompliance(withHistory, { ...policy, pauseStatuses: ["pending"] }, { asOf }),
        items: n,
      },
      { name: "resolutionTime (mean)", fn: () => resolutionTime(tickets), items: n },
      { name: "firstResponseTime (median)", fn: () => firstResponseTime(tickets, { statistic: "median" }), items: n },
    ],
  },
  {
    title: "slaCompliance, 100 000 tickets with ISO 8601 string instants",
    baseline: "slaCompliance, ISO strings",
    rows: [
      { name: "slaCompliance, ISO strings", fn: () => slaCompliance(isoTickets, policy, { asOf }), items: 100_000 },
    ],
    timeMs: 1000,
  },
];
