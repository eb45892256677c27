import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backlog,
  channelMix,
  firstContactResolutionRate,
  firstResponseTime,
  mergeTallies,
  reopenRate,
  resolutionTime,
  type SlaPolicy,
  slaCompliance,
  slaCounts,
  type Ticket,
  tallyTickets,
  ticketDurations,
  ticketReport,
} from "../../src/index.js";
import { defined, reportTicket, reportTickets, tallyOptions } from "./arbitraries.js";

const by = ["agentId", { period: "week", of: "createdAt", timeZone: "America/New_York" }] as const;

type Options = {
  asOf: number;
  calendar?: typeof import("./arbitraries.js").newYork | undefined;
  pauseStatuses?: string[] | undefined;
  sla?: SlaPolicy | undefined;
  alpha: number;
};

function tally(list: readonly Ticket[], o: Options, extra: object = {}) {
  return tallyTickets(
    list,
    defined({
      asOf: o.asOf,
      calendar: o.calendar,
      pauseStatuses: o.pauseStatuses,
      sla: o.sla,
      sketch: { relativeAccuracy: o.alpha },
      by: [...by],
      ...extra,
    }),
  );
}

/** Whether `x` is within α (and a few ulps) of the exact value. */
function withinAccuracy(x: number | null, exact: number | null, alpha: number): boolean {
  if (x === null || exact === null) return x === exact;
  const slack = 1e-9 * Math.abs(exact) + 1e-9;
  return x >= exact * (1 - alpha) - slack && x <= exact * (1 + alpha) + slack;
}

function sameMean(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

describe("tallyTickets and ticketReport properties", () => {
  it("every report row always equals the per-array functions on that group's tickets", () => {
    fc.assert(
      fc.property(reportTickets, tallyOptions, (list, o) => {
        const report = ticketReport(tally(list, o), { quantiles: [0, 0.5, 0.9, 1] });
        const measure = defined({ asOf: o.asOf, calendar: o.calendar, pauseStatuses: o.pauseStatuses });
        const rows = [...report.groups, report.total];
        let seen = 0;
        for (const row of rows) {
          const isTotal = Object.keys(row.key).length === 0;
          const group = list.filter(
            (t) =>
              (t.createdAt as number) <= o.asOf &&
              (isTotal ||
                ((t.agentId ?? null) === row.key["agentId"] &&
                  report.groups.some((g) => g === row) &&
                  weekOf(t.createdAt as number) === row.key["week(createdAt)"])),
          );
          if (!isTotal) seen += group.length;
          expect(row.tickets).toBe(group.length);
          const fr = ticketDurations(group, { ...measure, measure: "firstResponse" });
          const res = ticketDurations(group, { ...measure, measure: "resolution" });
          expect(row.firstResponse.n).toBe(fr.measured);
          expect(row.firstResponse.censored).toBe(fr.leftOut.censored);
          expect(row.firstResponse.resolvedWithoutResponse).toBe(fr.leftOut.resolvedWithoutResponse);
          expect(row.resolved).toBe(res.measured);
          expect(row.resolution.censored).toBe(res.leftOut.censored);
          expect(sameMean(row.firstResponse.meanMs, firstResponseTime(group, measure))).toBe(true);
          expect(sameMean(row.resolution.meanMs, resolutionTime(group, measure))).toBe(true);
          for (const { p, ms } of row.firstResponse.quantilesMs) {
            const exact = firstResponseTime(group, { ...measure, statistic: { quantile: p } });
            expect(withinAccuracy(ms, exact, o.alpha)).toBe(true);
          }
          for (const { p, ms } of row.resolution.quantilesMs) {
            const exact = resolutionTime(group, { ...measure, statistic: { quantile: p } });
            expect(withinAccuracy(ms, exact, o.alpha)).toBe(true);
          }
          expect(row.backlog).toBe(backlog(group, { asOf: o.asOf }));
          if (o.sla === undefined) expect(row.sla).toBeNull();
          else {
            const policy = defined({ ...o.sla, calendar: o.calendar, pauseStatuses: o.pauseStatuses });
            expect(row.sla).toEqual({
              ...slaCounts(group, policy, { asOf: o.asOf }),
              compliance: slaCompliance(group, policy, { asOf: o.asOf }),
            });
          }
          const resolved = group.filter((t) => t.resolvedAt != null && (t.resolvedAt as number) <= o.asOf);
          expect(row.reopenRate).toBe(reopenRate(resolved));
          expect(row.firstContactResolutionRate).toBe(firstContactResolutionRate(resolved));
          expect(row.channels).toEqual(channelMix(group.filter((t) => t.channel != null)));
          expect(row.channelUnrecorded).toBe(group.filter((t) => t.channel == null).length);
        }
        expect(seen).toBe(report.total.tickets);
      }),
      { numRuns: 60 },
    );
  });

  it("the tally of the whole always deep-equals the merge of any split, in any order", () => {
    fc.assert(
      fc.property(
        reportTickets,
        tallyOptions,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        (list, o, cuts, reverse) => {
          const points = [...new Set(cuts.map((c) => c % (list.length + 1)))].sort((a, b) => a - b);
          const bounds = [0, ...points, list.length];
          const shards = [];
          for (let k = 0; k + 1 < bounds.length; k++) {
            const from = bounds[k] as number;
            shards.push(tally(list.slice(from, bounds[k + 1]), o, { firstIndex: from }));
          }
          if (reverse) shards.reverse();
          const [first, ...rest] = shards;
          expect(mergeTallies(first as ReturnType<typeof tally>, ...rest)).toEqual(tally(list, o));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a tally always survives a JSON round trip, and its report is unchanged", () => {
    fc.assert(
      fc.property(reportTickets, tallyOptions, (list, o) => {
        const t = tally(list, o);
        const back = JSON.parse(JSON.stringify(t));
        expect(back).toEqual(t);
        expect(ticketReport(back)).toEqual(ticketReport(t));
      }),
      { numRuns: 40 },
    );
  });

  it("setAside always reconciles: records = tickets in groups + created after asOf + set aside", () => {
    const broken = fc.constantFrom<unknown>(
      { createdAt: "2024-03-04T10:00:00" },
      { createdAt: 10, resolvedAt: 5 },
      {
        createdAt: 0,
        statusHistory: [
          { status: "open", at: 5 },
          { status: "pending", at: 1 },
        ],
      },
      { createdAt: 0, agentId: 7 },
      null,
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            reportTicket.map((t) => t as unknown),
            broken,
          ),
          { maxLength: 30 },
        ),
        tallyOptions,
        (list, o) => {
          const t = tally(list as Ticket[], o, { onInvalid: "setAside" });
          const valid = list.filter((x) => {
            try {
              tally([x as Ticket], o);
              return true;
            } catch {
              return false;
            }
          });
          expect(t.setAside.count).toBe(list.length - valid.length);
          expect(t.records).toBe(list.length);
          const inGroups = t.groups.reduce((s, g) => s + g.tickets, 0);
          expect(inGroups + t.createdAfterAsOf + t.setAside.count).toBe(t.records);
          // Set aside means left out of every figure: the tally of the valid ones alone, but for the counts.
          const clean = tally(valid as Ticket[], o);
          expect(t.groups).toEqual(clean.groups);
          expect(Object.values(t.setAside.byCode).reduce((s, n) => s + n, 0)).toBe(t.setAside.count);
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** The ISO week label of an instant in New York, by Intl (an oracle apart from the library's arithmetic). */
function weekOf(ms: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/New_York",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(ms);
  const [y, m, d] = parts.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const dayNumber = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - dayNumber + 3);
  const isoYear = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(isoYear, 0, 4));
  const week =
    1 +
    Math.round(
      (date.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7,
    );
  return `${isoYear}-W${String(week).padStart(2, "0")}`;
}
