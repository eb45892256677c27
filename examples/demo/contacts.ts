/**
 * The contact-centre section of the demo (`npm run demo`): last week's calls
 * day by day (handle time, abandonment without short abandons, service level
 * 80/20 under two abandon treatments; one `tallyContacts` pass by day and
 * `contactReport`), then next week's staffing: the forecast
 * calls per half hour of Monday turned into agents by Erlang C (80 % answered
 * within 20 s, 30 % shrinkage), and the agent-hours of the whole week.
 * Data: `examples/data/contacts-week.json` and `call-forecast.json` (regenerate
 * with `npx tsx examples/data/generate-contacts.ts`).
 */
import { averageHandleTime, type Contact, contactReport, requiredAgents, tallyContacts } from "../../src/index.ts";
import { fmt, fmtDuration, fmtInt, readJson, table } from "./layout.ts";
import { show } from "./page.ts";

type LoggedContact = Contact & { at: string };

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

  // Last week by day: one tally of the week grouped by UTC day, finalized by contactReport twice
  // (the same counts under two abandon treatments). The week row is the report's total.
  const tally = tallyContacts(contacts, {
    by: [{ period: "day", of: "at", timeZone: "UTC", name: "day" }],
    thresholdMs: TARGET.answerWithinMs,
    shortAbandonMs: SHORT_ABANDON_MS,
  });
  const against = contactReport(tally);
  show("contacts", against);
  const ignoring = contactReport(tally, { abandoned: "ignore-within" });
  const days = [...against.groups, against.total].map((row, i) => ({
    row,
    label: row.key["day"]
      ? `${WEEKDAYS[new Date(`${row.key["day"]}T00:00:00Z`).getUTCDay()]} ${row.key["day"]!.slice(5)}`
      : "week",
    ignoreWithin: (ignoring.groups[i] ?? ignoring.total).serviceLevel,
  }));
  out.push(
    `Last week: ${fmtInt(contacts.length)} calls (a one-in-six sample of the centre's calls). Short abandons (under 5 s) are left out of the abandonment rate.`,
    'Service level 80/20 two ways: every abandon a miss ("count-against"), or abandons within 20 s left out ("ignore-within").',
    "",
    ...table(
      ["day", "offered", "answered", "abandoned", "short", "abandonment", "SL 20 s", "SL ign.-within", "AHT"],
      days.map(({ row, label, ignoreWithin }) => [
        label,
        fmtInt(row.contacts),
        fmtInt(row.answered),
        fmtInt(row.abandoned),
        fmtInt(row.shortAbandoned),
        fmt(row.abandonmentRate, 1, " %"),
        fmt(row.serviceLevel, 1, " %"),
        fmt(ignoreWithin, 1, " %"),
        fmtDuration(row.averageHandleTimeMs),
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
