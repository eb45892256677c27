/**
 * The contact-centre section of the demo (`npm run demo`): last week's calls
 * day by day (handle time, abandonment without short abandons, service level
 * 80/20 under two abandon treatments), then next week's staffing: the forecast
 * calls per half hour of Monday turned into agents by Erlang C (80 % answered
 * within 20 s, 30 % shrinkage), and the agent-hours of the whole week.
 * Data: `examples/data/contacts-week.json` and `call-forecast.json` (regenerate
 * with `npx tsx examples/data/generate-contacts.ts`).
 */
import {
  abandonmentCounts,
  abandonmentRateFromCounts,
  averageHandleTime,
  averageHandleTimeFromTotals,
  type Contact,
  handleTimeTotals,
  mergeCounts,
  requiredAgents,
  serviceLevelCounts,
  serviceLevelFromCounts,
} from "../../src/index.ts";
import { fmt, fmtDuration, fmtInt, readJson, table } from "./layout.ts";

interface LoggedContact extends Contact {
  at: string;
}

interface Forecast {
  intervalMinutes: number;
  days: { date: string; calls: number[] }[];
}

const SHORT_ABANDON_MS = 5_000;
const TARGET = { serviceLevelPercent: 80, answerWithinMs: 20_000 };
const SHRINKAGE = 30;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The lines of the contact-centre section. */
export function contactsSection(): string[] {
  const { contacts } = readJson<{ contacts: LoggedContact[] }>("../data/contacts-week.json");
  const forecast = readJson<Forecast>("../data/call-forecast.json");
  const out: string[] = [];

  // Last week, one tally per day; the week is the merge of the days (as shards or SQL rows would be).
  const byDay = new Map<string, LoggedContact[]>();
  for (const c of contacts) {
    const day = c.at.slice(0, 10);
    const list = byDay.get(day);
    if (list) list.push(c);
    else byDay.set(day, [c]);
  }
  const tallies = [...byDay].map(([day, list]) => ({
    label: `${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]} ${day.slice(5)}`,
    handle: handleTimeTotals(list),
    abandon: abandonmentCounts(list, { shortAbandonMs: SHORT_ABANDON_MS }),
    level: serviceLevelCounts(list, { thresholdMs: TARGET.answerWithinMs }),
  }));
  const week = {
    label: "week",
    handle: tallies.map((t) => t.handle).reduce(mergeCounts),
    abandon: tallies.map((t) => t.abandon).reduce(mergeCounts),
    level: tallies.map((t) => t.level).reduce(mergeCounts),
  };
  out.push(
    `Last week: ${fmtInt(contacts.length)} calls (a one-in-six sample of the centre's calls). Short abandons (under 5 s) are left out of the abandonment rate.`,
    'Service level 80/20 two ways: every abandon a miss ("count-against"), or abandons within 20 s left out ("ignore-within").',
    "",
    ...table(
      ["day", "offered", "answered", "abandoned", "short", "abandonment", "SL 20 s", "SL ign.-within", "AHT"],
      [...tallies, week].map((t) => [
        t.label,
        fmtInt(t.abandon.answered + t.abandon.abandoned + t.abandon.shortAbandoned),
        fmtInt(t.abandon.answered),
        fmtInt(t.abandon.abandoned),
        fmtInt(t.abandon.shortAbandoned),
        fmt(abandonmentRateFromCounts(t.abandon), 1, " %"),
        fmt(serviceLevelFromCounts(t.level), 1, " %"),
        fmt(serviceLevelFromCounts(t.level, { abandoned: "ignore-within" }), 1, " %"),
        fmtDuration(averageHandleTimeFromTotals(t.handle)),
      ]),
      "lrrrrrrrr",
    ),
  );

  // Next week: last week's AHT, Monday's forecast per half hour → agents by Erlang C.
  const aht = averageHandleTime(contacts)!;
  const intervalMs = forecast.intervalMinutes * 60_000;
  const staff = (calls: number) =>
    requiredAgents({ arrivals: calls, intervalMs, averageHandleMs: aht, ...TARGET }, { shrinkagePercent: SHRINKAGE });
  const monday = forecast.days[0]!;
  const rows: string[][] = [];
  monday.calls.forEach((calls, slot) => {
    if (calls === 0) return;
    const r = staff(calls);
    rows.push([
      slotLabel(slot, forecast.intervalMinutes),
      fmtInt(calls),
      fmt((calls * aht) / intervalMs, 2),
      fmtInt(r.agents),
      fmtInt(r.scheduledAgents),
      fmt(r.serviceLevel, 1, " %"),
      fmt(r.occupancy, 1, " %"),
    ]);
  });
  out.push(
    "",
    `Next week's staffing: forecast calls per half hour, AHT ${fmtDuration(aht)} (last week's), target 80 % answered within 20 s, ${SHRINKAGE} % shrinkage.`,
    `Monday ${monday.date} (UTC; intervals without calls need nobody):`,
    "",
    ...table(["interval", "calls", "Erlangs", "agents", "scheduled", "SL", "occupancy"], rows, "lrrrrrr"),
  );

  const hours = forecast.days.map((d) => {
    const scheduled = d.calls.reduce((s, calls) => s + staff(calls).scheduledAgents, 0);
    const peak = d.calls.reduce((m, calls) => Math.max(m, staff(calls).scheduledAgents), 0);
    return [
      `${WEEKDAYS[new Date(`${d.date}T00:00:00Z`).getUTCDay()]} ${d.date.slice(5)}`,
      fmtInt(d.calls.reduce((s, c) => s + c, 0)),
      fmtInt(peak),
      fmt((scheduled * forecast.intervalMinutes) / 60, 1),
    ];
  });
  out.push("", "The whole week:", ...table(["day", "calls", "peak scheduled", "agent-hours"], hours, "lrrr"));
  return out;
}

function slotLabel(slot: number, minutes: number): string {
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${clock(slot * minutes)}–${clock((slot + 1) * minutes)}`;
}
