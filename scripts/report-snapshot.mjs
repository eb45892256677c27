/**
 * Writes what the report functions return (or throw) on the report benchmark's
 * data (bench/report-data.ts) at a size that runs in seconds, so that a change
 * meant only to make the reports faster can be shown to change no byte of
 * their output. Compare two snapshots with output-snapshot.mjs:
 *
 *   npx tsx scripts/report-snapshot.mjs write reports/report-before.json [tickets]
 *   npx tsx scripts/report-snapshot.mjs write reports/report-after.json [tickets]
 *   npx tsx scripts/output-snapshot.mjs compare reports/report-before.json reports/report-after.json
 *
 * Cases, each as SHA-256 digests of the `JSON.stringify` text: `tallyTickets`,
 * `ticketReport` and `mergeTallies` of shards under several option sets (the
 * bench's; calendar time; no pauses; no SLA; three dimensions with a period;
 * instants as epoch ms and `Date`s), the same with invalid tickets mixed in
 * (`onInvalid: "setAside"` in full, `"throw"` as the error's code, path and
 * message), `tallySurveys` + `surveyReport` (with bad responses set aside too),
 * and `evaluatePlan` on the bench's per-agent inputs.
 */
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import {
  reportBenchAsOf,
  reportBenchCalendarOptions,
  reportBenchPlanInput,
  reportBenchSla,
  reportBenchSurveys,
  reportBenchTallyOptions,
  reportBenchTickets,
} from "../bench/report-data.ts";
import {
  businessCalendar,
  compilePlan,
  mergeTallies,
  surveyReport,
  tallySurveys,
  tallyTickets,
  ticketReport,
} from "../src/index.ts";
import { planFixture } from "../test/incentives/plan.ts";

const [mode, file, sizeArg] = process.argv.slice(2);
if (mode !== "write" || !file) {
  console.error("usage: npx tsx scripts/report-snapshot.mjs write <file.json> [tickets]");
  process.exit(2);
}
const n = Number(sizeArg ?? 100_000);
const agents = 500;
const tickets = reportBenchTickets(n, agents);
const responses = reportBenchSurveys(Math.round(n / 5), agents);
const calendar = businessCalendar(reportBenchCalendarOptions);
const asOf = reportBenchAsOf;
const sla = reportBenchSla;
const out = {};
const digest = (value) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const outcome = (f) => {
  try {
    return digest(f());
  } catch (error) {
    return { error: error.constructor.name, code: error.code, path: error.path, message: error.message };
  }
};

// The same tickets with instants as epoch ms (every third) and `Date`s (every fifth).
const mixed = tickets.map((t, i) => {
  const convert = i % 3 === 0 ? (s) => Date.parse(s) : i % 5 === 0 ? (s) => new Date(s) : (s) => s;
  return {
    ...t,
    createdAt: convert(t.createdAt),
    firstResponseAt: convert(t.firstResponseAt),
    ...(t.resolvedAt === undefined ? {} : { resolvedAt: convert(t.resolvedAt) }),
    statusHistory: t.statusHistory.map((e) => ({ ...e, at: convert(e.at) })),
  };
});

// Invalid tickets mixed in: one of each kind every 97 tickets.
const breakers = [
  (t) => ({ ...t, createdAt: "2025-06-03T10:00:00" }), // no zone
  (t) => ({ ...t, resolvedAt: "2025-05-01T00:00:00Z" }), // before createdAt
  (t) => ({ ...t, statusHistory: [...t.statusHistory].reverse() }), // out of order
  (t) => ({ ...t, statusHistory: [{ status: 3, at: t.createdAt }] }),
  (t) => ({ ...t, statusHistory: [{ status: "new" }] }),
  (t) => ({ ...t, reopenCount: -1 }),
  (t) => ({ ...t, contactsToResolve: 0 }),
  (t) => ({ ...t, channel: 7 }),
  (t) => ({ ...t, agentId: 12 }),
  (t) => ({ ...t, priority: 4 }),
  (t) => ({ ...t, firstResponseAt: Number.NaN }),
  (t) => ({ ...t, createdAt: undefined }),
  () => null,
];
const broken = tickets.map((t, i) => (i % 97 === 5 ? breakers[Math.floor(i / 97) % breakers.length](t) : t));

const optionSets = {
  bench: reportBenchTallyOptions(calendar),
  calendarTime: { asOf, pauseStatuses: ["pending"], sla, by: ["agentId"] },
  noPauses: { asOf, calendar, sla, by: ["agentId"] },
  noSla: { asOf, calendar, pauseStatuses: ["pending"], by: ["agentId"] },
  threeDimensions: {
    asOf,
    calendar,
    pauseStatuses: ["Pending"],
    sla,
    by: ["priority", "channel", { period: "week", of: "createdAt", timeZone: "America/New_York" }],
  },
  earlyAsOf: { asOf: asOf - 20 * 86_400_000, calendar, pauseStatuses: ["pending"], sla, by: ["agentId"] },
};
for (const [name, options] of Object.entries(optionSets)) {
  for (const [dataName, data] of [
    ["iso", tickets],
    ["mixed", mixed],
  ]) {
    const tally = tallyTickets(data, options);
    out[`tallyTickets ${name} ${dataName}`] = digest(tally);
    out[`ticketReport ${name} ${dataName}`] = digest(ticketReport(tally, { quantiles: [0, 0.5, 0.9, 1] }));
    const half = Math.floor(data.length / 2);
    const shards = [data.slice(half), data.slice(0, half)].map((part, k) =>
      tallyTickets(part, { ...options, firstIndex: k === 0 ? half : 0 }),
    );
    out[`mergeTallies ${name} ${dataName}`] = digest(mergeTallies(...shards));
  }
  out[`tallyTickets ${name} setAside`] = outcome(() => tallyTickets(broken, { ...options, onInvalid: "setAside" }));
  out[`ticketReport ${name} setAside`] = outcome(() =>
    ticketReport(tallyTickets(broken, { ...options, onInvalid: "setAside" })),
  );
  out[`tallyTickets ${name} throw`] = outcome(() => tallyTickets(broken, options));
  for (let k = 0; k < breakers.length; k++) {
    const one = [...tickets.slice(0, 50), breakers[k](tickets[50]), ...tickets.slice(51, 100)];
    out[`tallyTickets ${name} throw ${k}`] = outcome(() => tallyTickets(one, options));
  }
}

// Surveys.
const brokenResponses = responses.map((r, i) =>
  i % 89 === 3 ? [{ ...r, csat: 9 }, { ...r, nps: "x" }, { ...r, sentiment: "meh" }, null][i % 4] : r,
);
const surveyTally = tallySurveys(responses, { by: ["agentId"] });
out["tallySurveys agentId"] = digest(surveyTally);
out["surveyReport agentId"] = digest(surveyReport(surveyTally));
const weekly = { by: ["agentId", { period: "week", of: "at", timeZone: "America/New_York" }] };
out["surveyReport agentId week"] = digest(surveyReport(tallySurveys(responses, weekly)));
out["tallySurveys setAside"] = outcome(() => tallySurveys(brokenResponses, { by: ["agentId"], onInvalid: "setAside" }));
out["tallySurveys throw"] = outcome(() => tallySurveys(brokenResponses, { by: ["agentId"] }));

// The plan on the bench's per-agent inputs.
const report = ticketReport(tallyTickets(tickets, optionSets.bench), { quantiles: [0.5] });
const surveys = surveyReport(surveyTally);
const plan = compilePlan(planFixture());
out["evaluatePlan bench"] = outcome(() => plan(reportBenchPlanInput(report, surveys)));

writeFileSync(file, JSON.stringify(out, null, 1));
console.log(`${Object.keys(out).length} cases written to ${file}`);
