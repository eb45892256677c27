/**
 * Business-minute differences: support-metrics `businessCalendar().elapsedMs`
 * against the loop people typically write with luxon (walk local days with
 * `startOf("day")` / `plus({ days: 1 })`, clip each day's opening hours) and
 * against moment-business-time's `workingDiff`.
 *
 * Schedule: Mon–Fri 09:00–17:00 with the 2024 US federal holidays. Ours and the
 * luxon loop work in America/New_York (so the luxon loop pays for its Intl-based
 * zone); moment-business-time has no time-zone support (it works in the
 * process's zone or UTC), so it runs in UTC on the same instants: it is
 * measured for speed only. All three give the same minutes where they apply
 * (checked below before timing).
 *
 * The two slow rows cannot run 100 000 pairs per operation within a benchmark's
 * time, so every row of the comparison does the same 1 000 pairs (a sample of
 * the 100 000) per operation; a separate section runs ours on all 100 000.
 */
import { DateTime } from "luxon";
import moment from "moment";
import "moment-business-time";
import { businessCalendar } from "support-metrics";
import { type BenchSection, rng } from "./lib.ts";

const minute = 60_000;
const day = 86_400_000;
const yearStart = Date.UTC(2024, 0, 1, 5);
const yearMs = 366 * day;
const holidays = [
  "2024-01-01",
  "2024-01-15",
  "2024-02-19",
  "2024-05-27",
  "2024-06-19",
  "2024-07-04",
  "2024-09-02",
  "2024-10-14",
  "2024-11-11",
  "2024-11-28",
  "2024-12-25",
];
const nineToFive = [["09:00", "17:00"]] as const;
const calendar = businessCalendar({
  timeZone: "America/New_York",
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays,
});

/** Pairs (start, end) in epoch ms on the minute grid. */
function pairs(n: number, seed: number, span: (r: () => number) => number): Float64Array {
  const random = rng(seed);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = yearStart + Math.floor(random() * (yearMs / minute)) * minute;
    out[2 * i] = a;
    out[2 * i + 1] = Math.min(yearStart + yearMs, a + Math.floor(span(random) / minute) * minute);
  }
  return out;
}
const n = 100_000;
// Spread over the year: both ends anywhere in 2024 (mean span four months).
const spread = pairs(n, 11, (r) => r() * yearMs * 0.5 + r() * yearMs * 0.5);
// Ticket-like: log-uniform spans from one minute to 30 days (median ~14 hours).
const tickets = pairs(n, 12, (r) => Math.exp(Math.log(minute) + r() * Math.log((30 * day) / minute)));
const sample = (all: Float64Array, k: number) => all.slice(0, 2 * k);

function ours(p: Float64Array): number {
  let total = 0;
  for (let i = 0; i < p.length; i += 2) total += calendar.elapsedMs(p[i] as number, p[i + 1] as number) / minute;
  return total;
}

// The typical luxon loop: one local day at a time.
const holidaySet = new Set(holidays);
function luxonMinutes(startMs: number, endMs: number, zone: string): number {
  const end = DateTime.fromMillis(endMs, { zone });
  let cursor = DateTime.fromMillis(startMs, { zone });
  let total = 0;
  while (cursor < end) {
    const dayStart = cursor.startOf("day");
    const next = dayStart.plus({ days: 1 });
    if (dayStart.weekday <= 5 && !holidaySet.has(dayStart.toISODate() as string)) {
      const open = dayStart.set({ hour: 9 });
      const close = dayStart.set({ hour: 17 });
      const from = Math.max(cursor.toMillis(), open.toMillis());
      const to = Math.min(end.toMillis(), close.toMillis());
      if (to > from) total += to - from;
    }
    cursor = next;
  }
  return total / minute;
}
function luxon(p: Float64Array, zone = "America/New_York"): number {
  let total = 0;
  for (let i = 0; i < p.length; i += 2) total += luxonMinutes(p[i] as number, p[i + 1] as number, zone);
  return total;
}

moment.updateLocale("en", {
  workinghours: {
    0: null,
    1: ["09:00:00", "17:00:00"],
    2: ["09:00:00", "17:00:00"],
    3: ["09:00:00", "17:00:00"],
    4: ["09:00:00", "17:00:00"],
    5: ["09:00:00", "17:00:00"],
    6: null,
  },
  holidays,
} as moment.LocaleSpecification);
function mbt(p: Float64Array): number {
  let total = 0;
  for (let i = 0; i < p.length; i += 2) {
    total += (moment.utc(p[i + 1]) as unknown as { workingDiff(o: moment.Moment, u: string): number }).workingDiff(
      moment.utc(p[i]),
      "minutes",
    );
  }
  return total;
}

// Same answers before timing: luxon in the same zone; moment-business-time against a UTC calendar.
const utcCalendar = businessCalendar({
  timeZone: "UTC",
  week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays,
});
const check = sample(spread, 50);
const oursCheck = ours(check);
if (oursCheck !== luxon(check)) throw new Error(`luxon loop disagrees: ${luxon(check)} vs ${oursCheck}`);
let utcCheck = 0;
for (let i = 0; i < check.length; i += 2)
  utcCheck += utcCalendar.elapsedMs(check[i] as number, check[i + 1] as number) / minute;
if (Math.abs(mbt(check) - utcCheck) > 1e-6)
  throw new Error(`moment-business-time disagrees: ${mbt(check)} vs ${utcCheck}`);

const k = 100;
const spreadK = sample(spread, k);
const ticketsK = sample(tickets, k);

export const sections: BenchSection[] = [
  {
    title: `business minutes, ${k} pairs spread over 2024 (mean span four months), Mon–Fri 09–17 New York`,
    baseline: "support-metrics elapsedMs",
    target: "at least 500× faster than the luxon day-by-day loop",
    rows: [
      { name: "support-metrics elapsedMs", fn: () => ours(spreadK), items: k },
      { name: "luxon day-by-day loop", fn: () => luxon(spreadK), items: k },
      { name: "moment-business-time workingDiff (UTC only)", fn: () => mbt(spreadK), items: k },
    ],
    timeMs: 3000,
  },
  {
    title: `business minutes, ${k} ticket-like pairs (1 minute to 30 days, log-uniform)`,
    baseline: "support-metrics elapsedMs",
    rows: [
      { name: "support-metrics elapsedMs", fn: () => ours(ticketsK), items: k },
      { name: "luxon day-by-day loop", fn: () => luxon(ticketsK), items: k },
      { name: "moment-business-time workingDiff (UTC only)", fn: () => mbt(ticketsK), items: k },
    ],
  },
  {
    title: `business minutes, all ${n} pairs`,
    baseline: "support-metrics elapsedMs, spread over 2024",
    rows: [
      { name: "support-metrics elapsedMs, spread over 2024", fn: () => ours(spread), items: n },
      { name: "support-metrics elapsedMs, ticket-like", fn: () => ours(tickets), items: n },
    ],
  },
];
