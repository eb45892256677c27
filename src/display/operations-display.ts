/**
 * Internal: the display bundles of `ticketReport` and `contactReport`.
 */
import type { ContactReport, TicketReport, TicketReportRow } from "../reports/index.js";
import type { DisplayBundle } from "./bundle.js";
import { formatDuration, formatPercent } from "./format.js";
import { type HistogramPanel, histogramChart } from "./histogram-chart.js";
import { groupLabel, setAsideNote, titleBy } from "./labels.js";
import { barChart, stackedChart } from "./svg.js";
import { htmlTable, type TableSpec, textTable } from "./table.js";

/**
 * Internal: the bundle of a ticket report: a table per group, the histograms of
 * the total's durations (`panels`, from its sketches), resolution-time bars per
 * group when there are groups, SLA bars. The SVG is the histograms.
 */
export function displayTicketReport(report: TicketReport, panels: readonly HistogramPanel[]): DisplayBundle {
  const rows = [...report.groups, report.total];
  const ps = report.total.resolution.quantilesMs.map((q) => q.p);
  const pName = (p: number): string => `p${Math.round(p * 1000) / 10}`;
  const hasSla = rows.some((r) => r.sla !== null);
  const table: TableSpec = {
    title: titleBy("Ticket report", report.groups),
    header: [
      "group",
      "tickets",
      "resolved",
      "backlog",
      "first response (mean)",
      "resolution (mean)",
      ...ps.map((p) => `resolution ${pName(p)}`),
      ...(hasSla ? ["SLA"] : []),
      "reopened",
      "first contact",
    ],
    align: `lrrrrr${"r".repeat(ps.length)}${hasSla ? "r" : ""}rr`,
    rows: rows.map((r) => [
      groupLabel(r.key),
      String(r.tickets),
      String(r.resolved),
      String(r.backlog),
      formatDuration(r.firstResponse.meanMs),
      formatDuration(r.resolution.meanMs),
      ...r.resolution.quantilesMs.map((q) => formatDuration(q.ms)),
      ...(hasSla ? [formatPercent(r.sla?.compliance ?? null)] : []),
      formatPercent(r.reopenRate),
      formatPercent(r.firstContactResolutionRate),
    ]),
    notes: [
      `Quantiles come from sketches within ${formatPercent(report.total.resolution.relativeAccuracy * 100)} relative accuracy; means and counts are exact.`,
      ...setAsideNote(report.setAside),
    ],
  };
  const median = (r: TicketReportRow): number | null => quantileOf(r, 0.5);
  const p90 = (r: TicketReportRow): number | null => quantileOf(r, 0.9);
  const histograms = histogramChart({
    title: "First response and resolution times, all tickets",
    description:
      "Histograms of the first-response and resolution times of all tickets measured, from the report's sketches: " +
      "bars count the tickets per duration range on a log scale (exact zeros apart); a solid line marks the median " +
      "and a dashed line the 90th percentile, each labelled with its value.",
    panels,
  });
  const resolution = barChart({
    title: "Resolution time by group",
    description: "Per group, a bar to the median resolution time and a tick at the 90th percentile.",
    legend: "bar: median; tick: 90th percentile",
    rows: rows.map((r) => ({
      label: groupLabel(r.key),
      value: median(r) ?? r.resolution.meanMs,
      marker: p90(r),
      text: `${formatDuration(median(r) ?? r.resolution.meanMs)} · p90 ${formatDuration(p90(r))}`,
    })),
  });
  const sla = hasSla
    ? stackedChart({
        title: "SLA targets by group",
        description: "Per group, the share of SLA targets achieved, breached and still pending.",
        parts: ["achieved", "breached", "pending"],
        rows: rows.map((r) => ({
          label: groupLabel(r.key),
          counts: r.sla === null ? [0, 0, 0] : [r.sla.achieved, r.sla.breached, r.sla.pending],
          text: r.sla === null ? "–" : `${formatPercent(r.sla.compliance)} achieved`,
        })),
      })
    : "";
  return {
    "text/plain": textTable(table),
    "text/html": htmlTable(table, histograms + (report.groups.length > 0 ? resolution : "") + sla),
    "image/svg+xml": histograms,
  };
}

function quantileOf(r: TicketReportRow, p: number): number | null {
  return r.resolution.quantilesMs.find((q) => q.p === p)?.ms ?? null;
}

/** Internal: the bundle of a contact report: a table per group and service-level bars. */
export function displayContactReport(report: ContactReport): DisplayBundle {
  const rows = [...report.groups, report.total];
  const table: TableSpec = {
    title: titleBy("Contact report", report.groups),
    header: ["group", "contacts", "answered", "abandoned", "short", "abandonment", "service level", "AHT"],
    align: "lrrrrrrr",
    rows: rows.map((r) => [
      groupLabel(r.key),
      String(r.contacts),
      String(r.answered),
      String(r.abandoned),
      String(r.shortAbandoned),
      formatPercent(r.abandonmentRate),
      formatPercent(r.serviceLevel),
      formatDuration(r.averageHandleTimeMs),
    ]),
    notes: setAsideNote(report.setAside),
  };
  const chart = barChart({
    title: "Service level by group",
    description: "Per group, the percentage of contacts answered within the threshold (0 to 100 %).",
    legend: "bar: service level, % answered within the threshold",
    max: 100,
    rows: rows.map((r) => ({
      label: groupLabel(r.key),
      value: r.serviceLevel,
      text: `${formatPercent(r.serviceLevel)} · AHT ${formatDuration(r.averageHandleTimeMs)}`,
    })),
  });
  return { "text/plain": textTable(table), "text/html": htmlTable(table, chart), "image/svg+xml": chart };
}
