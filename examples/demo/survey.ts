/**
 * The survey section of the demo (`npm run demo`): CSAT, NPS with its 95 %
 * interval, CES and social sentiment for June 2025, per week and per agent, and
 * whether each week-over-week NPS change is significant. The per-week and
 * per-agent tables are one `tallySurveys` pass each, finalized by `surveyReport`
 * (the CES mean comes from a second report of the same tally).
 * Data: `examples/data/survey-responses.json` and `social-mentions.json`
 * (regenerate with `npx tsx examples/data/generate-survey.ts`).
 */

import {
  compareNps,
  type NpsCounts,
  netSentiment,
  netSentimentFromCounts,
  normalQuantile,
  type SentimentLabel,
  type SurveyReportRow,
  sampleSizeForMargin,
  sentimentCounts,
  sentimentShares,
  surveyReport,
  tallySurveys,
} from "../../src/index.ts";
import { fmt, fmtInt, readJson, table } from "./layout.ts";
import { show } from "./page.ts";

/** A row of the sample export. */
type SurveyResponse = {
  id: string;
  ticketId?: string;
  agentId: string;
  channel: string;
  respondedAt: string;
  csat: number | null;
  nps: number | null;
  ces: number | null;
};

interface SocialMention {
  postedAt: string;
  label: SentimentLabel;
}

/** The lines of the survey section. */
export function surveySection(): string[] {
  const responses = readJson<SurveyResponse[]>("../data/survey-responses.json");
  const mentions = readJson<SocialMention[]>("../data/social-mentions.json");
  const out: string[] = [];

  // One pass per grouping; every figure is the per-array function's (csat, npsInterval, ces, …).
  const byWeek = summaries(responses, [week]);
  const byAgent = summaries(responses, ["agentId"]);
  const overall = byAgent.total;
  const social = sentimentCounts(mentions.map((m) => m.label));
  const shares = sentimentShares(social);
  const agents = new Set(responses.map((r) => r.agentId)).size;
  const [first, last] = dayRange(responses.map((r) => r.respondedAt));
  out.push(
    `${fmtInt(responses.length)} post-contact survey responses from ${first} to ${last}, ${agents} agents.`,
    "Skipped questions are not responses: each metric counts only the answers it got (n).",
    "",
    ...table(
      ["metric", "value", "n", "95 % interval", "definition"],
      [
        [
          "CSAT",
          fmt(overall.csat, 1, " %"),
          fmtInt(overall.csatN),
          fmtInterval(overall.csatInterval, 1),
          "ratings 4–5 of 1–5 (top-2 box)",
        ],
        [
          "NPS",
          fmtSigned(overall.nps),
          fmtInt(overall.npsN),
          fmtInterval(overall.npsInterval, 1, true),
          "% 9–10 minus % 0–6 (adjusted-Wald interval)",
        ],
        ["CES", fmt(overall.ces, 1, " %"), fmtInt(overall.cesN), "", "ratings 5–7 of 1–7, higher is easier (CES 2.0)"],
        ["CES mean", fmt(overall.cesMean, 2, " / 7"), fmtInt(overall.cesN), "", "plain mean on the 1–7 scale"],
        [
          "net sentiment",
          fmtSigned(netSentimentFromCounts(social)),
          fmtInt(mentions.length),
          "",
          `social mentions: ${fmt(shares?.positive ?? null, 0, " %")} positive, ${fmt(shares?.negative ?? null, 0, " %")} negative`,
        ],
      ],
      "llrll",
    ),
    "",
  );

  // Per week (weeks of the month: 1–7, 8–14, … June), with the change against the week before.
  const mentionWeeks = groupBy(mentions, (m) => week({ respondedAt: m.postedAt }));
  const weekRows: string[][] = [];
  const fullWeeks: Summary[] = [];
  let previous: NpsCounts | null = null;
  for (const s of byWeek.groups) {
    const week = s.key;
    if (!week.includes("partial")) fullWeeks.push(s);
    const weekMentions = mentionWeeks.get(week) ?? [];
    const change = previous === null ? null : compareNps(s.npsCounts, previous);
    weekRows.push([
      week,
      fmtInt(s.responses),
      fmt(s.csat, 1),
      fmtSigned(s.nps),
      fmtInterval(s.npsInterval, 1, true),
      fmt(s.ces, 1),
      fmtSigned(netSentiment(weekMentions.map((m) => m.label))),
      change === null ? "" : fmtSigned(change.difference),
      change === null ? "" : fmtP(change.pValue),
      change === null ? "" : change.significant ? "yes" : "no",
    ]);
    previous = s.npsCounts;
  }
  out.push(
    "By week (NPS change against the week before: two-sided z-test, significant at 95 %)",
    ...table(
      ["week", "responses", "CSAT %", "NPS", "NPS 95 %", "CES %", "sentiment", "NPS change", "p", "significant"],
      weekRows,
      "lrrrlrrrrl",
    ),
    "",
  );

  // Per agent, best NPS first; the CSAT lower bound is what a fair ranking would use.
  const agentRows = [...byAgent.groups].sort((a, b) => (b.nps ?? -Infinity) - (a.nps ?? -Infinity));
  out.push(
    "By agent (best NPS first)",
    ...table(
      ["agent", "responses", "CSAT %", "CSAT 95 %", "NPS", "NPS 95 %", "CES %", "CES mean"],
      agentRows.map((s) => [
        s.key,
        fmtInt(s.responses),
        fmt(s.csat, 1),
        fmtInterval(s.csatInterval, 1),
        fmtSigned(s.nps),
        fmtInterval(s.npsInterval, 1, true),
        fmt(s.ces, 1),
        fmt(s.cesMean, 2),
      ]),
      "lrrlrlrr",
    ),
    "",
  );

  const needed = sampleSizeForMargin({ metric: "nps", marginOfError: 5 });
  const perWeek = fullWeeks.reduce((sum, w) => sum + w.npsN, 0) / fullWeeks.length;
  const margin = fullWeeks.reduce((sum, w) => sum + (w.npsMargin ?? 0), 0) / fullWeeks.length;
  out.push(
    `A full week has about ${fmtInt(Math.round(perWeek))} NPS answers, a 95 % margin of about ±${margin.toFixed(1)} points; a margin of`,
    `±5 needs up to ${fmtInt(needed)} answers (sampleSizeForMargin, worst case). Read the intervals and the test, not the raw change.`,
  );
  return out;
}

interface Summary {
  key: string;
  responses: number;
  csat: number | null;
  csatN: number;
  csatInterval: { lower: number; upper: number } | null;
  npsCounts: NpsCounts;
  nps: number | null;
  npsN: number;
  npsInterval: { lower: number; upper: number } | null;
  npsMargin: number | null;
  ces: number | null;
  cesMean: number | null;
  cesN: number;
}

/** The report rows of one grouping (a single dimension), the CES mean taken from a second report of the same tally. */
function summaries(
  responses: readonly SurveyResponse[],
  by: [string | ((r: SurveyResponse) => string)],
): { groups: Summary[]; total: Summary } {
  const tally = tallySurveys(responses, { by });
  const report = surveyReport(tally);
  show("survey", report);
  const means = surveyReport(tally, { cesMethod: "mean" });
  const summary = (row: SurveyReportRow, mean: SurveyReportRow): Summary => ({
    key: Object.values(row.key)[0] ?? "all",
    responses: row.responses,
    csat: row.csat.score,
    csatN: row.csat.answered,
    csatInterval: bounds(row.csat),
    npsCounts: { promoters: row.nps.promoters, passives: row.nps.passives, detractors: row.nps.detractors },
    nps: row.nps.score,
    npsN: row.nps.answered,
    npsInterval: bounds(row.nps),
    npsMargin: row.nps.standardError === null ? null : Z95 * row.nps.standardError,
    ces: row.ces.score,
    cesMean: mean.ces.score,
    cesN: row.ces.answered,
  });
  return {
    groups: report.groups.map((row, i) => summary(row, means.groups[i]!)),
    total: summary(report.total, means.total),
  };
}

const Z95 = normalQuantile(0.975);

function bounds(x: { lower: number | null; upper: number | null }): { lower: number; upper: number } | null {
  return x.lower === null || x.upper === null ? null : { lower: x.lower, upper: x.upper };
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The week of the month as a label that sorts in order: `Jun 01–07`, `Jun 08–14`, …, `Jun 29–30 (partial)`. */
function week(r: { respondedAt: string }): string {
  const week = Math.floor((new Date(r.respondedAt).getUTCDate() - 1) / 7);
  const first = week * 7 + 1;
  const last = Math.min(first + 6, 30);
  const day = (d: number) => String(d).padStart(2, "0");
  return `Jun ${day(first)}–${day(last)}${last - first < 6 ? " (partial)" : ""}`;
}

/** The first and last day (YYYY-MM-DD) of ISO instants in UTC. */
function dayRange(stamps: readonly string[]): [string, string] {
  const sorted = [...stamps].sort();
  return [sorted[0]?.slice(0, 10) ?? "–", sorted[sorted.length - 1]?.slice(0, 10) ?? "–"];
}

// Presentation: metrics are unrounded, so all rounding happens here.

function fmtSigned(value: number | null, digits = 1): string {
  if (value === null) return "–";
  const text = value.toFixed(digits);
  return value > 0 && Number(text) !== 0 ? `+${text}` : text === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : text;
}

function fmtInterval(i: { lower: number; upper: number } | null, digits: number, signed = false): string {
  if (i === null) return "–";
  const f = signed ? (v: number) => fmtSigned(v, digits) : (v: number) => v.toFixed(digits);
  return `[${f(i.lower)}, ${f(i.upper)}]`;
}

function fmtP(p: number): string {
  return p < 0.001 ? "< 0.001" : p.toFixed(3);
}
