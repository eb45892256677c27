/**
 * A misspelled option is never a silent default: every options object, policy
 * and tally argument of every export refuses a key it does not know with
 * `invalid_option` at the key's path, suggesting the nearest known key.
 *
 * The table is checked against the module's exports: a new export without an
 * entry fails "every export has an entry", so no function can forget.
 */
import { describe, expect, it } from "vitest";
import * as adapters from "../../src/adapters/index.js";
import * as lib from "../../src/index.js";
import { planFixture, planInput } from "../incentives/plan.js";

const hour = 3_600_000;
const tickets = [
  { createdAt: 0, firstResponseAt: 10 * 60_000, resolvedAt: hour, priority: "urgent" },
  { createdAt: 0, firstResponseAt: 400 * 60_000, resolvedAt: 8 * hour, priority: "low" },
];
const contacts = [
  { waitMs: 10_000, outcome: "answered", talkMs: 60_000 },
  { waitMs: 2_000, outcome: "abandoned" },
] as const;
const queue = { arrivals: 100, intervalMs: 1_800_000, averageHandleMs: 180_000, answerWithinMs: 20_000 };
const nps = { promoters: 5, passives: 3, detractors: 2 };
const calendar = lib.businessCalendar({ timeZone: "UTC", week: { mon: [["09:00", "17:00"]] } });

/**
 * One object argument of an export: `call(key)` calls the export with that
 * argument holding `key` (a valid key of the argument); a misspelling must be
 * refused at `path(misspelled key)`.
 */
interface ObjectArgument {
  /** A valid key of the argument. */
  readonly key: string;
  /** Calls the export with the argument holding `key` in place of the valid key. */
  readonly call: (key: string) => unknown;
  /** The path of the argument, e.g. `"options"`. */
  readonly at: string;
}

/** Either the object arguments to test, or why the export has none with fixed keys. */
type Entry = readonly ObjectArgument[] | { readonly none: string };

const NO_OBJECT = { none: "takes no object argument with fixed keys" };
const RECORDS = { none: "takes records (tickets, contacts, customers, items) whose extra fields are the caller's own" };

/** `{ [key]: value, ...rest }` with a computed key. */
function withKey(key: string, value: unknown, rest: object = {}): Record<string, unknown> {
  return { ...rest, [key]: value };
}

const table: Record<string, Entry> = {
  // errors and shared
  MetricInputError: { none: "an error class" },
  PlanValidationError: { none: "an error class" },
  SettlementValidationError: { none: "an error class" },
  mergeCounts: { none: "adds tallies of any fields (the fields of a and b must agree)" },
  parseInstant: NO_OBJECT,
  businessCalendar: [
    {
      key: "timeZone",
      at: "options",
      call: (k) =>
        lib.businessCalendar(withKey(k, "UTC", { week: { mon: [["09:00", "17:00"]] }, holidays: [] }) as never),
    },
    {
      key: "mon",
      at: "options.week",
      call: (k) => lib.businessCalendar({ timeZone: "UTC", week: withKey(k, [["09:00", "17:00"]]) }),
    },
  ],
  // stats
  normalCdf: NO_OBJECT,
  normalQuantile: NO_OBJECT,
  mean: NO_OBJECT,
  median: NO_OBJECT,
  quantile: NO_OBJECT,
  leaderboard: [
    {
      key: "minSample",
      at: "options",
      call: (k) => lib.leaderboard([{ id: "a", successes: 1, total: 2 }], withKey(k, 1) as never),
    },
  ],
  // survey
  npsCounts: NO_OBJECT,
  nps: NO_OBJECT,
  npsFromCounts: [
    {
      key: "promoters",
      at: "counts",
      call: (k) => lib.npsFromCounts(withKey(k, 5, { passives: 1, detractors: 1 }) as never),
    },
  ],
  npsInterval: [
    {
      key: "detractors",
      at: "counts",
      call: (k) => lib.npsInterval(withKey(k, 2, { promoters: 5, passives: 1 }) as never),
    },
    { key: "method", at: "options", call: (k) => lib.npsInterval(nps, withKey(k, "wald") as never) },
  ],
  compareNps: [
    {
      key: "passives",
      at: "a",
      call: (k) => lib.compareNps(withKey(k, 3, { promoters: 5, detractors: 2 }) as never, nps),
    },
    {
      key: "passives",
      at: "b",
      call: (k) => lib.compareNps(nps, withKey(k, 3, { promoters: 5, detractors: 1 }) as never),
    },
    { key: "confidence", at: "options", call: (k) => lib.compareNps(nps, nps, withKey(k, 0.9) as never) },
  ],
  csatCounts: [{ key: "satisfiedFrom", at: "options", call: (k) => lib.csatCounts([5], withKey(k, 4) as never) }],
  csat: [
    { key: "satisfiedFrom", at: "options", call: (k) => lib.csat([5], withKey(k, 4) as never) },
    { key: "max", at: "options.scale", call: (k) => lib.csat([5], { scale: withKey(k, 5, { min: 1 }) as never }) },
  ],
  csatFromCounts: [
    { key: "satisfied", at: "counts", call: (k) => lib.csatFromCounts(withKey(k, 1, { total: 2 }) as never) },
  ],
  cesCounts: [
    { key: "direction", at: "options", call: (k) => lib.cesCounts([7], withKey(k, "higher-is-easier") as never) },
  ],
  cesFromCounts: [
    {
      key: "ratingSum",
      at: "counts",
      call: (k) => lib.cesFromCounts(withKey(k, 7, { easy: 1, neutral: 0, hard: 0 }) as never),
    },
    {
      key: "method",
      at: "options",
      call: (k) => lib.cesFromCounts({ easy: 1, neutral: 0, hard: 0, ratingSum: 7 }, withKey(k, "mean") as never),
    },
  ],
  ces: [{ key: "method", at: "options", call: (k) => lib.ces([7], withKey(k, "mean") as never) }],
  sentimentCounts: NO_OBJECT,
  netSentimentFromCounts: [
    {
      key: "negative",
      at: "counts",
      call: (k) => lib.netSentimentFromCounts(withKey(k, 1, { positive: 2, neutral: 0 }) as never),
    },
    {
      key: "neutral",
      at: "options",
      call: (k) => lib.netSentimentFromCounts({ positive: 2, negative: 1, neutral: 0 }, withKey(k, "exclude") as never),
    },
  ],
  netSentiment: [
    { key: "neutral", at: "options", call: (k) => lib.netSentiment(["positive"], withKey(k, "exclude") as never) },
  ],
  sentimentShares: [
    {
      key: "positive",
      at: "counts",
      call: (k) => lib.sentimentShares(withKey(k, 1, { negative: 1, neutral: 0 }) as never),
    },
  ],
  wilsonInterval: [
    { key: "confidence", at: "options", call: (k) => lib.wilsonInterval(1, 2, withKey(k, 0.9) as never) },
  ],
  compareProportions: [
    {
      key: "successes",
      at: "a",
      call: (k) => lib.compareProportions(withKey(k, 1, { total: 4 }) as never, { successes: 3, total: 4 }),
    },
    {
      key: "total",
      at: "b",
      call: (k) => lib.compareProportions({ successes: 1, total: 4 }, withKey(k, 4, { successes: 3 }) as never),
    },
    {
      key: "confidence",
      at: "options",
      call: (k) =>
        lib.compareProportions({ successes: 1, total: 4 }, { successes: 3, total: 4 }, withKey(k, 0.9) as never),
    },
  ],
  sampleSizeForMargin: [
    {
      key: "population",
      at: "options",
      call: (k) => lib.sampleSizeForMargin(withKey(k, 500, { marginOfError: 5 }) as never),
    },
    {
      key: "expectedPercent",
      at: "options",
      call: (k) => lib.sampleSizeForMargin(withKey(k, 80, { marginOfError: 5 }) as never),
    },
  ],
  // customers
  churnRate: [
    {
      key: "customersAtEnd",
      at: "counts",
      call: (k) => lib.churnRate(withKey(k, 95, { customersAtStart: 100, customersLost: 10 }) as never),
    },
    {
      key: "denominator",
      at: "options",
      call: (k) => lib.churnRate({ customersAtStart: 100, customersLost: 10 }, withKey(k, "start") as never),
    },
  ],
  convertChurnRate: [
    { key: "toDays", at: "periods", call: (k) => lib.convertChurnRate(3, withKey(k, 365, { fromDays: 30 }) as never) },
  ],
  retentionRate: [
    {
      key: "newCustomers",
      at: "counts",
      call: (k) => lib.retentionRate(withKey(k, 5, { customersAtStart: 100, customersAtEnd: 100 }) as never),
    },
  ],
  retentionCost: [
    {
      key: "customersRetained",
      at: "input",
      call: (k) => lib.retentionCost(withKey(k, 5, { retentionSpend: 100 }) as never),
    },
  ],
  costPerResolution: [
    {
      key: "resolvedTickets",
      at: "input",
      call: (k) => lib.costPerResolution(withKey(k, 5, { supportCost: 100 }) as never),
    },
  ],
  customerLifetimeValue: [
    {
      key: "discountRatePercent",
      at: "input",
      call: (k) =>
        lib.customerLifetimeValue(
          withKey(k, 1, { revenuePerPeriod: 100, grossMarginPercent: 80, churnRatePercent: 5 }) as never,
        ),
    },
  ],
  netRevenueRetention: [
    {
      key: "expansion",
      at: "revenue",
      call: (k) =>
        lib.netRevenueRetention(withKey(k, 10, { startingRevenue: 100, contraction: 0, churned: 0 }) as never),
    },
  ],
  grossRevenueRetention: [
    {
      key: "contraction",
      at: "revenue",
      call: (k) => lib.grossRevenueRetention(withKey(k, 10, { startingRevenue: 100, churned: 0 }) as never),
    },
  ],
  revenueMovements: RECORDS,
  revenueRetentionFromCustomers: RECORDS,
  // contacts
  abandonmentCounts: [
    { key: "shortAbandonMs", at: "options", call: (k) => lib.abandonmentCounts(contacts, withKey(k, 5000) as never) },
  ],
  abandonmentRate: [
    { key: "shortAbandonMs", at: "options", call: (k) => lib.abandonmentRate(contacts, withKey(k, 5000) as never) },
  ],
  abandonmentRateFromCounts: [
    {
      key: "shortAbandoned",
      at: "counts",
      call: (k) => lib.abandonmentRateFromCounts(withKey(k, 1, { answered: 5, abandoned: 1 }) as never),
    },
  ],
  erlangC: [{ key: "agents", at: "input", call: (k) => lib.erlangC(withKey(k, 14, queue) as never) }],
  requiredAgents: [
    {
      key: "serviceLevelPercent",
      at: "input",
      call: (k) => lib.requiredAgents(withKey(k, 80, queue) as never),
    },
    {
      key: "shrinkagePercent",
      at: "options",
      call: (k) => lib.requiredAgents({ ...queue, serviceLevelPercent: 80 }, withKey(k, 30) as never),
    },
  ],
  handleTimeTotals: RECORDS,
  averageHandleTime: RECORDS,
  averageHandleTimeFromTotals: [
    {
      key: "afterCallWorkMs",
      at: "totals",
      call: (k) => lib.averageHandleTimeFromTotals(withKey(k, 100, { talkMs: 1000, handledContacts: 2 }) as never),
    },
  ],
  serviceLevelCounts: [
    { key: "thresholdMs", at: "options", call: (k) => lib.serviceLevelCounts(contacts, withKey(k, 20_000) as never) },
  ],
  serviceLevel: [
    {
      key: "abandoned",
      at: "options",
      call: (k) => lib.serviceLevel(contacts, withKey(k, "ignore", { thresholdMs: 20_000 }) as never),
    },
  ],
  serviceLevelFromCounts: [
    {
      key: "abandonedWithin",
      at: "counts",
      call: (k) => lib.serviceLevelFromCounts(withKey(k, 0, { answered: 5, answeredWithin: 4, abandoned: 1 }) as never),
    },
    {
      key: "abandoned",
      at: "options",
      call: (k) =>
        lib.serviceLevelFromCounts(
          { answered: 5, answeredWithin: 4, abandoned: 1, abandonedWithin: 0 },
          withKey(k, "ignore") as never,
        ),
    },
  ],
  // tickets
  backlog: [
    {
      key: "olderThanMs",
      at: "options",
      call: (k) => lib.backlog(tickets, withKey(k, hour, { asOf: 10 * hour }) as never),
    },
  ],
  backlogAging: [
    {
      key: "resolvedStatuses",
      at: "options",
      call: (k) => lib.backlogAging(tickets, withKey(k, ["done"], { asOf: 10 * hour, bucketsMs: [hour] }) as never),
    },
  ],
  channelMix: RECORDS,
  preferredChannel: RECORDS,
  ticketDurations: [
    { key: "measure", at: "options", call: (k) => lib.ticketDurations(tickets, withKey(k, "firstResponse") as never) },
  ],
  firstResponseTime: [
    { key: "statistic", at: "options", call: (k) => lib.firstResponseTime(tickets, withKey(k, "median") as never) },
    {
      key: "quantile",
      at: "options.statistic",
      call: (k) => lib.firstResponseTime(tickets, { statistic: withKey(k, 0.9) as never }),
    },
  ],
  resolutionTime: [
    { key: "pauseStatuses", at: "options", call: (k) => lib.resolutionTime(tickets, withKey(k, ["pending"]) as never) },
    { key: "calendar", at: "options", call: (k) => lib.resolutionTime(tickets, withKey(k, calendar) as never) },
  ],
  resolutionRate: [
    { key: "resolved", at: "cohort", call: (k) => lib.resolutionRate(withKey(k, 5, { created: 10 }) as never) },
  ],
  firstContactResolutionCounts: RECORDS,
  firstContactResolutionRate: RECORDS,
  firstContactResolutionRateFromCounts: [
    {
      key: "unrecorded",
      at: "counts",
      call: (k) => lib.firstContactResolutionRateFromCounts(withKey(k, 0, { firstContact: 1, resolved: 2 }) as never),
    },
  ],
  reopenCounts: RECORDS,
  reopenRate: RECORDS,
  reopenRateFromCounts: [
    {
      key: "reopened",
      at: "counts",
      call: (k) => lib.reopenRateFromCounts(withKey(k, 1, { resolved: 2, unrecorded: 0 }) as never),
    },
  ],
  slaCounts: [
    {
      key: "pauseStatuses",
      at: "policy",
      call: (k) => lib.slaCounts(tickets, withKey(k, ["pending"], { resolutionMs: hour }) as never),
    },
    {
      key: "resolutionMs",
      at: "policy.byPriority.urgent",
      call: (k) => lib.slaCounts(tickets, { resolutionMs: hour, byPriority: { urgent: withKey(k, hour) as never } }),
    },
    {
      key: "per",
      at: "options",
      call: (k) => lib.slaCounts(tickets, { resolutionMs: hour }, withKey(k, "target") as never),
    },
  ],
  slaCompliance: [
    { key: "firstResponseMs", at: "policy", call: (k) => lib.slaCompliance(tickets, withKey(k, hour) as never) },
    {
      key: "asOf",
      at: "options",
      call: (k) => lib.slaCompliance(tickets, { resolutionMs: hour }, withKey(k, 10 * hour) as never),
    },
  ],
  slaComplianceFromCounts: [
    {
      key: "pending",
      at: "counts",
      call: (k) => lib.slaComplianceFromCounts(withKey(k, 0, { achieved: 1, breached: 1 }) as never),
    },
  ],
  // incentives: plans are validated by validatePlan, with issues of their own
  // The plan is validated by validatePlan (PlanValidationError lists its issues); the options are read here.
  evaluatePlan: [
    { key: "trace", at: "options", call: (k) => lib.evaluatePlan(planFixture(), planInput(), withKey(k, true)) },
  ],
  compilePlan: {
    none: "its compiled function reads the options as evaluatePlan does, and names evaluatePlan (evaluate.test.ts)",
  },
  validatePlan: { none: "returns the issues of a plan instead of throwing" },
  compileCondition: { none: "a condition is part of a plan, validated with it" },
  formatTrace: { none: "formats a result of evaluatePlan" },
  allocateLargestRemainder: [
    {
      key: "tieBreak",
      at: "options",
      call: (k) => lib.allocateLargestRemainder(10, [1, 1], withKey(k, ["a", "b"]) as never),
    },
  ],
  // incentives ledger: settlements are validated as a whole, as plans are
  settlePayouts: { none: "collects every issue in a SettlementValidationError (unknown_key, nearest key suggested)" },
  formatSettlement: { none: "formats a result of settlePayouts" },
  auditDigests: { none: "digests a result of settlePayouts" },
  canonicalJson: { none: "serializes any JSON value" },
  // display
  formatDuration: NO_OBJECT,
  formatPercent: [{ key: "digits", at: "options", call: (k) => lib.formatPercent(12.5, withKey(k, 2) as never) }],
  formatNpsPoints: [
    { key: "locale", at: "options", call: (k) => lib.formatNpsPoints(12.5, withKey(k, "de-DE") as never) },
  ],
  formatInterval: [
    {
      key: "signed",
      at: "options",
      call: (k) => lib.formatInterval({ lower: -1, upper: 2 }, withKey(k, true, { digits: 1 }) as never),
    },
    {
      key: "digits",
      at: "options",
      call: (k) => lib.formatInterval({ lower: -1, upper: 2 }, withKey(k, 1, { signed: true }) as never),
    },
  ],
  // time
  localInstant: [
    {
      key: "disambiguation",
      at: "options",
      call: (k) => lib.localInstant("2026-03-29T02:30", "Europe/Paris", withKey(k, "later") as never),
    },
  ],
  businessClock: NO_OBJECT,
  // reports
  quantileSketch: [
    { key: "relativeAccuracy", at: "options", call: (k) => lib.quantileSketch([1, 2], withKey(k, 0.02) as never) },
  ],
  sketchQuantile: { none: "reads a sketch returned by quantileSketch or mergeSketches" },
  mergeSketches: { none: "reads sketches returned by quantileSketch or mergeSketches" },
  mergeTallies: { none: "reads tallies returned by the tally functions (their fingerprints must agree)" },
  tallyTickets: [
    { key: "asOf", at: "options", call: (k) => lib.tallyTickets(tickets, withKey(k, 10 * hour) as never) },
    {
      key: "pauseStatuses",
      at: "options",
      call: (k) => lib.tallyTickets(tickets, withKey(k, ["on-hold"], { asOf: 10 * hour }) as never),
    },
    {
      key: "relativeAccuracy",
      at: "options.sketch",
      call: (k) => lib.tallyTickets(tickets, { asOf: 10 * hour, sketch: withKey(k, 0.02) as never }),
    },
    {
      key: "resolutionMs",
      at: "options.sla",
      call: (k) => lib.tallyTickets(tickets, { asOf: 10 * hour, sla: withKey(k, 8 * hour) as never }),
    },
    {
      key: "timeZone",
      at: "options.by[0]",
      call: (k) =>
        lib.tallyTickets(tickets, {
          asOf: 10 * hour,
          by: [withKey(k, "UTC", { period: "day", of: "createdAt" }) as never],
        }),
    },
  ],
  ticketReport: [
    {
      key: "quantiles",
      at: "options",
      call: (k) => lib.ticketReport(lib.tallyTickets(tickets, { asOf: 10 * hour }), withKey(k, [0.5]) as never),
    },
  ],
  slaDetails: [
    { key: "resolutionMs", at: "policy", call: (k) => lib.slaDetails(tickets, withKey(k, 8 * hour) as never) },
    {
      key: "asOf",
      at: "options",
      call: (k) => lib.slaDetails(tickets, { resolutionMs: 8 * hour }, withKey(k, 10 * hour) as never),
    },
    {
      key: "firstResponseMs",
      at: "policy.byPriority.urgent",
      call: (k) =>
        lib.slaDetails(tickets, { resolutionMs: 8 * hour, byPriority: { urgent: withKey(k, hour) as never } }),
    },
  ],
  tallySurveys: [
    { key: "onInvalid", at: "options", call: (k) => lib.tallySurveys([{ csat: 5 }], withKey(k, "setAside") as never) },
    {
      key: "satisfiedFrom",
      at: "options.csat",
      call: (k) => lib.tallySurveys([{ csat: 5 }], { csat: withKey(k, 4) as never }),
    },
    {
      key: "max",
      at: "options.csat.scale",
      call: (k) => lib.tallySurveys([{ csat: 5 }], { csat: { scale: withKey(k, 5, { min: 1 }) as never } }),
    },
    {
      key: "direction",
      at: "options.ces",
      call: (k) => lib.tallySurveys([{ ces: 5 }], { ces: withKey(k, "higher-is-easier") as never }),
    },
  ],
  surveyReport: [
    {
      key: "npsMethod",
      at: "options",
      call: (k) => lib.surveyReport(lib.tallySurveys([{ nps: 9 }]), withKey(k, "wald") as never),
    },
  ],
  tallyContacts: [
    { key: "thresholdMs", at: "options", call: (k) => lib.tallyContacts(contacts, withKey(k, 20_000) as never) },
  ],
  contactReport: [
    {
      key: "abandoned",
      at: "options",
      call: (k) => lib.contactReport(lib.tallyContacts(contacts), withKey(k, "ignore") as never),
    },
  ],
  // sql
  ticketTallySql: [
    { key: "dialect", at: "options", call: (k) => lib.ticketTallySql(withKey(k, "duckdb", { asOf: 0 }) as never) },
    {
      key: "statusHistory",
      at: "options.tables",
      call: (k) => lib.ticketTallySql({ dialect: "duckdb", asOf: 0, tables: withKey(k, "history") as never }),
    },
    {
      key: "status",
      at: "options.columns.statusHistory",
      call: (k) =>
        lib.ticketTallySql({ dialect: "duckdb", asOf: 0, columns: { statusHistory: withKey(k, "state") as never } }),
    },
  ],
  ticketTallyFromRows: [
    { key: "asOf", at: "options", call: (k) => lib.ticketTallyFromRows([], withKey(k, 0) as never) },
  ],
  surveyTallySql: [
    { key: "dialect", at: "options", call: (k) => lib.surveyTallySql(withKey(k, "duckdb") as never) },
    {
      key: "responses",
      at: "options.tables",
      call: (k) => lib.surveyTallySql({ dialect: "duckdb", tables: withKey(k, "answers") as never }),
    },
    {
      key: "csat",
      at: "options.columns.responses",
      call: (k) => lib.surveyTallySql({ dialect: "duckdb", columns: { responses: withKey(k, "rating") as never } }),
    },
  ],
  surveyTallyFromRows: [
    { key: "csat", at: "options", call: (k) => lib.surveyTallyFromRows([], withKey(k, {}) as never) },
  ],
};

/** Misspellings a user makes: a letter dropped, doubled or swapped, a plural, the wrong case. */
function misspellings(key: string): string[] {
  return [`${key}s`, key.slice(0, -1), key.toLowerCase() === key ? key.toUpperCase() : key.toLowerCase()];
}

const exported = Object.entries(lib)
  .filter(([, value]) => typeof value === "function")
  .map(([name]) => name);

describe("a misspelled key is never a silent default", () => {
  it("every export has an entry in the table", () => {
    expect(exported.filter((name) => !(name in table))).toEqual([]);
  });

  it("the table names only exports", () => {
    expect(Object.keys(table).filter((name) => !exported.includes(name))).toEqual([]);
  });

  for (const [name, entry] of Object.entries(table)) {
    if (!Array.isArray(entry)) continue;
    for (const argument of entry as readonly ObjectArgument[]) {
      it(`${name}: ${argument.at} refuses a misspelled ${argument.key}`, () => {
        expect(() => argument.call(argument.key)).not.toThrow(expect.objectContaining({ code: "invalid_option" }));
        for (const wrong of misspellings(argument.key)) {
          let error: unknown;
          try {
            argument.call(wrong);
          } catch (e) {
            error = e;
          }
          expect(error, `${name} with ${wrong}`).toMatchObject({
            code: "invalid_option",
            fn: name,
            path: `${argument.at}.${wrong}`,
          });
          expect((error as Error).message).toContain(`did you mean \`${argument.key}\`?`);
        }
      });
    }
  }
});

describe("the issue's misspellings", () => {
  it("firstResponseTime refuses statistics (it returned the mean)", () => {
    expect(() => lib.firstResponseTime(tickets, { statistics: "median" } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.statistics", received: "median" }),
    );
    expect(() => lib.firstResponseTime(tickets, { statistics: "median" } as never)).toThrow(
      /did you mean `statistic`\?/,
    );
  });

  it("an SLA policy refuses pauseStatus, backlog olderThan and leaderboard minsample", () => {
    expect(() =>
      lib.slaCounts(tickets, { resolutionMs: hour, pauseStatus: ["pending"] } as never, { asOf: 0 }),
    ).toThrow(expect.objectContaining({ code: "invalid_option", path: "policy.pauseStatus" }));
    expect(() => lib.backlog(tickets, { asOf: 0, olderThan: hour } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.olderThan" }),
    );
    expect(() => lib.leaderboard([], { minsample: 5 } as never)).toThrow(/did you mean `minSample`\?/);
    expect(() => lib.leaderboard([], { minsample: 5 } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", fn: "leaderboard", path: "options.minsample", received: 5 }),
    );
  });

  it("names the known keys and suggests nothing for a key far from all of them", () => {
    let message = "";
    try {
      lib.npsInterval(nps, { zebra: 1 } as never);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("confidence, method");
    expect(message).not.toContain("did you mean");
    expect(() => lib.npsInterval(nps, { zebra: 1 } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", fn: "npsInterval", path: "options.zebra" }),
    );
  });

  it("reports the first unknown key in code-unit order, whatever order the object was written in", () => {
    const a = () => lib.csat([5], { zz: 1, aa: 2 } as never);
    const b = () => lib.csat([5], { aa: 2, zz: 1 } as never);
    expect(a).toThrow(expect.objectContaining({ path: "options.aa" }));
    expect(b).toThrow(expect.objectContaining({ path: "options.aa" }));
  });

  it("accepts the library's own results where they are documented to feed another function", () => {
    const movements = lib.revenueMovements([{ startRevenue: 100, endRevenue: 90 }]);
    expect(lib.netRevenueRetention(movements)).toBe(90);
    expect(lib.grossRevenueRetention(movements)).toBe(90);
    const counts = lib.slaCounts(tickets, { resolutionMs: 2 * hour });
    expect(lib.slaComplianceFromCounts(counts)).toBe(50);
  });
});

/** The same table for the `support-metrics/adapters` subpath. */
const adapterTable: Record<string, Entry> = {
  fromZendesk: [{ key: "tickets", at: "input", call: (k) => adapters.fromZendesk(withKey(k, []) as never) }],
  fromFreshdesk: [{ key: "tickets", at: "input", call: (k) => adapters.fromFreshdesk(withKey(k, []) as never) }],
  fromIntercom: [{ key: "conversations", at: "input", call: (k) => adapters.fromIntercom(withKey(k, []) as never) }],
  fromServiceNowEvents: [
    {
      key: "timeZone",
      at: "options",
      call: (k) => adapters.fromServiceNowEvents([], withKey(k, "UTC") as never),
    },
    {
      key: "disambiguation",
      at: "options",
      call: (k) => adapters.fromServiceNowEvents([], withKey(k, "later", { timeZone: "UTC" }) as never),
    },
  ],
  reconcileZendeskMetrics: [
    {
      key: "calendar",
      at: "options",
      call: (k) => adapters.reconcileZendeskMetrics([], [], withKey(k, calendar) as never),
    },
  ],
};

describe("support-metrics/adapters: a misspelled key is never a silent default", () => {
  const names = Object.entries(adapters)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => name);

  it("every adapter export has an entry in the table, and the table names only exports", () => {
    expect(names.filter((name) => !(name in adapterTable))).toEqual([]);
    expect(Object.keys(adapterTable).filter((name) => !names.includes(name))).toEqual([]);
  });

  for (const [name, entry] of Object.entries(adapterTable)) {
    for (const argument of entry as readonly ObjectArgument[]) {
      it(`${name}: ${argument.at} refuses a misspelled ${argument.key}`, () => {
        expect(() => argument.call(argument.key)).not.toThrow(expect.objectContaining({ code: "invalid_option" }));
        for (const wrong of misspellings(argument.key)) {
          expect(() => argument.call(wrong), `${name} with ${wrong}`).toThrow(
            expect.objectContaining({ code: "invalid_option", fn: name, path: `${argument.at}.${wrong}` }),
          );
          expect(() => argument.call(wrong)).toThrow(`did you mean \`${argument.key}\`?`);
        }
      });
    }
  }
});

describe("the merged areas", () => {
  it("settlePayouts lists a misspelled option as unknown_key with the nearest key", () => {
    let error: unknown;
    try {
      lib.settlePayouts({} as never, {} as never, { asof: "2026-01-31" } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(lib.SettlementValidationError);
    const issue = (error as InstanceType<typeof lib.SettlementValidationError>).issues.find(
      (i) => i.path === "/options/asof",
    );
    expect(issue).toMatchObject({ code: "unknown_key" });
    expect(issue?.message).toContain('did you mean "asOf"?');
  });

  it("the SLA of tallyTickets and slaDetails matches priorities without regard to case", () => {
    const policy = { byPriority: { URGENT: { firstResponseMs: 30 * 60_000 }, Low: { firstResponseMs: hour } } };
    const details = lib.slaDetails(tickets, policy);
    expect(details.map((d) => d.firstResponse?.targetMs)).toEqual([30 * 60_000, hour]);
    const tally = lib.tallyTickets(tickets, { asOf: 10 * hour, sla: policy });
    expect(lib.ticketReport(tally).total.sla).toMatchObject({ achieved: 1, breached: 1 });
  });

  it("tallyTickets and slaDetails refuse two byPriority keys that differ only by case", () => {
    const policy = { byPriority: { urgent: { resolutionMs: hour }, Urgent: { resolutionMs: 2 * hour } } };
    const expected = expect.objectContaining({ code: "invalid_option", path: "policy.byPriority.urgent" });
    expect(() => lib.slaDetails(tickets, policy)).toThrow(expected);
    expect(() => lib.tallyTickets(tickets, { asOf: 10 * hour, sla: policy })).toThrow(expected);
  });

  it("requiredAgents and churnRate say where a moved key went", () => {
    expect(() => lib.requiredAgents({ ...queue, serviceLevelPercent: 80, shrinkagePercent: 30 } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "input.shrinkagePercent" }),
    );
    expect(() => lib.requiredAgents({ ...queue, serviceLevelPercent: 80, shrinkagePercent: 30 } as never)).toThrow(
      /pass it as an option/,
    );
    expect(() => lib.churnRate({ customersAtStart: 10, customersLost: 1, denominator: "average" } as never)).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "counts.denominator" }),
    );
  });
});
