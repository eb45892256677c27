/**
 * Writes the seeded, synthetic sample data of the customers and contact-centre
 * demo sections. Run: `npx tsx examples/data/generate-contacts.ts`.
 *
 * - `customers-monthly.json`: a subscription business over twelve months
 *   (July 2024 – June 2025), simulated customer by customer and written as the
 *   monthly counts and recurring-revenue movements a billing system reports,
 *   plus each customer's monthly recurring revenue (MRR) at the start and end of the year for the
 *   customers present on 2024-07-01 (the annual revenue cohort).
 * - `contacts-week.json`: a week of calls (Mon 2025-06-23 – Sun 06-29, UTC) with
 *   wait, outcome and talk / hold / after-call work, in milliseconds.
 * - `call-forecast.json`: next week's forecast calls per half hour (Mon 2025-06-30 –
 *   Sun 07-06), at the centre's full volume (the contacts file keeps one call in six).
 *
 * Same period and roster as the other sample data.
 */
import { writeFileSync } from "node:fs";
import { rng } from "../../bench/lib.ts";

const random = rng(20250623);
const second = 1000;

function logNormal(median: number, sigma: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * z);
}

function poisson(mean: number): number {
  // Knuth for small means, a normal approximation for large ones (sample data, not statistics).
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * logNormalZ()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

function logNormalZ(): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function write(name: string, data: unknown): void {
  // One line per record: small files that still diff well.
  const json = JSON.stringify(data, null, 1).replace(/\[\n\s*(\d+),\n\s*(\d+)\n\s*\]/g, "[$1, $2]");
  writeFileSync(new URL(name, import.meta.url), `${json}\n`);
  console.log(`wrote examples/data/${name}`);
}

// --- Customers: a year of a subscription business, customer by customer ---

interface Customer {
  mrr: number;
}
const PLANS = [29, 49, 99, 249] as const;
const PLAN_WEIGHTS = [0.45, 0.32, 0.17, 0.06] as const;
function plan(): number {
  let u = random();
  for (let i = 0; i < PLANS.length; i++) {
    u -= PLAN_WEIGHTS[i]!;
    if (u < 0) return PLANS[i]!;
  }
  return PLANS[0];
}

let active: Customer[] = Array.from({ length: 2000 }, () => ({ mrr: plan() }));
const cohort = new Map<Customer, number>(active.map((c) => [c, c.mrr]));
const months: object[] = [];
for (let m = 0; m < 12; m++) {
  const month = new Date(Date.UTC(2024, 6 + m, 1)).toISOString().slice(0, 7);
  const customersAtStart = active.length;
  const startingRevenue = active.reduce((s, c) => s + c.mrr, 0);
  // Churn improves from about 3.4 % to 2.4 % a month after a retention programme starts in January.
  const churnP = m < 6 ? 0.034 : 0.024;
  let customersLost = 0;
  let churned = 0;
  let expansion = 0;
  let contraction = 0;
  const kept: Customer[] = [];
  for (const c of active) {
    if (random() < churnP) {
      customersLost++;
      churned += c.mrr;
      continue;
    }
    const u = random();
    if (u < 0.03) {
      const i = PLANS.indexOf(c.mrr as (typeof PLANS)[number]);
      if (i < PLANS.length - 1) {
        expansion += PLANS[i + 1]! - c.mrr;
        c.mrr = PLANS[i + 1]!;
      }
    } else if (u < 0.045) {
      const i = PLANS.indexOf(c.mrr as (typeof PLANS)[number]);
      if (i > 0) {
        contraction += c.mrr - PLANS[i - 1]!;
        c.mrr = PLANS[i - 1]!;
      }
    }
    kept.push(c);
  }
  const newCustomers = poisson(m < 6 ? 75 : 85);
  let newRevenue = 0;
  for (let k = 0; k < newCustomers; k++) {
    const c = { mrr: plan() };
    newRevenue += c.mrr;
    kept.push(c);
  }
  active = kept;
  const retentionSpend = m < 6 ? 4_000 : 9_500;
  months.push({
    month,
    customersAtStart,
    customersLost,
    newCustomers,
    customersAtEnd: active.length,
    startingRevenue,
    expansion,
    contraction,
    churned,
    newRevenue,
    retentionSpend,
    customersRetained: customersAtStart - customersLost,
    supportCost: 52_000 + Math.round(random() * 4_000),
    resolvedTickets: 2_000 + Math.round(random() * 500),
  });
}
const stillActive = new Set(active);
const yearCohort = [...cohort].map(([c, startRevenue]) => [startRevenue, stillActive.has(c) ? c.mrr : 0]);
write("customers-monthly.json", {
  description:
    "Synthetic subscription business, July 2024 – June 2025: monthly counts and MRR movements of the customers present at each month's start (currency units), margin, retention spend and support cost; yearCohort is [MRR on 2024-07-01, MRR on 2025-06-30] of each customer present on 2024-07-01 (0 = left).",
  grossMarginPercent: 82,
  months,
  yearCohort,
});

// --- Contact centre: a week of calls and next week's forecast ---

/** Expected calls per half hour: open 08:00–20:00 on weekdays, 09:00–17:00 on Saturday, closed Sunday. */
function expectedCalls(day: number, slot: number): number {
  const hour = slot / 2;
  const [open, close, peak] = day < 5 ? [8, 20, 60] : day === 5 ? [9, 17, 22] : [0, 0, 0];
  if (hour < open || hour >= close) return 0;
  // Two humps: mid-morning and early afternoon; Mondays are busier.
  const shape = 0.55 + 0.45 * Math.exp(-(((hour - 10.5) / 1.6) ** 2)) + 0.35 * Math.exp(-(((hour - 14.5) / 1.8) ** 2));
  return peak * shape * (day === 0 ? 1.2 : 1);
}

const WEEK = Date.UTC(2025, 5, 23);
const contacts: object[] = [];
for (let day = 0; day < 7; day++) {
  for (let slot = 0; slot < 48; slot++) {
    const calls = poisson(expectedCalls(day, slot) / 6); // a sample: one call in six is kept in the file
    for (let k = 0; k < calls; k++) {
      const at = WEEK + day * 86_400_000 + slot * 1_800_000 + Math.floor(random() * 1_800_000);
      const busy = expectedCalls(day, slot) > 55 ? 2.2 : 1;
      // Most calls are answered at once; the rest queue for an exponential time, longer at peaks.
      const wait = random() < 0.45 ? random() * 4 * second : -Math.log(1 - random()) * 22 * second * busy;
      const patience = -Math.log(1 - random()) * 150 * second;
      const misdial = random() < 0.012;
      if (misdial || patience < wait) {
        const waitMs = Math.round(misdial ? random() * 4 * second : patience);
        contacts.push({ at: new Date(at).toISOString(), waitMs, outcome: "abandoned" });
        continue;
      }
      const hold = random() < 0.3 ? Math.round(logNormal(45 * second, 0.6)) : 0;
      contacts.push({
        at: new Date(at).toISOString(),
        waitMs: Math.round(wait),
        outcome: "answered",
        talkMs: Math.round(logNormal(230 * second, 0.55)),
        ...(hold > 0 ? { holdMs: hold } : {}),
        afterCallWorkMs: Math.round(logNormal(40 * second, 0.5)),
      });
    }
  }
}
contacts.sort((a, b) => ((a as { at: string }).at < (b as { at: string }).at ? -1 : 1));
write("contacts-week.json", {
  description:
    "Synthetic sample of one call in six from the week of 2025-06-23 (UTC): wait, outcome, talk, hold and after-call work in ms.",
  contacts,
});

const days: object[] = [];
for (let day = 0; day < 7; day++) {
  const date = new Date(WEEK + (7 + day) * 86_400_000).toISOString().slice(0, 10);
  const calls = Array.from({ length: 48 }, (_, slot) => Math.round(expectedCalls(day, slot) * (0.97 + random() * 0.06)));
  days.push({ date, calls });
}
write("call-forecast.json", {
  description:
    "Forecast calls per half hour (slot 0 = 00:00–00:30 UTC) for the week of 2025-06-30, at the centre's full volume.",
  intervalMinutes: 30,
  days,
});
