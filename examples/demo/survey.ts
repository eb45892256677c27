/**
 * The survey section of the demo (`npm run demo`): CSAT, NPS with its 95 %
 * interval, CES and social sentiment for June 2025, per week and per agent, and
 * whether each week-over-week NPS change is significant.
 * Data: `examples/data/survey-responses.json` and `social-mentions.json`
 * (regenerate with `npx tsx examples/data/generate-survey.ts`).
 */

import {
  ces,
  compareNps,
  csatCounts,
  csatFromCounts,
  type NpsCounts,
  netSentiment,
  netSentimentFromCounts,
  npsCounts,
  npsFromCounts,
  npsInterval,
  type SentimentLabel,
  sampleSizeForMargin,
  sentimentCounts,
  sentimentShares,
  wilsonInterval,
} from "../../src/index.ts";
import { fmt, fmtInt, readJson, table } from "./layout.ts";

interface SurveyResponse {
  id: string;
  ticketId?: string;
  agentId: string;
  channel: string;
  respondedAt: string;
  csat: number | null;
  nps: number | null;
  ces: number | null;
}

interface SocialMention {
  postedAt: string;
  label: SentimentLabel;
}

/** The lines of the survey section. */
export function surveySection(): string[] {
  const responses = readJson<SurveyResponse[]>("../data/survey-responses.json");
  const mentions = readJson<SocialMention[]>("../data/social-mentions.json");
  const out: string[] = [];

  const overall = summarize(responses);
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
  const weeks = groupBy(responses, (r) => weekOf(r.respondedAt));
  const mentionWeeks = groupBy(mentions, (m) => weekOf(m.postedAt));
  const weekRows: string[][] = [];
  const fullWeeks: Summary[] = [];
  let previous: NpsCounts | null = null;
  for (const [week, rows] of [...weeks].sort(([a], [b]) => a - b)) {
    const s = summarize(rows);
    if (!weekLabel(week).includes("partial")) fullWeeks.push(s);
    const weekMentions = mentionWeeks.get(week) ?? [];
    const change = previous === null ? null : compareNps(s.npsCounts, previous);
    weekRows.push([
      weekLabel(week),
      fmtInt(rows.length),
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
  const agentRows = [...groupBy(responses, (r) => r.agentId)]
    .map(([agent, rows]) => ({ agent, s: summarize(rows), n: rows.length }))
    .sort((a, b) => (b.s.nps ?? -Infinity) - (a.s.nps ?? -Infinity));
  out.push(
    "By agent (best NPS first)",
    ...table(
      ["agent", "responses", "CSAT %", "CSAT 95 %", "NPS", "NPS 95 %", "CES %", "CES mean"],
      agentRows.map(({ agent, s, n }) => [
        agent,
        fmtInt(n),
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

function summarize(rows: readonly SurveyResponse[]): Summary {
  const csatRatings = answered(rows, "csat");
  const npsScores = answered(rows, "nps");
  const cesRatings = answered(rows, "ces");
  const csatTally = csatCounts(csatRatings);
  const npsTally = npsCounts(npsScores);
  return {
    csat: csatFromCounts(csatTally),
    csatN: csatTally.total,
    csatInterval: wilsonInterval(csatTally.satisfied, csatTally.total),
    npsCounts: npsTally,
    nps: npsFromCounts(npsTally),
    npsN: npsScores.length,
    npsInterval: npsInterval(npsTally),
    npsMargin: npsInterval(npsTally)?.marginOfError ?? null,
    ces: ces(cesRatings),
    cesMean: ces(cesRatings, { method: "mean" }),
    cesN: cesRatings.length,
  };
}

function answered(rows: readonly SurveyResponse[], field: "csat" | "nps" | "ces"): number[] {
  const out: number[] = [];
  for (const r of rows) {
    const v = r[field];
    if (v !== null) out.push(v);
  }
  return out;
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

/** Week of the month: 0 for days 1–7, 1 for 8–14, … */
function weekOf(iso: string): number {
  return Math.floor((new Date(iso).getUTCDate() - 1) / 7);
}

function weekLabel(week: number): string {
  const first = week * 7 + 1;
  const last = Math.min(first + 6, 30);
  return `Jun ${first}–${last}${last - first < 6 ? " (partial)" : ""}`;
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
