/**
 * One small known-answer call per public export, keyed by the export's name.
 * `test/deno/exports.deno.ts` runs each entry against `src/index.ts` and the
 * built `dist/index.js` under Deno, and fails listing any runtime export that
 * has no entry here: a new export must come with its line in this table.
 *
 * Entries whose export does not exist yet are skipped (reported as ignored), so
 * the table can name the spec's functions before they land. Answers are the
 * spec's worked vectors (`METRICS.md`, `INCENTIVES.md`: R `NPS`, Call Centre
 * Helper's Erlang C, Zendesk, …) or small cases worked by hand.
 */
import assert from "node:assert/strict";
import { planFixture, planInput } from "../incentives/plan.ts";

// biome-ignore lint/suspicious/noExplicitAny: the suite calls exports by name, untyped on purpose
export type Lib = any;
export type Case = (lib: Lib) => void;

/** `actual` within ±0.5·10^-digits of `expected` (the precision the spec shows). */
export function near(actual: unknown, expected: number, digits: number, what = "value"): void {
  assert.equal(typeof actual, "number", `${what}: expected a number, got ${String(actual)}`);
  const tolerance = 0.5 * 10 ** -digits;
  assert.ok(
    Math.abs((actual as number) - expected) <= tolerance,
    `${what}: expected ${expected} ±${tolerance}, got ${String(actual)}`,
  );
}

/**
 * `fn()` throws an error carrying `code` (callers compare codes, not classes) and pointing at `path`: the
 * `MetricInputError`'s path, or the JSON pointer of the first issue of a plan or settlement error.
 */
export function throwsCode(fn: () => unknown, code: string, path: string): void {
  assert.throws(fn, (error: unknown) => {
    const e = error as { code?: unknown; path?: unknown; issues?: readonly { path?: unknown }[] };
    assert.equal(e.code, code);
    assert.equal(e.path ?? e.issues?.[0]?.path, path, `the path of ${String(error)}`);
    return true;
  });
}

const hour = 3_600_000;
const minute = 60_000;
const nps5030 = { promoters: 50, passives: 30, detractors: 20 };

// Contacts for the abandonment / service-level vector: A 1000 (Aw 860), Ab 60
// (10 short abandons under 5 s, Abw 20 within 20 s, Aba 40 after).
function contactsVector(): object[] {
  const out: object[] = [];
  for (let i = 0; i < 860; i++) out.push({ waitMs: 10_000, outcome: "answered", talkMs: 60_000 });
  for (let i = 0; i < 140; i++) out.push({ waitMs: 30_000, outcome: "answered", talkMs: 60_000 });
  for (let i = 0; i < 10; i++) out.push({ waitMs: 1_000, outcome: "abandoned" });
  for (let i = 0; i < 10; i++) out.push({ waitMs: 10_000, outcome: "abandoned" });
  for (let i = 0; i < 40; i++) out.push({ waitMs: 30_000, outcome: "abandoned" });
  return out;
}

const erlangInput = { arrivals: 100, intervalMs: 30 * minute, averageHandleMs: 180_000, answerWithinMs: 20_000 };

function newYorkCalendar(lib: Lib): {
  elapsedMs(a: unknown, b: unknown): number;
  addMs(a: unknown, ms: number): number;
  isOpen(at: unknown): boolean;
} {
  const day = [["09:00", "17:00"]];
  return lib.businessCalendar({
    timeZone: "America/New_York",
    week: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
    holidays: ["2024-12-25"],
  });
}

function slaVector(): object[] {
  // 7 achieved, 2 resolved late, 1 open and past target, 3 open within target (spec §4).
  return [
    ...Array.from({ length: 7 }, () => ({ createdAt: 0, resolvedAt: 4 * hour })),
    ...Array.from({ length: 2 }, () => ({ createdAt: 0, resolvedAt: 30 * hour })),
    { createdAt: 0 },
    ...Array.from({ length: 3 }, () => ({ createdAt: 90 * hour })),
  ];
}

function backlogVector(): object[] {
  // At 2024-03-20T12:00Z: 51 h open, 23 h pending, 1 h new, one resolved, 194 h reopened (spec §4).
  return [
    { createdAt: "2024-03-18T09:00:00Z" },
    {
      createdAt: "2024-03-19T13:00:00Z",
      statusHistory: [
        { status: "new", at: "2024-03-19T13:00:00Z" },
        { status: "pending", at: "2024-03-19T15:00:00Z" },
      ],
    },
    { createdAt: "2024-03-20T11:00:00Z" },
    { createdAt: "2024-03-19T08:00:00Z", resolvedAt: "2024-03-19T10:00:00Z" },
    {
      createdAt: "2024-03-12T10:00:00Z",
      statusHistory: [
        { status: "open", at: "2024-03-12T10:00:00Z" },
        { status: "solved", at: "2024-03-13T10:00:00Z" },
        { status: "open", at: "2024-03-14T10:00:00Z" },
      ],
    },
  ];
}

// Resolved tickets: 3 of 4 at the first contact, 1 of 4 reopened; one still open (not counted).
const rateTickets = [
  { createdAt: 0, resolvedAt: hour, contactsToResolve: 1, reopenCount: 0 },
  { createdAt: 0, resolvedAt: hour, contactsToResolve: 1, reopenCount: 0 },
  { createdAt: 0, resolvedAt: hour, contactsToResolve: 1, reopenCount: 2 },
  { createdAt: 0, resolvedAt: hour, contactsToResolve: 3, reopenCount: 0 },
  { createdAt: 0, contactsToResolve: 1 },
];

const leaderboardAgents = [
  { id: "A", successes: 9, total: 10 },
  { id: "B", successes: 85, total: 100 },
  { id: "C", successes: 40, total: 40 },
  { id: "D", successes: 3, total: 3 },
];

export const cases: Record<string, Case> = {
  // --- Tallies and errors (foundation) ---
  mergeCounts(lib) {
    assert.deepEqual(
      lib.mergeCounts({ promoters: 2, passives: 0, detractors: 1 }, { promoters: 1, passives: 1, detractors: 0 }),
      {
        promoters: 3,
        passives: 1,
        detractors: 1,
      },
    );
    throwsCode(() => lib.mergeCounts({ a: 1 }, { b: 1 }), "inconsistent_counts", "b.a");
  },
  MetricInputError(lib) {
    const error = new lib.MetricInputError("out_of_range", "nps", "scores[3]", 11, "nps: expected … at scores[3]");
    assert.equal(error instanceof Error, true);
    assert.deepEqual(
      [error.name, error.code, error.fn, error.path, error.received],
      ["MetricInputError", "out_of_range", "nps", "scores[3]", 11],
    );
    assert.throws(() => lib.parseInstant("2024-01-01T00:00"), lib.MetricInputError);
  },
  PlanValidationError(lib) {
    const error = new lib.PlanValidationError([{ path: "/id", code: "invalid_type", message: "expected a string" }]);
    assert.equal(error instanceof Error, true);
    assert.equal(error.code, "invalid_plan");
    assert.equal(error.issues.length, 1);
    assert.equal(error.message, "invalid incentive plan: expected a string at /id");
  },

  // --- Time ---
  parseInstant(lib) {
    assert.equal(lib.parseInstant("1970-01-01T00:00:01Z"), 1000);
    assert.equal(lib.parseInstant("2024-03-10T03:00:00-04:00"), Date.UTC(2024, 2, 10, 7));
    throwsCode(() => lib.parseInstant("2024-01-01T00:00"), "invalid_instant", "value");
  },
  businessCalendar(lib) {
    const cal = newYorkCalendar(lib);
    // Fri 16:00 → Mon 10:00 across the DST change of 2024-03-10: 120 business minutes (spec §5).
    assert.equal(cal.elapsedMs("2024-03-08T16:00:00-05:00", "2024-03-11T10:00:00-04:00"), 120 * minute);
    assert.equal(cal.elapsedMs("2024-03-16T10:00:00-04:00", "2024-03-18T09:30:00-04:00"), 30 * minute);
    assert.equal(cal.elapsedMs("2024-03-13T08:00:00-04:00", "2024-03-13T17:30:00-04:00"), 480 * minute);
    assert.equal(cal.isOpen("2024-03-13T09:00:00-04:00"), true);
    assert.equal(cal.isOpen("2024-03-13T17:00:00-04:00"), false);
    assert.equal(cal.addMs("2024-03-08T16:00:00-05:00", 120 * minute), Date.parse("2024-03-11T10:00:00-04:00"));
    // Christmas is closed; Tue 16:00 → Thu 10:00 is two business hours.
    assert.equal(cal.elapsedMs("2024-12-24T16:00:00-05:00", "2024-12-26T10:00:00-05:00"), 120 * minute);
    // Lord Howe Island falls back by 30 minutes on 2024-04-07: a 00:00–24:00 Sunday lasts 24.5 h.
    const allDay = [["00:00", "24:00"]];
    const lordHowe = lib.businessCalendar({ timeZone: "Australia/Lord_Howe", week: { sun: allDay } });
    assert.equal(lordHowe.elapsedMs("2024-04-05T00:00:00Z", "2024-04-09T00:00:00Z"), 24.5 * hour);
    throwsCode(
      () => lib.businessCalendar({ timeZone: "Mars/Olympus_Mons", week: { mon: allDay } }),
      "invalid_option",
      "options.timeZone",
    );
    throwsCode(() => cal.elapsedMs("2024-03-13T10:00:00Z", "2024-03-13T09:00:00Z"), "inconsistent_instants", "end");
  },
  localInstant(lib) {
    // tz database: Kathmandu +05:45; Lord Howe falls back 30 minutes at 02:00 on 2024-04-07.
    assert.equal(lib.localInstant("2024-06-01 12:00", "Asia/Kathmandu"), Date.parse("2024-06-01T06:15:00Z"));
    assert.equal(lib.localInstant("2024-04-07 01:45", "Australia/Lord_Howe"), Date.parse("2024-04-06T14:45:00Z"));
    assert.equal(
      lib.localInstant("07-04-2024 01:45", "Australia/Lord_Howe", {
        format: "DD-MM-YYYY HH:mm",
        disambiguation: "later",
      }),
      Date.parse("2024-04-06T15:15:00Z"),
    );
    // New York skips 02:00–03:00 on 2024-03-10: "compatible" moves 02:30 to 03:30 EDT.
    assert.equal(lib.localInstant("2024-03-10T02:30", "America/New_York"), Date.parse("2024-03-10T07:30:00Z"));
    throwsCode(() => lib.localInstant("2024-02-31 12:00", "UTC"), "invalid_instant", "text");
    throwsCode(() => lib.localInstant("2024-06-01T12:00Z", "UTC"), "invalid_instant", "text");
    throwsCode(() => lib.localInstant("2024-06-01 12:00", "Mars/Olympus_Mons"), "invalid_option", "timeZone");
  },

  // --- Statistics ---
  normalCdf(lib) {
    near(lib.normalCdf(1.959963984540054), 0.975, 9);
    near(lib.normalCdf(0), 0.5, 12);
  },
  normalQuantile(lib) {
    near(lib.normalQuantile(0.975), 1.959964, 6);
    near(lib.normalQuantile(0.5), 0, 12);
  },
  quantile(lib) {
    const xs = [600, 5, 20, 10, 15];
    near(lib.quantile(xs, 0.9), 368, 6); // R: quantile(c(5,10,15,20,600), 0.9, type = 7)
    assert.deepEqual(xs, [600, 5, 20, 10, 15], "does not sort the caller's array");
    assert.equal(lib.quantile(new Float64Array([1, 2, 3, 4]), 0.25), 1.75);
    assert.equal(lib.quantile([], 0.5), null);
  },
  median(lib) {
    assert.equal(lib.median([5, 10, 15, 20, 600]), 15);
    assert.equal(lib.median([4, 1, 3, 2]), 2.5);
    assert.equal(lib.median([]), null);
  },
  mean(lib) {
    assert.equal(lib.mean([5, 10, 15, 20, 600]), 130);
    assert.equal(lib.mean([]), null);
  },
  leaderboard(lib) {
    const board = lib.leaderboard(leaderboardAgents, { method: "wilson-lower-bound" });
    assert.deepEqual(
      board.map((row: { id: string; rank: number }) => [row.id, row.rank]),
      [
        ["C", 1],
        ["B", 2],
        ["A", 3],
        ["D", 4],
      ],
    );
    near(board[0].value, 91.2378, 4, "C's Wilson lower bound");
    near(board[3].value, 43.8503, 4, "D's Wilson lower bound");
  },

  // --- Survey ---
  csat(lib) {
    assert.equal(lib.csat([5, 5, 4, 4, 4, 3, 2, 1, 5, 4]), 70);
    const ten = [10, 9, 9, 8, 8, 7, 6, 10, 3, 9];
    assert.equal(lib.csat(ten, { scale: { min: 1, max: 10 } }), 50);
    assert.equal(lib.csat(ten, { scale: { min: 1, max: 10 }, satisfiedFrom: 8 }), 70);
    assert.equal(lib.csat([]), null);
    throwsCode(() => lib.csat([6]), "out_of_range", "ratings[0]");
  },
  csatCounts(lib) {
    assert.deepEqual(lib.csatCounts([5, 5, 4, 4, 4, 3, 2, 1, 5, 4]), { satisfied: 7, total: 10 });
  },
  csatFromCounts(lib) {
    assert.equal(lib.csatFromCounts({ satisfied: 7, total: 10 }), 70);
    assert.equal(lib.csatFromCounts({ satisfied: 0, total: 0 }), null);
  },
  nps(lib) {
    assert.equal(lib.nps([10, 9, 9, 8, 7, 7, 6, 5, 3, 0]), -10);
    assert.equal(lib.nps(new Uint8Array([10, 10, 8, 3])), 25);
    assert.equal(lib.nps([]), null);
    throwsCode(() => lib.nps([10, 9, 11]), "out_of_range", "scores[2]");
  },
  npsCounts(lib) {
    assert.deepEqual(lib.npsCounts([10, 9, 9, 8, 7, 7, 6, 5, 3, 0]), { promoters: 3, passives: 3, detractors: 4 });
  },
  npsFromCounts(lib) {
    assert.equal(lib.npsFromCounts(nps5030), 30);
    assert.equal(lib.npsFromCounts({ promoters: 0, passives: 0, detractors: 0 }), null);
  },
  npsInterval(lib) {
    // R NPS::nps_se for 50/30/20: SE 7.810250; Wald and adjusted-Wald bounds (spec §1).
    const wald = lib.npsInterval(nps5030, { method: "wald" });
    assert.equal(wald.score, 30);
    near(wald.standardError, 7.81025, 6, "SE");
    near(wald.lower, 14.692192, 6, "Wald lower");
    near(wald.upper, 45.307808, 6, "Wald upper");
    const adjusted = lib.npsInterval(nps5030);
    near(adjusted.lower, 14.05113, 6, "adjusted-Wald lower");
    near(adjusted.upper, 44.201297, 6, "adjusted-Wald upper");
    const even = lib.npsInterval({ promoters: 5, passives: 0, detractors: 5 }, { method: "wald" });
    near(even.lower, -61.979503, 6, "5/0/5 lower");
    near(even.upper, 61.979503, 6, "5/0/5 upper");
  },
  compareNps(lib) {
    const c = lib.compareNps(
      { promoters: 100, passives: 60, detractors: 40 },
      { promoters: 110, passives: 80, detractors: 60 },
    );
    near(c.difference, 10, 9, "difference");
    near(c.standardError, 7.489993, 6, "SE");
    near(c.z, 1.335115, 6, "z");
    near(c.pValue, 0.181839, 6, "p");
    assert.equal(c.significant, false);
  },
  ces(lib) {
    const ease = [7, 6, 6, 5, 5, 4, 3, 2, 7, 1];
    assert.equal(lib.ces(ease), 60);
    near(lib.ces(ease, { method: "mean" }), 4.6, 9);
    assert.equal(lib.ces(ease, { method: "net" }), 30);
    const effort = [1, 1, 2, 2, 3, 5, 1, 2, 4, 1];
    assert.equal(lib.ces(effort, { scale: 5, direction: "higher-is-harder" }), 70);
    near(lib.ces(effort, { scale: 5, direction: "higher-is-harder", method: "mean" }), 2.2, 9);
    assert.equal(lib.ces([]), null);
  },
  cesCounts(lib) {
    assert.deepEqual(lib.cesCounts([7, 6, 6, 5, 5, 4, 3, 2, 7, 1]), { easy: 6, neutral: 1, hard: 3, ratingSum: 46 });
  },
  cesFromCounts(lib) {
    assert.equal(lib.cesFromCounts({ easy: 6, neutral: 1, hard: 3, ratingSum: 46 }), 60);
  },
  sentimentCounts(lib) {
    assert.deepEqual(lib.sentimentCounts(["positive", "neutral", "negative", "positive"]), {
      positive: 2,
      negative: 1,
      neutral: 1,
    });
  },
  netSentiment(lib) {
    const labels = ["positive", "positive", "positive", "negative", "neutral"] as const;
    assert.equal(lib.netSentiment(labels), 40);
    assert.equal(lib.netSentiment(labels, { neutral: "exclude" }), 50);
    assert.equal(lib.netSentiment([]), null);
  },
  netSentimentFromCounts(lib) {
    const counts = { positive: 80, negative: 20, neutral: 100 };
    assert.equal(lib.netSentimentFromCounts(counts), 30);
    assert.equal(lib.netSentimentFromCounts(counts, { neutral: "exclude" }), 60);
    assert.equal(lib.netSentimentFromCounts({ positive: 0, negative: 0, neutral: 0 }), null);
  },
  sentimentShares(lib) {
    assert.deepEqual(lib.sentimentShares({ positive: 80, negative: 20, neutral: 100 }), {
      positive: 40,
      negative: 10,
      neutral: 50,
    });
  },
  wilsonInterval(lib) {
    const i = lib.wilsonInterval(8, 10);
    near(i.lower, 49.0162, 4, "8/10 lower");
    near(i.upper, 94.3318, 4, "8/10 upper");
    assert.equal(lib.wilsonInterval(0, 0), null);
  },
  compareProportions(lib) {
    // Pooled two-proportion z-test: 45/50 vs 35/50 → z = 2.5 exactly.
    const c = lib.compareProportions({ successes: 45, total: 50 }, { successes: 35, total: 50 });
    near(c.difference, 20, 9, "difference");
    near(c.z, 2.5, 9, "z");
    near(c.pValue, 0.012419, 6, "p");
    assert.equal(c.significant, true);
  },
  sampleSizeForMargin(lib) {
    // n = z²·p(1−p)/e² = 1.959964² · 0.25 / 0.05² = 384.1 → 385.
    assert.equal(lib.sampleSizeForMargin({ marginOfError: 5 }), 385);
  },

  // --- Customers ---
  churnRate(lib) {
    assert.equal(lib.churnRate({ customersAtStart: 2000, customersLost: 400 }), 20);
    near(
      lib.churnRate({ customersAtStart: 2000, customersLost: 400, customersAtEnd: 2200 }, { denominator: "average" }),
      19.047619,
      6,
    );
    throwsCode(
      () => lib.churnRate({ customersAtStart: 10, customersLost: 11 }),
      "inconsistent_counts",
      "counts.customersLost",
    );
  },
  retentionRate(lib) {
    assert.equal(lib.retentionRate({ customersAtStart: 1000, customersAtEnd: 1200, newCustomers: 300 }), 90);
  },
  convertChurnRate(lib) {
    near(lib.convertChurnRate(3, { fromDays: 30, toDays: 360 }), 30.615764, 6);
  },
  netRevenueRetention(lib) {
    near(
      lib.netRevenueRetention({ startingRevenue: 200_000, expansion: 20_000, contraction: 4_000, churned: 6_000 }),
      105,
      9,
    );
  },
  grossRevenueRetention(lib) {
    near(lib.grossRevenueRetention({ startingRevenue: 200_000, contraction: 4_000, churned: 6_000 }), 95, 9);
  },
  revenueMovements(lib) {
    const m = lib.revenueMovements([
      { startRevenue: 100, endRevenue: 150 },
      { startRevenue: 100, endRevenue: 60 },
      { startRevenue: 100, endRevenue: 0 },
      { startRevenue: 0, endRevenue: 80 },
    ]);
    assert.deepEqual(m, {
      startingRevenue: 300,
      expansion: 50,
      contraction: 40,
      churned: 100,
      newCustomers: 1,
      newRevenue: 80,
    });
  },
  revenueRetentionFromCustomers(lib) {
    // GRR caps each customer at its own start: (100 + 50) / 200 = 75, NRR (150 + 50) / 200 = 100.
    const r = lib.revenueRetentionFromCustomers([
      { startRevenue: 100, endRevenue: 150 },
      { startRevenue: 100, endRevenue: 50 },
    ]);
    assert.deepEqual(r, { netRevenueRetention: 100, grossRevenueRetention: 75 });
  },
  customerLifetimeValue(lib) {
    near(lib.customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 10 }), 450, 9);
    assert.equal(
      lib.customerLifetimeValue({ revenuePerPeriod: 50, grossMarginPercent: 90, churnRatePercent: 0 }),
      null,
    );
  },
  retentionCost(lib) {
    assert.equal(lib.retentionCost({ retentionSpend: 10_000, customersRetained: 500 }), 20);
  },
  costPerResolution(lib) {
    assert.equal(lib.costPerResolution({ supportCost: 10_000, resolvedTickets: 400 }), 25);
  },

  // --- Contact centre ---
  averageHandleTime(lib) {
    const contacts = [
      { waitMs: 0, outcome: "answered", talkMs: 200_000, holdMs: 20_000, afterCallWorkMs: 4_000 },
      { waitMs: 0, outcome: "answered", talkMs: 224_000 },
      { waitMs: 9_000, outcome: "abandoned" },
    ];
    assert.equal(lib.averageHandleTime(contacts), 224_000);
    assert.equal(lib.averageHandleTime([]), null);
  },
  handleTimeTotals(lib) {
    const t = lib.handleTimeTotals([
      { waitMs: 0, outcome: "answered", talkMs: 200_000, holdMs: 20_000, afterCallWorkMs: 4_000 },
      { waitMs: 9_000, outcome: "abandoned" },
    ]);
    assert.deepEqual(t, { talkMs: 200_000, holdMs: 20_000, afterCallWorkMs: 4_000, handledContacts: 1, notHandled: 1 });
  },
  averageHandleTimeFromTotals(lib) {
    // METRICS.md §3: talk 668 205 s, hold 99 153 s, wrap 198 306 s over 4 311 calls → 224 s.
    const s = 1000;
    const totals = { talkMs: 668_205 * s, holdMs: 99_153 * s, afterCallWorkMs: 198_306 * s, handledContacts: 4311 };
    assert.equal(lib.averageHandleTimeFromTotals(totals), 224_000);
    throwsCode(
      () => lib.averageHandleTimeFromTotals({ talkMs: 5, handledContacts: 0 }),
      "inconsistent_counts",
      "totals.handledContacts",
    );
  },
  abandonmentCounts(lib) {
    assert.deepEqual(lib.abandonmentCounts(contactsVector(), { shortAbandonMs: 5_000 }), {
      answered: 1000,
      abandoned: 50,
      shortAbandoned: 10,
    });
  },
  abandonmentRateFromCounts(lib) {
    near(lib.abandonmentRateFromCounts({ answered: 1000, abandoned: 60, shortAbandoned: 0 }), 5.660377, 6);
    near(lib.abandonmentRateFromCounts({ answered: 1000, abandoned: 50, shortAbandoned: 10 }), 4.761905, 6);
  },
  serviceLevelCounts(lib) {
    assert.deepEqual(lib.serviceLevelCounts(contactsVector(), { thresholdMs: 20_000 }), {
      answered: 1000,
      answeredWithin: 860,
      abandoned: 60,
      abandonedWithin: 20,
    });
  },
  serviceLevelFromCounts(lib) {
    const counts = { answered: 1000, answeredWithin: 860, abandoned: 60, abandonedWithin: 20 };
    near(lib.serviceLevelFromCounts(counts), 81.132075, 6);
    near(lib.serviceLevelFromCounts(counts, { abandoned: "ignore" }), 86, 9);
    near(lib.serviceLevelFromCounts(counts, { abandoned: "within-count-as-met" }), 83.018868, 6);
    near(lib.serviceLevelFromCounts(counts, { abandoned: "ignore-within" }), 82.692308, 6);
  },
  abandonmentRate(lib) {
    const contacts = contactsVector();
    near(lib.abandonmentRate(contacts), 5.660377, 6);
    near(lib.abandonmentRate(contacts, { shortAbandonMs: 5_000 }), 4.761905, 6);
  },
  serviceLevel(lib) {
    const contacts = contactsVector();
    near(lib.serviceLevel(contacts, { thresholdMs: 20_000 }), 81.132075, 6);
    near(lib.serviceLevel(contacts, { thresholdMs: 20_000, abandoned: "ignore" }), 86, 9);
  },
  erlangC(lib) {
    // 100 calls / 30 min, AHT 180 s, 14 agents, T 20 s (Call Centre Helper; R ErlangC).
    const r = lib.erlangC({ ...erlangInput, agents: 14 });
    near(r.trafficErlangs, 10, 9, "traffic");
    near(r.waitPercent, 17.4132, 4, "Pw");
    near(r.serviceLevel, 88.835, 4, "SL");
    near(r.averageSpeedOfAnswerMs, 7835.937, 3, "ASA");
    near(r.occupancy, 71.4286, 4, "occupancy");
    assert.equal(r.stable, true);
    assert.equal(lib.erlangC({ ...erlangInput, agents: 10 }).stable, false);
  },
  requiredAgents(lib) {
    const r = lib.requiredAgents({ ...erlangInput, serviceLevelPercent: 80 }, { shrinkagePercent: 30 });
    assert.equal(r.agents, 14);
    assert.equal(r.scheduledAgents, 20);
  },

  // --- Tickets ---
  firstResponseTime(lib) {
    const tickets = [5, 10, 15, 20, 600].map((m) => ({ createdAt: 0, firstResponseAt: m * minute }));
    assert.equal(lib.firstResponseTime(tickets), 130 * minute);
    assert.equal(lib.firstResponseTime(tickets, { statistic: "median" }), 15 * minute);
    assert.equal(lib.firstResponseTime([{ createdAt: 0 }]), null);
    throwsCode(
      () => lib.firstResponseTime([{ createdAt: 10, firstResponseAt: 5 }]),
      "inconsistent_instants",
      "tickets[0].firstResponseAt",
    );
  },
  resolutionTime(lib) {
    const tickets = [{ createdAt: 0, resolvedAt: hour }, { createdAt: 0, resolvedAt: 3 * hour }, { createdAt: 0 }];
    assert.equal(lib.resolutionTime(tickets), 2 * hour, "the open ticket is censored, not 0");
  },
  ticketDurations(lib) {
    const tickets = [
      { createdAt: "2024-03-20T09:00:00Z", firstResponseAt: "2024-03-20T09:05:00Z" },
      { createdAt: "2024-03-20T10:00:00Z" },
    ];
    const frt = lib.ticketDurations(tickets, { measure: "firstResponse" });
    assert.deepEqual(frt.durationsMs, [5 * minute, null]);
    assert.equal(frt.leftOut.censored, 1);
  },
  slaCounts(lib) {
    assert.deepEqual(lib.slaCounts(slaVector(), { resolutionMs: 24 * hour }, { asOf: 100 * hour }), {
      achieved: 7,
      breached: 3,
      pending: 3,
    });
  },
  slaCompliance(lib) {
    assert.equal(lib.slaCompliance(slaVector(), { resolutionMs: 24 * hour }, { asOf: 100 * hour }), 70);
  },
  slaComplianceFromCounts(lib) {
    assert.equal(lib.slaComplianceFromCounts({ achieved: 7, breached: 3, pending: 3 }), 70);
  },
  backlog(lib) {
    const asOf = "2024-03-20T12:00:00Z";
    assert.equal(lib.backlog(backlogVector(), { asOf }), 4);
    assert.equal(lib.backlog(backlogVector(), { asOf, olderThanMs: 24 * hour }), 2);
  },
  backlogAging(lib) {
    const buckets = lib.backlogAging(backlogVector(), { asOf: "2024-03-20T12:00:00Z", bucketsMs: [24 * hour] });
    assert.deepEqual(
      buckets.map((b: { count: number }) => b.count),
      [2, 2],
    );
  },
  resolutionRate(lib) {
    assert.equal(lib.resolutionRate({ created: 200, resolved: 170 }), 85);
    assert.equal(lib.resolutionRate({ created: 0, resolved: 0 }), null);
  },
  firstContactResolutionRate(lib) {
    assert.equal(lib.firstContactResolutionRate(rateTickets), 75);
  },
  firstContactResolutionCounts(lib) {
    assert.equal(lib.firstContactResolutionCounts(rateTickets).firstContact, 3);
    assert.equal(lib.firstContactResolutionCounts(rateTickets).resolved, 4);
  },
  firstContactResolutionRateFromCounts(lib) {
    assert.equal(lib.firstContactResolutionRateFromCounts({ firstContact: 72, resolved: 90, unrecorded: 4 }), 80);
  },
  reopenRate(lib) {
    assert.equal(lib.reopenRate(rateTickets), 25);
  },
  reopenCounts(lib) {
    assert.equal(lib.reopenCounts(rateTickets).reopened, 1);
    assert.equal(lib.reopenCounts(rateTickets).resolved, 4);
  },
  reopenRateFromCounts(lib) {
    assert.equal(lib.reopenRateFromCounts({ reopened: 6, resolved: 80, unrecorded: 0 }), 7.5);
  },
  channelMix(lib) {
    const mix = lib.channelMix([{ channel: "chat" }, { channel: "email" }, { channel: "email" }, { channel: "phone" }]);
    assert.deepEqual(mix, [
      { channel: "email", count: 2, percent: 50 },
      { channel: "chat", count: 1, percent: 25 },
      { channel: "phone", count: 1, percent: 25 },
    ]);
  },
  preferredChannel(lib) {
    assert.equal(lib.preferredChannel([{ channel: "chat" }, { channel: "email" }, { channel: "chat" }]), "chat");
    assert.equal(lib.preferredChannel([]), null);
  },

  // --- Incentives (INCENTIVES.md public vectors: ava 157 897, ben 42 756) ---
  validatePlan(lib) {
    assert.equal(lib.validatePlan(planFixture()).ok, true);
    const bad = lib.validatePlan({ ...planFixture(), components: [{ id: "x", type: "nope" }] });
    assert.equal(bad.ok, false);
    assert.ok(bad.issues.length > 0);
  },
  evaluatePlan(lib) {
    const result = lib.evaluatePlan(planFixture(), planInput());
    const cash = new Map(result.agents.map((a: { id: string; cashMinor: number }) => [a.id, a.cashMinor]));
    assert.equal(cash.get("ava"), 157_897);
    assert.equal(cash.get("ben"), 42_756);
    assert.deepEqual(
      result.agents.map((a: { id: string }) => a.id),
      ["ava", "ben", "cleo", "dev"],
      "agents come back in input order",
    );
    assert.throws(
      () => lib.evaluatePlan({ schema: "cs-incentive-plan/1" }, planInput()),
      (e: unknown) => {
        return (e as { code?: string }).code === "invalid_plan";
      },
    );
  },
  compilePlan(lib) {
    const run = lib.compilePlan(planFixture());
    const direct = lib.evaluatePlan(planFixture(), planInput());
    assert.deepEqual(run(planInput()), direct);
  },
  compileCondition(lib) {
    // The spec's quality kicker: ben holds through the escalations branch, cleo fails on QA 84.
    const kicker = lib.compileCondition({
      all: [
        { metric: "qa_score", op: "between", value: [85, 100] },
        {
          any: [
            { metric: "csat_responses", op: "gte", value: 20 },
            { metric: "escalations", op: "eq", value: 0 },
          ],
        },
      ],
    });
    assert.equal(kicker({ qa_score: 88, csat_responses: 14, escalations: 0 }), true);
    assert.equal(kicker({ qa_score: 84, csat_responses: 45, escalations: 2 }), false);
    throwsCode(() => kicker({ qa_score: 88 }), "missing_value", "metrics.csat_responses");
  },
  formatTrace(lib) {
    const result = lib.evaluatePlan(planFixture(), planInput(), { trace: true });
    const ben = lib.formatTrace(result.agents[1]);
    assert.ok(ben.includes("csat_responses 14 < 20"), ben);
    assert.ok(ben.includes("30800/3"), ben);
    throwsCode(
      () => lib.formatTrace(lib.evaluatePlan(planFixture(), planInput()).agents[0]),
      "missing_value",
      "agent.trace",
    );
  },
  allocateLargestRemainder(lib) {
    // The team_sla_pool vector: 100 000 by 620/190/413/413 → ava 37 897, ben 11 614; parts sum to the pool.
    const parts = lib.allocateLargestRemainder(100_000, [620, 190, 413, 413]);
    assert.equal(parts[0], 37_897);
    assert.equal(parts[1], 11_614);
    assert.equal(
      parts.reduce((s: number, x: number) => s + x, 0),
      100_000,
    );
  },
  quantileSketch(lib) {
    // DDSketch's logarithmic mapping at α = 0.01: ⌈ln 1000 / ln γ⌉ = 346, ⌈ln 60000 / ln γ⌉ = 551.
    const sketch = lib.quantileSketch([0, 1000, 60000]);
    assert.deepEqual(sketch.bins, [
      [346, 1],
      [551, 1],
    ]);
    assert.equal(sketch.zeroCount, 1);
    throwsCode(() => lib.quantileSketch([-1]), "out_of_range", "values[0]");
  },
  sketchQuantile(lib) {
    // R: quantile(c(5, 10, 15, 20, 600), 0.9) = 368; the sketch is within 1 % of it.
    const q = lib.sketchQuantile(lib.quantileSketch([5, 10, 15, 20, 600]), 0.9);
    assert.ok(Math.abs(q - 368) <= 3.68, String(q));
    assert.equal(lib.sketchQuantile(lib.quantileSketch([]), 0.5), null);
  },
  mergeSketches(lib) {
    assert.deepEqual(
      lib.mergeSketches(lib.quantileSketch([1, 2]), lib.quantileSketch([0, 3])),
      lib.quantileSketch([0, 1, 2, 3]),
    );
  },
  tallyTickets(lib) {
    const tickets = [
      { createdAt: 0, resolvedAt: 2 * hour, agentId: "ana" },
      { createdAt: 0, agentId: "ben" },
      { createdAt: 5, resolvedAt: 1 },
    ];
    const tally = lib.tallyTickets(tickets, { asOf: 10 * hour, by: ["agentId"], onInvalid: "setAside" });
    assert.deepEqual(
      tally.groups.map((g: { key: unknown }) => g.key),
      [["ana"], ["ben"]],
    );
    assert.deepEqual(tally.setAside.byCode, { inconsistent_instants: 1 });
    assert.deepEqual(JSON.parse(JSON.stringify(tally)), tally);
  },
  mergeTallies(lib) {
    const options = { asOf: 10 * hour };
    const a = lib.tallyTickets([{ createdAt: 0, resolvedAt: 2 * hour }], options);
    const b = lib.tallyTickets([{ createdAt: 0, resolvedAt: 4 * hour }], options);
    assert.deepEqual(
      lib.mergeTallies(a, b),
      lib.tallyTickets(
        [
          { createdAt: 0, resolvedAt: 2 * hour },
          { createdAt: 0, resolvedAt: 4 * hour },
        ],
        options,
      ),
    );
    throwsCode(
      () => lib.mergeTallies(a, lib.tallyTickets([], { asOf: 0 })),
      "inconsistent_counts",
      "tallies[1].fingerprint",
    );
  },
  ticketReport(lib) {
    const tickets = [5, 10, 15, 20, 600].map((m) => ({ createdAt: 0, firstResponseAt: m * minute }));
    const report = lib.ticketReport(lib.tallyTickets(tickets, { asOf: 1000 * minute }));
    assert.equal(report.total.firstResponse.meanMs, 130 * minute);
    assert.equal(report.total.backlog, 5);
  },
  slaDetails(lib) {
    const details = lib.slaDetails([{ createdAt: 0 }], { resolutionMs: 8 * hour }, { asOf: 10 * hour });
    assert.deepEqual(details[0].resolution, {
      state: "breached",
      targetMs: 8 * hour,
      deadline: 8 * hour,
      elapsedMs: 10 * hour,
    });
  },
  // --- Reports: surveys and contacts ---
  tallySurveys(lib) {
    const responses = [
      { agentId: "ana", csat: 5, nps: 10 },
      { agentId: "ana", csat: 2, nps: null },
      { agentId: "bo", csat: "offered", nps: 9 },
    ];
    const tally = lib.tallySurveys(responses, { by: ["agentId"] });
    assert.deepEqual(tally.groups[0].csat, { satisfied: 1, total: 2, unanswered: 0 });
    assert.deepEqual(tally.groups[1].nps, { promoters: 1, passives: 0, detractors: 0, unanswered: 0 });
    assert.equal(
      JSON.stringify(lib.mergeTallies(tally, tally).groups[0].csat),
      '{"satisfied":2,"total":4,"unanswered":0}',
    );
    throwsCode(() => lib.tallySurveys([{ csat: 6 }]), "out_of_range", "responses[0].csat");
  },
  surveyReport(lib) {
    // The NPS vector 50/30/20 of npsInterval, as responses: the row equals npsInterval's answer.
    const scores = [...Array(50).fill(10), ...Array(30).fill(8), ...Array(20).fill(0)];
    const row = lib.surveyReport(lib.tallySurveys(scores.map((nps) => ({ nps, csat: null })))).total;
    assert.equal(row.nps.score, 30);
    near(row.nps.lower, 14.05113, 5, "adjusted-Wald lower");
    near(row.nps.upper, 44.201297, 6, "adjusted-Wald upper");
    assert.equal(row.csat.score, null);
    assert.equal(row.csat.unanswered, 100);
  },
  tallyContacts(lib) {
    const tally = lib.tallyContacts(contactsVector(), { thresholdMs: 20_000, shortAbandonMs: 5_000 });
    assert.equal(tally.records, 1060);
    assert.equal(tally.groups[0].answeredWithin, 860);
    assert.equal(tally.groups[0].shortAbandoned, 10);
  },
  contactReport(lib) {
    const tally = lib.tallyContacts(contactsVector(), { thresholdMs: 20_000, shortAbandonMs: 5_000 });
    const row = lib.contactReport(tally).total;
    near(row.serviceLevel, 81.132075, 6, "service level");
    near(row.abandonmentRate, 4.761905, 6, "abandonment");
    assert.equal(row.averageHandleTimeMs, 60_000);
  },
  // --- Display ---
  formatDuration(lib) {
    assert.equal(lib.formatDuration(7_500_000), "2 h 05 min");
    assert.equal(lib.formatDuration(59_600), "1 min 00 s");
    assert.equal(lib.formatDuration(null), "–");
    throwsCode(() => lib.formatDuration(-1), "out_of_range", "ms");
  },
  formatPercent(lib) {
    assert.equal(lib.formatPercent(65.6123), "65.6 %");
    assert.equal(lib.formatPercent(1234.5, { locale: "de-DE" }), "1.234,5 %");
  },
  formatNpsPoints(lib) {
    assert.equal(lib.formatNpsPoints(5.04), "+5.0");
    assert.equal(lib.formatNpsPoints(-0.01), "0.0");
  },
  formatInterval(lib) {
    const i = lib.npsInterval(nps5030);
    assert.equal(lib.formatInterval(i, { signed: true }), "[+14.1, +44.2]");
    // The result displays itself in Deno's Jupyter kernel, and stays plain data.
    const bundle = i[Symbol.for("Jupyter.display")]();
    assert.ok(bundle["image/svg+xml"].startsWith("<svg"));
    assert.deepEqual(Object.keys(i), ["score", "standardError", "marginOfError", "lower", "upper"]);
  },
  // --- Adapters (support-metrics/adapters); field names from the vendors' API references ---
  fromZendesk(lib) {
    const { tickets, surveyResponses, setAside } = lib.fromZendesk({
      tickets: [
        { id: 1, created_at: "2024-05-01T09:00:00Z", status: "solved", requester_id: 5, via: { channel: "email" } },
        { id: 2, created_at: "2024-05-01T09:00:00Z", status: "solved" },
      ],
      audits: [
        {
          id: 10,
          ticket_id: 1,
          created_at: "2024-05-01T09:00:00Z",
          events: [{ type: "Create", field_name: "status", value: "new" }],
        },
        {
          id: 11,
          ticket_id: 1,
          created_at: "2024-05-01T09:20:00Z",
          events: [{ type: "Comment", public: true, author_id: 9 }],
        },
        {
          id: 12,
          ticket_id: 1,
          created_at: "2024-05-01T11:00:00Z",
          events: [{ type: "Change", field_name: "status", value: "solved" }],
        },
      ],
      satisfactionRatings: [{ ticket_id: 1, score: "offered" }],
    });
    assert.equal(tickets.length, 1);
    assert.equal(tickets[0].firstResponseAt - tickets[0].createdAt, 20 * minute);
    assert.equal(tickets[0].resolvedAt - tickets[0].createdAt, 2 * hour);
    assert.equal(tickets[0].channel, "email");
    assert.equal(surveyResponses[0].csat, null);
    assert.equal(setAside[0].path, "tickets[1].status"); // solved, but no audits or metrics say when
    throwsCode(() => lib.fromZendesk({ tickets: [], extra: 1 }), "invalid_option", "input.extra");
  },
  zendeskPauseStatuses(lib) {
    assert.deepEqual([...lib.zendeskPauseStatuses], ["pending"]);
  },
  reconcileZendeskMetrics(lib) {
    const tickets = [{ id: "1", createdAt: 0, firstResponseAt: 45 * minute, resolvedAt: null }];
    const rows = lib.reconcileZendeskMetrics(tickets, [{ ticket_id: 1, reply_time_in_minutes: { calendar: 30 } }]);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].differenceMinutes, 15);
    assert.equal(
      lib.reconcileZendeskMetrics(tickets, [{ ticket_id: 1, reply_time_in_minutes: { calendar: 45 } }]).length,
      0,
    );
  },
  fromFreshdesk(lib) {
    const { tickets, setAside } = lib.fromFreshdesk({
      tickets: [
        {
          id: 7,
          status: 5,
          priority: 4,
          source: 7,
          created_at: "2024-05-01T09:00:00Z",
          stats: { closed_at: "2024-05-01T09:30:00Z", reopened_at: "2024-05-01T09:10:00Z" },
        },
        { id: 8, status: 2, created_at: "not a time" },
      ],
    });
    assert.equal(tickets[0].resolvedAt - tickets[0].createdAt, 30 * minute);
    assert.equal(tickets[0].priority, "urgent");
    assert.equal(tickets[0].channel, "chat");
    assert.equal(tickets[0].reopenCount, 1);
    assert.equal(setAside[0].code, "invalid_instant");
  },
  fromIntercom(lib) {
    const { tickets, warnings } = lib.fromIntercom({
      conversations: [
        { id: "9", created_at: 1714550400, state: "open", statistics: { first_admin_reply_at: 1714551000 } },
      ],
    });
    assert.equal(tickets[0].firstResponseAt - tickets[0].createdAt, 10 * minute);
    assert.equal(tickets[0].resolvedAt, null);
    assert.equal(warnings[0].code, "no_contact_reply");
  },
  fromServiceNowEvents(lib) {
    const base = {
      number: "INC1",
      opened_at: "29-02-2016 01:16",
      resolved_at: "?",
      reopen_count: "0",
      priority: "3 - Moderate",
    };
    const { tickets, warnings } = lib.fromServiceNowEvents(
      [
        { ...base, incident_state: "New", sys_mod_count: "0", sys_updated_at: "29-02-2016 01:23" },
        { ...base, incident_state: "Resolved", sys_mod_count: "1", sys_updated_at: "29-02-2016 11:29" },
      ],
      { timeZone: "UTC" },
    );
    assert.equal(tickets[0].resolvedAt - tickets[0].createdAt, 613 * minute);
    assert.equal(warnings[0].code, "resolved_from_history");
    throwsCode(() => lib.fromServiceNowEvents([], { timeZone: "Nowhere/Else" }), "invalid_option", "options.timeZone");
  },
  serviceNowPauseStatuses(lib) {
    assert.equal(lib.serviceNowPauseStatuses.length, 4);
    assert.ok(lib.serviceNowPauseStatuses.includes("Awaiting User Info"));
  },
  // --- Warehouse (issue 11) ---
  businessClock(lib) {
    // Fri 8 Mar 2024 and Mon 11 Mar (after the DST change) in New York, 9–17: two rows, worked by hand.
    const rows = lib.businessClock(newYorkCalendar(lib), "2024-03-08T00:00:00Z", "2024-03-12T00:00:00Z");
    assert.deepEqual(rows, [
      { startMs: Date.parse("2024-03-08T14:00:00Z"), endMs: Date.parse("2024-03-08T22:00:00Z"), openBeforeMs: 0 },
      {
        startMs: Date.parse("2024-03-11T13:00:00Z"),
        endMs: Date.parse("2024-03-11T21:00:00Z"),
        openBeforeMs: 8 * hour,
      },
    ]);
    throwsCode(() => lib.businessClock({ elapsedMs: () => 0 }, 0, 1), "invalid_type", "calendar");
  },
  ticketTallySql(lib) {
    const { sql, params } = lib.ticketTallySql({
      dialect: "postgres",
      asOf: 0,
      sla: { resolutionMs: hour, byPriority: { urgent: { resolutionMs: minute } } },
    });
    assert.ok(sql.startsWith("WITH"));
    assert.deepEqual(params, ["urgent", "urgent"]);
    throwsCode(
      () => lib.ticketTallySql({ dialect: "duckdb", asOf: 0, tables: { tickets: "x; DROP TABLE y" } }),
      "invalid_option",
      "options.tables.tickets",
    );
  },
  ticketTallyFromRows(lib) {
    // One ticket answered after a minute, as node-postgres returns the row (integer strings): bin ⌈ln 60000 / ln γ⌉ = 551 for α = 0.01.
    const row: Record<string, unknown> = {
      cls: "0",
      frb: null,
      rsb: null,
      ch: null,
      part: "7",
      n: "1",
      backlog: "1",
      fr_n: "1",
      fr_censored: "0",
      fr_without_response: "0",
      fr_sum: "60000",
      fr_min: "60000",
      fr_max: "60000",
      fr_zero: "0",
      res_n: "0",
      res_censored: "1",
      res_sum: null,
      res_min: null,
      res_max: null,
      res_zero: "0",
      sla_achieved: "0",
      sla_breached: "0",
      sla_pending: "0",
      reopened: "0",
      reopen_resolved: "0",
      reopen_unrecorded: "0",
      first_contact: "0",
      fcr_resolved: "0",
      fcr_unrecorded: "0",
      channel_unrecorded: "1",
    };
    const tally = lib.ticketTallyFromRows([row, { ...row, part: "6", frb: "551" }], { asOf: hour });
    assert.deepEqual(tally, lib.tallyTickets([{ createdAt: 0, firstResponseAt: minute }], { asOf: hour }));
    throwsCode(() => lib.ticketTallyFromRows([{ ...row, n: "1.5" }], { asOf: hour }), "not_integer", "rows[0].n");
  },
  surveyTallySql(lib) {
    const { sql, params } = lib.surveyTallySql({ dialect: "postgres", by: ["agentId"], csat: { satisfiedFrom: 4 } });
    assert.ok(sql.startsWith("WITH"));
    assert.ok(sql.includes("WHEN cv >= 4 THEN 1"));
    assert.deepEqual(params, []);
    throwsCode(
      () => lib.surveyTallySql({ dialect: "duckdb", tables: { responses: "x; DROP TABLE y" } }),
      "invalid_option",
      "options.tables.responses",
    );
  },
  surveyTallyFromRows(lib) {
    // One group row of the responses { csat 5, nps 10 } and { csat 2 }, as node-postgres returns it (integer strings).
    const row: Record<string, unknown> = {
      cls: "0",
      n: "2",
      csat_satisfied: "1",
      csat_total: "2",
      csat_unanswered: "0",
      nps_promoters: "1",
      nps_passives: "0",
      nps_detractors: "0",
      nps_unanswered: "1",
      ces_easy: "0",
      ces_neutral: "0",
      ces_hard: "0",
      ces_rating_sum: "0",
      ces_rating_square_sum: "0",
      ces_unanswered: "2",
      sentiment_positive: "0",
      sentiment_negative: "0",
      sentiment_neutral: "0",
      sentiment_unanswered: "2",
    };
    assert.deepEqual(lib.surveyTallyFromRows([row]), lib.tallySurveys([{ csat: 5, nps: 10 }, { csat: 2 }]));
    throwsCode(() => lib.surveyTallyFromRows([{ ...row, cls: "13", n: "1" }]), "out_of_range", "rows");
  },
  settlePayouts(lib) {
    // 50 per ticket, 10 % held one period. June 100 → 5000, 500 held. July 40 → 2000, 200 held;
    // June restated to 90 tickets: −500 recovered; June's 500 released. Paid 1800 (worked by hand).
    const plan = ledgerPlan();
    const june = lib.settlePayouts(plan, { period: "2025-06", agents: [{ id: "ava", metrics: { tickets: 100 } }] });
    assert.equal(june.agents[0].paidMinor, 4500);
    const july = lib.settlePayouts(
      plan,
      {
        period: "2025-07",
        agents: [{ id: "ava", metrics: { tickets: 40 } }],
        restatements: [{ period: "2025-06", agents: [{ id: "ava", metrics: { tickets: 90 } }] }],
      },
      { previous: june },
    );
    assert.deepEqual(
      july.agents[0].lines.map((l: { kind: string; amountMinor: number }) => `${l.kind} ${l.amountMinor}`),
      ["earning 2000", "holdback -200", "adjustment -500", "release 500"],
    );
    assert.equal(july.totals.paidMinor, 1800);
    throwsCode(
      () =>
        lib.settlePayouts(plan, { period: "2025-07", agents: [], restatements: [{ period: "2025-05", agents: [] }] }),
      "invalid_settlement",
      "/input/restatements/0/period",
    );
  },
  formatSettlement(lib) {
    const s = lib.settlePayouts(ledgerPlan(), {
      period: "2025-06",
      agents: [{ id: "ava", metrics: { tickets: 101 } }],
    });
    const text = lib.formatSettlement(s, "ava");
    // 101 × 50 = 5050; 10 % = 505 held.
    assert.ok(text.includes("earned: USD 50.50"), text);
    assert.ok(text.includes("10% of USD 50.50 = USD 5.05"), text);
    throwsCode(() => lib.formatSettlement(s, "zed"), "invalid_value", "agentId");
  },
  canonicalJson(lib) {
    assert.equal(lib.canonicalJson({ b: [1, 2.5, -0], a: "é" }), '{"a":"é","b":[1,2.5,0]}');
    throwsCode(() => lib.canonicalJson({ a: Number.NaN }), "not_finite", "value.a");
  },
  async auditDigests(lib) {
    // SHA-256 of the two bytes "{}" (FIPS 180-4; any sha256sum agrees).
    const d = await lib.auditDigests({}, {}, {});
    assert.equal(d.plan, "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    assert.equal(d.algorithm, "SHA-256");
  },
  SettlementValidationError(lib) {
    const error = new lib.SettlementValidationError([{ path: "/input/period", code: "invalid_type", message: "x" }]);
    assert.equal(error.code, "invalid_settlement");
    assert.equal(error.issues[0].path, "/input/period");
  },
};

/** 50 minor units per ticket, 10 % held back one period (the ledger cases). */
function ledgerPlan(): object {
  return {
    schema: "cs-incentive-plan/1",
    id: "per-ticket",
    version: 1,
    effective: { from: "2025-06-01", to: "2025-12-31" },
    period: { days: 30 },
    currency: { code: "USD", exponent: 2 },
    metrics: { tickets: { type: "count" } },
    components: [
      {
        id: "per_ticket",
        type: "perUnit",
        basis: "tickets",
        ratePerUnitMinor: 50,
        holdback: { pct: 10, releaseAfterPeriods: 1 },
      },
    ],
  };
}
