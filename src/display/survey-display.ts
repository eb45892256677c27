/**
 * Internal: the display bundles of `surveyReport`, `npsInterval` and `compareNps`.
 */
import type { SurveyReport, SurveyReportRow } from "../reports/index.js";
import type { NpsComparison, NpsInterval } from "../survey/index.js";
import type { DisplayBundle } from "./bundle.js";
import { DASH, formatInterval, formatNpsPoints, formatPercent } from "./format.js";
import { groupLabel, setAsideNote, titleBy } from "./labels.js";
import { type IntervalRow, intervalChart } from "./svg.js";
import { htmlTable, type TableSpec, textTable } from "./table.js";

/** Internal: the bundle of a survey report: a table per group, interval charts of CSAT, NPS and CES. */
export function displaySurveyReport(report: SurveyReport): DisplayBundle {
  const rows = [...report.groups, report.total];
  const method = report.total.ces.method;
  const mean = method === "mean";
  const ces = (v: number | null): string => (mean ? (v === null ? DASH : v.toFixed(2)) : formatPercent(v));
  const cesInterval = (r: SurveyReportRow): string =>
    mean
      ? formatInterval(r.ces, { digits: 2 })
      : formatInterval(r.ces, method === "net" ? { signed: true } : undefined);
  const table: TableSpec = {
    title: titleBy("Survey report", report.groups),
    header: ["group", "responses", "CSAT", "CSAT interval", "NPS", "NPS interval", `CES (${method})`, "CES interval"],
    align: "lrrlrlrl",
    rows: rows.map((r) => [
      groupLabel(r.key),
      String(r.responses),
      formatPercent(r.csat.score),
      formatInterval(r.csat),
      formatNpsPoints(r.nps.score),
      formatInterval(r.nps, { signed: true }),
      method === "net" ? formatNpsPoints(r.ces.score) : ces(r.ces.score),
      cesInterval(r),
    ]),
    notes: [
      `Answered: CSAT ${report.total.csat.answered}, NPS ${report.total.nps.answered}, CES ${report.total.ces.answered} of ${report.total.responses} responses (unanswered questions are left out of each score).`,
      ...setAsideNote(report.setAside),
    ],
  };
  const chartRows = (pick: (r: SurveyReportRow) => IntervalRow): IntervalRow[] => rows.map(pick);
  const nps = intervalChart({
    title: "NPS by group, with its interval",
    description:
      "Net Promoter Score per group, −100 to 100: a dot at the score and a line across its confidence interval.",
    min: -100,
    max: 100,
    rows: chartRows((r) => ({
      label: groupLabel(r.key),
      value: r.nps.score,
      lower: r.nps.lower,
      upper: r.nps.upper,
      text: `${formatNpsPoints(r.nps.score)} ${formatInterval(r.nps, { signed: true })}`,
    })),
  });
  const csat = intervalChart({
    title: "CSAT by group, with its Wilson interval",
    description:
      "Percent satisfied per group, 0 to 100 %: a dot at the score and a line across its confidence interval.",
    min: 0,
    max: 100,
    rows: chartRows((r) => ({
      label: groupLabel(r.key),
      value: r.csat.score,
      lower: r.csat.lower,
      upper: r.csat.upper,
      text: `${formatPercent(r.csat.score)} ${formatInterval(r.csat)}`,
    })),
  });
  const top = rows.reduce((m, r) => Math.max(m, r.ces.upper ?? r.ces.score ?? 0), 0);
  const cesChart = intervalChart({
    title: `CES (${method}) by group, with its interval`,
    description: "Customer Effort Score per group: a dot at the score and a line across its confidence interval.",
    min: mean ? 1 : method === "net" ? -100 : 0,
    max: mean ? (top <= 5 ? 5 : 7) : 100,
    rows: chartRows((r) => ({
      label: groupLabel(r.key),
      value: r.ces.score,
      lower: r.ces.lower,
      upper: r.ces.upper,
      text: `${method === "net" ? formatNpsPoints(r.ces.score) : ces(r.ces.score)} ${cesInterval(r)}`,
    })),
  });
  return {
    "text/plain": textTable(table),
    "text/html": htmlTable(table, csat + nps + cesChart),
    "image/svg+xml": nps,
  };
}

/** Internal: the bundle of an NPS interval: one row and its interval bar. */
export function displayNpsInterval(i: NpsInterval): DisplayBundle {
  const table: TableSpec = {
    title: "NPS with its confidence interval",
    header: ["NPS", "interval", "standard error", "margin of error"],
    align: "rlrr",
    rows: [
      [
        formatNpsPoints(i.score),
        formatInterval(i, { signed: true }),
        i.standardError.toFixed(2),
        `±${i.marginOfError.toFixed(1)}`,
      ],
    ],
  };
  const chart = intervalChart({
    title: "NPS with its confidence interval",
    description: "A dot at the NPS and a line across its confidence interval, on −100 to 100.",
    min: -100,
    max: 100,
    rows: [
      {
        label: "NPS",
        value: i.score,
        lower: i.lower,
        upper: i.upper,
        text: `${formatNpsPoints(i.score)} ${formatInterval(i, { signed: true })}`,
      },
    ],
  });
  return { "text/plain": textTable(table), "text/html": htmlTable(table, chart), "image/svg+xml": chart };
}

/** Internal: the bundle of an NPS comparison: the difference, its interval bar and the test. */
export function displayNpsComparison(c: NpsComparison): DisplayBundle {
  const table: TableSpec = {
    title: "NPS difference (first − second)",
    header: ["difference", "interval", "z", "p-value", "significant"],
    align: "rlrrl",
    rows: [
      [
        formatNpsPoints(c.difference),
        formatInterval(c, { signed: true }),
        c.z.toFixed(2),
        c.pValue < 0.001 ? "< 0.001" : c.pValue.toFixed(3),
        c.significant ? "yes" : "no",
      ],
    ],
  };
  const reach = Math.max(10, Math.ceil(Math.max(Math.abs(c.lower), Math.abs(c.upper)) / 10) * 10);
  const chart = intervalChart({
    title: "NPS difference with its confidence interval",
    description: `The first NPS minus the second: a dot at the difference and a line across its interval; ${
      c.significant ? "the interval excludes 0 (significant)" : "the interval includes 0 (not significant)"
    }.`,
    min: -reach,
    max: reach,
    rows: [
      {
        label: "difference",
        value: c.difference,
        lower: c.lower,
        upper: c.upper,
        text: `${formatNpsPoints(c.difference)} ${formatInterval(c, { signed: true })}`,
      },
    ],
  });
  return { "text/plain": textTable(table), "text/html": htmlTable(table, chart), "image/svg+xml": chart };
}
