/**
 * Runs a broad, deterministic set of good and bad inputs through every public
 * function (outside the incentive plans) and writes what each call returned or
 * threw: the result, or the error's class, `code`, `fn`, `path`, `received` and
 * message. Two snapshots taken before and after a refactoring are compared with
 * `--compare`, which reports every case whose outcome changed.
 *
 *   npx tsx scripts/output-snapshot.mjs write reports/before.json
 *   npx tsx scripts/output-snapshot.mjs write reports/after.json
 *   npx tsx scripts/output-snapshot.mjs compare reports/before.json reports/after.json
 *
 * Inputs: for each function, a few valid calls; then every argument replaced by
 * each value of a pool of odd values; every field of an object argument (and of
 * the first element of an array of objects) replaced by each odd value, deleted,
 * and joined by an unknown key; every element of an array of numbers replaced.
 */
import { readFileSync, writeFileSync } from "node:fs";

const [mode, fileA, fileB] = process.argv.slice(2);

if (mode === "compare") {
  const a = JSON.parse(readFileSync(fileA, "utf8"));
  const b = JSON.parse(readFileSync(fileB, "utf8"));
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  let same = 0;
  let messageOnly = 0;
  const changed = [];
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (JSON.stringify(x) === JSON.stringify(y)) {
      same++;
      continue;
    }
    if (x?.error && y?.error && JSON.stringify({ ...x, message: 0 }) === JSON.stringify({ ...y, message: 0 })) {
      messageOnly++;
      if (process.env.SHOW_MESSAGES) console.log(`message ${key}\n  - ${x.message}\n  + ${y.message}`);
      continue;
    }
    changed.push([key, x, y]);
  }
  for (const [key, x, y] of changed.slice(0, Number(process.env.LIMIT ?? 60))) {
    console.log(`CHANGED ${key}\n  - ${JSON.stringify(x)}\n  + ${JSON.stringify(y)}`);
  }
  const byFn = {};
  for (const [key] of changed) {
    const fn = key.split(" ")[0];
    byFn[fn] = (byFn[fn] ?? 0) + 1;
  }
  console.log(JSON.stringify(byFn));
  console.log(
    `${keys.size} cases: ${same} identical, ${messageOnly} differ only in the message, ${changed.length} changed`,
  );
  process.exit(0);
}

const lib = await import("../src/index.ts");

const hour = 3_600_000;
const ODD = [
  ["undefined", undefined],
  ["null", null],
  ["0", 0],
  ["-0", -0],
  ["1", 1],
  ["-1", -1],
  ["0.5", 0.5],
  ["2", 2],
  ["7", 7],
  ["10", 10],
  ["11", 11],
  ["100", 100],
  ["101", 101],
  ["1e300", 1e300],
  ["2^53", 2 ** 53],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
  ['"x"', "x"],
  ['"5"', "5"],
  ['""', ""],
  ['"2024-01-01T00:00:00Z"', "2024-01-01T00:00:00Z"],
  ["true", true],
  ["5n", 5n],
  ["[]", []],
  ["[1]", [1]],
  ["{}", {}],
  ["{zz:1}", { zz: 1 }],
  ["Date(0)", new Date(0)],
  ["Date(NaN)", new Date(Number.NaN)],
  ["fn", () => 1],
];

/** A JSON-safe picture of any value. */
function ser(v, depth = 0) {
  if (depth > 6) return "…";
  if (v === undefined) return { $: "undefined" };
  if (typeof v === "number") {
    if (Number.isNaN(v)) return { $: "NaN" };
    if (Object.is(v, -0)) return { $: "-0" };
    if (!Number.isFinite(v)) return { $: String(v) };
    return v;
  }
  if (typeof v === "bigint") return { $: `${v}n` };
  if (typeof v === "symbol") return { $: "symbol" };
  if (typeof v === "function") return { $: "function" };
  if (v === null || typeof v !== "object") return v;
  if (v instanceof Date) return { $: `Date ${v.getTime()}` };
  if (ArrayBuffer.isView(v)) return { $: v.constructor.name, values: Array.from(v, (x) => ser(x, depth + 1)) };
  if (Array.isArray(v)) return v.map((x) => ser(x, depth + 1));
  const out = {};
  for (const k of Object.keys(v)) out[k] = ser(v[k], depth + 1);
  return out;
}

function run(fnName, args) {
  try {
    return { result: ser(lib[fnName](...args)) };
  } catch (e) {
    if (e && typeof e === "object" && "code" in e) {
      return {
        error: e.name,
        code: e.code,
        fn: e.fn,
        path: e.path,
        received: ser(e.received),
        message: e.message,
      };
    }
    return { error: "raw", name: e?.name, message: String(e?.message) };
  }
}

function isPlain(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) && !ArrayBuffer.isView(v);
}

const out = {};
function record(key, fnName, args) {
  let k = key;
  for (let n = 2; k in out; n++) k = `${key} #${n}`;
  out[k] = run(fnName, args);
}

/** The base call and its variations. */
function explore(fnName, label, args) {
  // Erlang's loops run once per agent: huge counts would run for hours.
  const pool =
    fnName === "erlangC" || fnName === "requiredAgents"
      ? ODD.filter(([, v]) => !(typeof v === "number" && Math.abs(v) > 1e6))
      : ODD;
  record(`${fnName} ${label} base`, fnName, args);
  args.forEach((arg, i) => {
    for (const [name, value] of pool) {
      const a = [...args];
      a[i] = value;
      record(`${fnName} ${label} arg${i}=${name}`, fnName, a);
    }
    if (isPlain(arg)) {
      for (const key of Object.keys(arg)) {
        for (const [name, value] of pool) {
          const a = [...args];
          a[i] = { ...arg, [key]: value };
          record(`${fnName} ${label} arg${i}.${key}=${name}`, fnName, a);
        }
        const a = [...args];
        const { [key]: _, ...rest } = arg;
        a[i] = rest;
        record(`${fnName} ${label} arg${i}-${key}`, fnName, a);
        const b = [...args];
        b[i] = { ...arg, [`${key}s`]: arg[key] };
        record(`${fnName} ${label} arg${i}+${key}s`, fnName, b);
      }
      const a = [...args];
      a[i] = { ...arg, zz: 1 };
      record(`${fnName} ${label} arg${i}+zz`, fnName, a);
    }
    if (Array.isArray(arg) && arg.length > 0) {
      for (const [name, value] of ODD) {
        const a = [...args];
        a[i] = [...arg];
        a[i][arg.length - 1] = value;
        record(`${fnName} ${label} arg${i}[last]=${name}`, fnName, a);
      }
      const first = arg[0];
      if (isPlain(first)) {
        for (const key of Object.keys(first)) {
          for (const [name, value] of ODD) {
            const a = [...args];
            a[i] = [{ ...first, [key]: value }, ...arg.slice(1)];
            record(`${fnName} ${label} arg${i}[0].${key}=${name}`, fnName, a);
          }
          const a = [...args];
          const { [key]: _, ...rest } = first;
          a[i] = [rest, ...arg.slice(1)];
          record(`${fnName} ${label} arg${i}[0]-${key}`, fnName, a);
        }
      }
    }
  });
}

/** A seeded generator, so the random cases are the same on every run. */
let seed = 12345;
function rand() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const cal = lib.businessCalendar({
  timeZone: "America/New_York",
  week: {
    mon: [["09:00", "17:00"]],
    tue: [["09:00", "17:00"]],
    wed: [
      ["09:00", "12:00"],
      ["13:00", "17:00"],
    ],
  },
  holidays: ["2024-12-25"],
});
const tickets = [
  { createdAt: 0, firstResponseAt: hour, resolvedAt: 4 * hour, priority: "high", reopenCount: 0, contactsToResolve: 1 },
  { createdAt: hour, firstResponseAt: 3 * hour, resolvedAt: 30 * hour, priority: "low", reopenCount: 2 },
  { createdAt: 2 * hour, priority: "high", contactsToResolve: 3 },
  {
    createdAt: "2024-03-18T09:00:00Z",
    resolvedAt: "2024-03-19T09:00:00Z",
    firstResolvedAt: "2024-03-18T19:00:00Z",
    statusHistory: [
      { status: "open", at: "2024-03-18T09:00:00Z" },
      { status: "Pending", at: "2024-03-18T10:00:00Z" },
      { status: "open", at: "2024-03-18T12:00:00Z" },
      { status: "solved", at: "2024-03-19T09:00:00Z" },
    ],
  },
];
const asOf = "2024-04-01T00:00:00Z";
const contacts = [
  { waitMs: 10_000, outcome: "answered", talkMs: 60_000, holdMs: 5_000, afterCallWorkMs: 1_000 },
  { waitMs: 30_000, outcome: "answered", talkMs: 120_000 },
  { waitMs: 2_000, outcome: "abandoned" },
  { waitMs: 40_000, outcome: "abandoned" },
];

const bases = {
  npsCounts: [[[10, 9, 8, 7, 6, 0]], [new Uint8Array([10, 7, 3])], [[]]],
  nps: [[[10, 9, 8, 7, 6, 0]], [new Uint8Array([10, 7, 3])], [[]]],
  npsFromCounts: [[{ promoters: 50, passives: 30, detractors: 20 }], [{ promoters: 0, passives: 0, detractors: 0 }]],
  npsInterval: [
    [
      { promoters: 50, passives: 30, detractors: 20 },
      { confidence: 0.9, method: "wald" },
    ],
    [{ promoters: 10, passives: 0, detractors: 0 }, { method: "adjusted-wald" }],
    [{ promoters: 0, passives: 0, detractors: 0 }],
  ],
  compareNps: [
    [
      { promoters: 100, passives: 60, detractors: 40 },
      { promoters: 110, passives: 80, detractors: 60 },
      { confidence: 0.9 },
    ],
    [
      { promoters: 5, passives: 0, detractors: 0 },
      { promoters: 7, passives: 0, detractors: 0 },
    ],
  ],
  csatCounts: [[[5, 4, 3, 2, 1]], [[10, 9, 8, 1], { scale: { min: 1, max: 10 }, satisfiedFrom: 8 }]],
  csat: [[[5, 4, 3, 2, 1]], [[10, 9, 8, 1], { scale: { min: 1, max: 10 }, satisfiedFrom: 8 }], [[]]],
  csatFromCounts: [[{ satisfied: 7, total: 10 }], [{ satisfied: 0, total: 0 }]],
  cesCounts: [[[7, 6, 4, 1]], [[1, 2, 3, 5], { scale: 5, direction: "higher-is-harder" }]],
  cesFromCounts: [
    [{ easy: 6, neutral: 1, hard: 3, ratingSum: 46 }],
    [
      { easy: 6, neutral: 1, hard: 3, ratingSum: 30 },
      { scale: 5, method: "mean" },
    ],
  ],
  ces: [[[7, 6, 4, 1]], [[1, 2, 3, 5], { scale: 5, direction: "higher-is-harder", method: "net" }], [[]]],
  sentimentCounts: [[["positive", "neutral", "negative"]]],
  netSentiment: [[{ positive: 80, negative: 20, neutral: 100 }, { neutral: "exclude" }]],
  sentimentShares: [[{ positive: 80, negative: 20, neutral: 100 }], [{ positive: 0, negative: 0, neutral: 0 }]],
  wilsonInterval: [
    [8, 10, { confidence: 0.9 }],
    [0, 0],
    [10, 10],
  ],
  compareProportions: [
    [{ successes: 45, total: 50 }, { successes: 35, total: 50 }, { confidence: 0.99 }],
    [
      { successes: 0, total: 5 },
      { successes: 0, total: 7 },
    ],
  ],
  sampleSizeForMargin: [
    [{ marginOfError: 5 }],
    [{ marginOfError: 3, confidence: 0.9, population: 2000, expectedPercent: 80 }],
    [{ metric: "nps", marginOfError: 5, expectedPromotersPercent: 40, expectedDetractorsPercent: 20 }],
    [{ metric: "proportion", marginOfError: 10, population: 1 }],
  ],
  churnRate: [
    [{ customersAtStart: 2000, customersLost: 400 }],
    [{ customersAtStart: 100, customersLost: 10, customersAtEnd: 120, denominator: "average" }],
  ],
  convertChurnRate: [
    [3, { fromDays: 30, toDays: 365 }],
    [100, { fromDays: 30, toDays: 7 }],
    [99.99, { fromDays: 1, toDays: 2 }],
  ],
  retentionRate: [[{ customersAtStart: 100, customersAtEnd: 110, newCustomers: 20 }]],
  retentionCost: [[{ retentionSpend: 1000, customersRetained: 8 }]],
  costPerResolution: [[{ supportCost: 1000, resolvedTickets: 0 }], [{ supportCost: 1000, resolvedTickets: 3 }]],
  customerLifetimeValue: [
    [{ revenuePerPeriod: 100, grossMarginPercent: 80, churnRatePercent: 5 }],
    [{ revenuePerPeriod: 100, grossMarginPercent: 80, churnRatePercent: 5, discountRatePercent: 1 }],
  ],
  netRevenueRetention: [[{ startingRevenue: 1000, expansion: 100, contraction: 50, churned: 100 }]],
  grossRevenueRetention: [[{ startingRevenue: 1000, contraction: 50, churned: 100 }]],
  revenueMovements: [
    [
      [
        { startRevenue: 100, endRevenue: 120 },
        { startRevenue: 50, endRevenue: 0 },
        { startRevenue: 0, endRevenue: 9 },
      ],
    ],
  ],
  revenueRetentionFromCustomers: [
    [
      [
        { startRevenue: 100, endRevenue: 80 },
        { startRevenue: 50, endRevenue: 0 },
      ],
    ],
  ],
  abandonmentCounts: [[contacts, { shortAbandonMs: 5000 }], [contacts]],
  abandonmentRate: [[contacts, { shortAbandonMs: 5000 }], [[]]],
  abandonmentRateFromCounts: [[{ answered: 10, abandoned: 2, shortAbandoned: 1 }]],
  erlangC: [
    [{ arrivals: 100, intervalMs: 1_800_000, averageHandleMs: 180_000, agents: 14, answerWithinMs: 20_000 }],
    [{ arrivals: 0, intervalMs: 1_800_000, averageHandleMs: 180_000, agents: 1, answerWithinMs: 20_000 }],
  ],
  requiredAgents: [
    [
      {
        arrivals: 100,
        intervalMs: 1_800_000,
        averageHandleMs: 180_000,
        answerWithinMs: 20_000,
        serviceLevelPercent: 80,
      },
    ],
    [
      {
        arrivals: 100,
        intervalMs: 1_800_000,
        averageHandleMs: 180_000,
        answerWithinMs: 20_000,
        serviceLevelPercent: 80,
        maxOccupancyPercent: 85,
        shrinkagePercent: 30,
      },
    ],
  ],
  handleTimeTotals: [[contacts]],
  averageHandleTime: [[contacts], [[]]],
  averageHandleTimeFromTotals: [
    [{ talkMs: 1000, holdMs: 100, afterCallWorkMs: 10, handledContacts: 3, notHandled: 1 }],
    [{ talkMs: 0, handledContacts: 0 }],
  ],
  serviceLevelCounts: [[contacts, { thresholdMs: 20_000 }]],
  serviceLevel: [
    [contacts, { thresholdMs: 20_000, abandoned: "ignore-within" }],
    [contacts, { thresholdMs: 0 }],
  ],
  serviceLevelFromCounts: [
    [{ answered: 10, answeredWithin: 8, abandoned: 4, abandonedWithin: 1 }, { abandoned: "ignore" }],
  ],
  backlog: [
    [tickets, { asOf, olderThanMs: hour, resolvedStatuses: ["solved"], calendar: cal }],
    [tickets, { asOf: 3 * hour }],
  ],
  backlogAging: [[tickets, { asOf, bucketsMs: [hour, 24 * hour], resolvedStatuses: ["closed"] }]],
  channelMix: [[["email", "chat", { channel: "email" }]]],
  preferredChannel: [[["email", "chat", { channel: "chat" }]], [[]]],
  ticketDurations: [
    [tickets, { measure: "firstResponse", asOf, pauseStatuses: ["pending"] }],
    [tickets, { measure: "resolution", basis: "first", calendar: cal }],
  ],
  firstResponseTime: [
    [tickets, { statistic: "median", asOf }],
    [tickets, { statistic: { quantile: 0.9 }, calendar: cal }],
  ],
  resolutionTime: [
    [tickets, { statistic: "mean", basis: "full", asOf, pauseStatuses: ["PENDING"] }],
    [tickets, { basis: "first", statistic: { quantile: 0 } }],
  ],
  resolutionRate: [[{ created: 10, resolved: 7 }]],
  firstContactResolutionCounts: [[tickets]],
  firstContactResolutionRate: [[tickets]],
  firstContactResolutionRateFromCounts: [[{ firstContact: 2, resolved: 3, unrecorded: 1 }]],
  reopenCounts: [[tickets]],
  reopenRate: [[tickets]],
  reopenRateFromCounts: [[{ reopened: 1, resolved: 3, unrecorded: 0 }]],
  slaCounts: [
    [
      tickets,
      {
        firstResponseMs: 2 * hour,
        resolutionMs: 8 * hour,
        byPriority: { high: { firstResponseMs: hour }, low: { resolutionMs: 48 * hour } },
        pauseStatuses: ["pending"],
      },
      { asOf, per: "target" },
    ],
    [tickets, { resolutionMs: 8 * hour, calendar: cal }, { asOf }],
  ],
  slaCompliance: [
    [tickets, { resolutionMs: 8 * hour, byPriority: { high: { resolutionMs: hour } } }, { asOf: 10 * hour }],
  ],
  slaComplianceFromCounts: [[{ achieved: 7, breached: 3, pending: 1 }]],
  normalCdf: [[1.96], [-40], [0]],
  normalQuantile: [[0.975], [1e-300], [5e-324], [0.5]],
  mean: [[[1, 2, 3]], [new Float64Array([1, 2])], [[]]],
  median: [[[1, 5, 3]], [[]]],
  quantile: [
    [[600, 5, 20, 10, 15], 0.9],
    [[], 0.5],
  ],
  leaderboard: [
    [
      [
        { id: "A", successes: 9, total: 10 },
        { id: "B", successes: 85, total: 100 },
        { id: "C", successes: 40, total: 40 },
      ],
      { method: "wilson-lower-bound", ties: "dense", confidence: 0.9, minSample: 5 },
    ],
    [
      [
        { id: "A", aht: 300, total: 10 },
        { id: "B", aht: 200, total: 1 },
      ],
      { by: "aht", order: "asc", minSample: 2 },
    ],
    [[{ id: "A", csat: { successes: 3, total: 4 } }], { by: "csat" }],
  ],
  mergeCounts: [
    [
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ],
  ],
  parseInstant: [["2024-03-10T03:00:00-04:00"], [0], [new Date(5)]],
  businessCalendar: [[{ timeZone: "Europe/Paris", week: { mon: [["09:00", "17:00"]] }, holidays: ["2024-01-01"] }]],
};

for (const [fnName, list] of Object.entries(bases)) {
  if (typeof lib[fnName] !== "function") throw new Error(`no export ${fnName}`);
  list.forEach((args, k) => {
    explore(fnName, `b${k}`, args);
  });
}

// Random valid-ish numbers through the numeric functions.
for (let r = 0; r < 300; r++) {
  const n = int(0, 30);
  const scores = Array.from({ length: n }, () => int(0, 10));
  record(`nps rand${r}`, "nps", [scores]);
  record(`csat rand${r}`, "csat", [scores.map((s) => (s % 5) + 1)]);
  record(`ces rand${r}`, "ces", [scores.map((s) => (s % 7) + 1), { method: ["mean", "net", "percent-easy"][r % 3] }]);
  const total = int(0, 1e6);
  const successes = int(0, total);
  record(`wilsonInterval rand${r}`, "wilsonInterval", [successes, total]);
  record(`compareProportions rand${r}`, "compareProportions", [
    { successes, total },
    { successes: int(0, 50), total: 50 },
  ]);
  record(`sampleSizeForMargin rand${r}`, "sampleSizeForMargin", [
    {
      marginOfError: 0.5 + rand() * 20,
      expectedPercent: int(0, 100),
      population: int(1, 5000),
      confidence: 0.5 + rand() * 0.49,
    },
  ]);
  record(`normalQuantile rand${r}`, "normalQuantile", [rand()]);
  record(`normalQuantile tiny${r}`, "normalQuantile", [10 ** -int(1, 320)]);
  record(`convertChurnRate rand${r}`, "convertChurnRate", [
    rand() * 100,
    { fromDays: int(1, 400), toDays: int(1, 400) },
  ]);
  record(`quantile rand${r}`, "quantile", [scores, rand()]);
  record(`erlangC rand${r}`, "erlangC", [
    {
      arrivals: int(0, 500),
      intervalMs: 1_800_000,
      averageHandleMs: int(1, 600) * 1000,
      agents: int(0, 80),
      answerWithinMs: int(0, 60) * 1000,
    },
  ]);
  const start = int(0, 1000);
  const lost = int(0, start);
  record(`churnRate rand${r}`, "churnRate", [
    {
      customersAtStart: start,
      customersLost: lost,
      customersAtEnd: start - lost + int(0, 50),
      denominator: r % 2 ? "start" : "average",
    },
  ]);
}

// The calendar's methods with odd arguments.
for (const method of ["elapsedMs", "addMs", "isOpen"]) {
  for (const [name, value] of ODD) {
    for (const [name2, value2] of [["hour", hour], ["iso", "2024-03-20T12:00:00Z"], ...ODD.slice(0, 4)]) {
      const key = `calendar.${method}(${name}, ${name2})`;
      try {
        out[key] = { result: ser(cal[method](value, value2)) };
      } catch (e) {
        out[key] = e?.code
          ? { error: e.name, code: e.code, fn: e.fn, path: e.path, received: ser(e.received), message: e.message }
          : { error: "raw", message: String(e?.message) };
      }
    }
  }
}

writeFileSync(fileA, JSON.stringify(out, null, 0));
console.log(`${Object.keys(out).length} cases written to ${fileA}`);
