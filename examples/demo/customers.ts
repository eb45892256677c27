/**
 * The customers section of the demo (`npm run demo`): a year of a subscription
 * business, month by month: churn, retention, net and gross revenue retention;
 * monthly churn converted to annual (compounded, not ×12) and checked against
 * the year's cohort; lifetime value, retention cost and cost per resolution.
 * Data: `examples/data/customers-monthly.json` (regenerate with
 * `npx tsx examples/data/generate-contacts.ts`).
 */
import {
  churnRate,
  convertChurnRate,
  costPerResolution,
  customerLifetimeValue,
  grossRevenueRetention,
  mergeCounts,
  netRevenueRetention,
  retentionCost,
  retentionRate,
  revenueMovements,
  revenueRetentionFromCustomers,
} from "../../src/index.ts";
import { fmt, fmtInt, fmtMoney, readJson, table } from "./layout.ts";

const churnCounts = (m: Month) => ({
  customersAtStart: m.customersAtStart,
  customersLost: m.customersLost,
  customersAtEnd: m.customersAtEnd,
});
const retentionCounts = (m: Month) => ({
  customersAtStart: m.customersAtStart,
  customersAtEnd: m.customersAtEnd,
  newCustomers: m.newCustomers,
});
const revenue = (m: Month) => ({
  startingRevenue: m.startingRevenue,
  expansion: m.expansion,
  contraction: m.contraction,
  churned: m.churned,
});

interface Month {
  month: string;
  customersAtStart: number;
  customersLost: number;
  newCustomers: number;
  customersAtEnd: number;
  startingRevenue: number;
  expansion: number;
  contraction: number;
  churned: number;
  newRevenue: number;
  retentionSpend: number;
  customersRetained: number;
  supportCost: number;
  resolvedTickets: number;
}

interface CustomersData {
  grossMarginPercent: number;
  months: Month[];
  yearCohort: [number, number][];
}

const MONTH_DAYS = 365 / 12;

/** The lines of the customers section. */
export function customersSection(): string[] {
  const data = readJson<CustomersData>("../data/customers-monthly.json");
  const { months } = data;
  const out: string[] = [];
  const first = months[0]!;
  const last = months[months.length - 1]!;
  out.push(
    `${months.length} months, ${first.month} to ${last.month}: ${fmtInt(first.customersAtStart)} customers at the start, ${fmtInt(last.customersAtEnd)} at the end.`,
    "Churn and retention count only the customers present at each month's start; NRR and GRR only their revenue (MRR).",
    "",
    ...table(
      ["month", "start", "lost", "new", "end", "churn", "retention", "NRR", "GRR"],
      months.map((m) => [
        m.month,
        fmtInt(m.customersAtStart),
        fmtInt(m.customersLost),
        fmtInt(m.newCustomers),
        fmtInt(m.customersAtEnd),
        // Each function takes its own fields only (a misspelled key is never ignored), so the row is split.
        fmt(churnRate(churnCounts(m)), 2, " %"),
        fmt(retentionRate(retentionCounts(m)), 2, " %"),
        fmt(netRevenueRetention(revenue(m)), 1, " %"),
        fmt(grossRevenueRetention(revenue(m)), 1, " %"),
      ]),
      "lrrrrrrrr",
    ),
  );

  // Half-years: the retention programme started in January. Counts of months add like any tally.
  const halves = [months.slice(0, 6), months.slice(6)].map((half) => {
    const lost = half.reduce((s, m) => s + m.customersLost, 0);
    const startSum = half.reduce((s, m) => s + m.customersAtStart, 0);
    // The mean monthly churn of the half-year, weighted by each month's starting base.
    const monthly = churnRate({ customersAtStart: startSum, customersLost: lost })!;
    return { label: `${half[0]!.month} – ${half[half.length - 1]!.month}`, half, monthly };
  });
  out.push(
    "",
    "Monthly churn as an annual rate: compounded, 1 − (1 − r)^12, never r × 12.",
    "",
    ...table(
      ["half-year", "monthly churn", "annual (compounded)", "r × 12 (wrong)", "retention spend / customer kept"],
      halves.map(({ label, half, monthly }) => {
        const spend = half.map((m) => ({ spend: m.retentionSpend, kept: m.customersRetained })).reduce(mergeCounts);
        return [
          label,
          fmt(monthly, 2, " %"),
          fmt(convertChurnRate(monthly, { fromDays: MONTH_DAYS, toDays: 365 }), 1, " %"),
          fmt(monthly * 12, 1, " %"),
          fmtMoney(retentionCost({ retentionSpend: spend.spend, customersRetained: spend.kept })),
        ];
      }),
      "lrrrr",
    ),
  );

  // The year's cohort, customer by customer: what really happened to the 2024-07-01 customers.
  const cohort = data.yearCohort.map(([startRevenue, endRevenue]) => ({ startRevenue, endRevenue }));
  const lostInYear = cohort.filter((c) => c.endRevenue === 0).length;
  const yearChurn = churnRate({ customersAtStart: cohort.length, customersLost: lostInYear })!;
  const yearRevenue = revenueRetentionFromCustomers(cohort)!;
  const moves = revenueMovements(cohort);
  const allMonths = months.reduce((s, m) => s + m.customersLost, 0);
  const meanMonthly = churnRate({
    customersAtStart: months.reduce((s, m) => s + m.customersAtStart, 0),
    customersLost: allMonths,
  })!;
  out.push(
    "",
    `The ${fmtInt(cohort.length)} customers of ${first.month}-01, one year later (per customer):`,
    ...table(
      ["measure", "value", "how"],
      [
        ["annual churn", fmt(yearChurn, 1, " %"), `${fmtInt(lostInYear)} of ${fmtInt(cohort.length)} left`],
        [
          "monthly churn, compounded",
          fmt(convertChurnRate(meanMonthly, { fromDays: MONTH_DAYS, toDays: 365 }), 1, " %"),
          `from the mean monthly churn ${fmt(meanMonthly, 2, " %")}`,
        ],
        ["annual NRR", fmt(yearRevenue.netRevenueRetention, 1, " %"), "Σ end MRR / Σ start MRR"],
        [
          "annual GRR",
          fmt(yearRevenue.grossRevenueRetention, 1, " %"),
          "each customer capped at its own start: upgrades cannot hide losses",
        ],
        [
          "MRR movements",
          `+${fmtInt(moves.expansion)} / −${fmtInt(moves.contraction)} / −${fmtInt(moves.churned)}`,
          `expansion / contraction / churned, of ${fmtInt(moves.startingRevenue)} at the start`,
        ],
      ],
      "lrl",
    ),
  );

  // Lifetime value at today's figures: ARPA of the last month, margin, the last half-year's churn.
  const arpa = last.startingRevenue / last.customersAtStart;
  const recentChurn = halves[1]!.monthly;
  const clvInput = {
    revenuePerPeriod: arpa,
    grossMarginPercent: data.grossMarginPercent,
    churnRatePercent: recentChurn,
  };
  const support = months.slice(-3);
  const costPer = costPerResolution({
    supportCost: support.reduce((s, m) => s + m.supportCost, 0),
    resolvedTickets: support.reduce((s, m) => s + m.resolvedTickets, 0),
  });
  out.push(
    "",
    ...table(
      ["value", "amount", "definition"],
      [
        [
          "lifetime value (simple)",
          fmtMoney(customerLifetimeValue(clvInput)),
          `ARPA ${fmtMoney(arpa)} × ${data.grossMarginPercent} % margin ÷ ${fmt(recentChurn, 2, " %")} monthly churn`,
        ],
        [
          "lifetime value (discounted)",
          fmtMoney(customerLifetimeValue({ ...clvInput, discountRatePercent: 1 })),
          "m·r / (1 + d − r), d = 1 % a month (Gupta & Lehmann)",
        ],
        ["cost per resolution", fmtMoney(costPer), "support cost ÷ tickets resolved, last 3 months"],
      ],
      "lrl",
    ),
  );
  return out;
}
