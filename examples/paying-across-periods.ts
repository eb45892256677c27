/**
 * The worked example of docs/guides/paying-across-periods.md: three months of
 * pay for a small team, with late surveys, a reopened ticket, a new hire on a
 * draw and a plan change in the middle of August. Run: `npx tsx examples/paying-across-periods.ts`.
 */
import { formatSettlement, type Plan, type Settlement, settlePayouts } from "../src/index.js";

const v1: Plan = {
  schema: "cs-incentive-plan/1",
  id: "cs-agent-ledger",
  version: 1,
  effective: { from: "2025-06-01", to: "2025-08-15" },
  period: { days: 30 },
  currency: { code: "USD", exponent: 2 },
  metrics: {
    tickets_resolved: { type: "count" },
    csat_score: { type: "percent" },
    csat_responses: { type: "count" },
  },
  components: [
    {
      id: "per_ticket",
      type: "perUnit",
      basis: "tickets_resolved",
      ratePerUnitMinor: 100,
      holdback: { pct: 20, releaseAfterPeriods: 1 },
    },
    {
      id: "csat_bonus",
      type: "flat",
      amountMinor: 10000,
      when: {
        all: [
          { metric: "csat_score", op: "gte", value: 90 },
          { metric: "csat_responses", op: "gte", value: 20 },
        ],
      },
    },
  ],
  clawback: { policy: "carryForward", windowPeriods: 2 },
};
// From 16 August: USD 1.20 a ticket.
const v2: Plan = {
  ...v1,
  version: 2,
  effective: { from: "2025-08-16", to: "2025-12-31" },
  components: [{ ...v1.components[0]!, ratePerUnitMinor: 120 } as Plan["components"][number], v1.components[1]!],
};
const nia = { amountMinor: 80000, recoverable: true, periods: 2 };

const june = settlePayouts(v1, {
  period: "2025-06",
  agents: [{ id: "ava", metrics: { tickets_resolved: 620, csat_score: 89.5, csat_responses: 18 } }],
});
const july = settlePayouts(
  v1,
  {
    period: "2025-07",
    agents: [
      { id: "ava", metrics: { tickets_resolved: 580, csat_score: 92, csat_responses: 25 } },
      { id: "nia", metrics: { tickets_resolved: 300, csat_score: 85, csat_responses: 12 }, draw: nia },
    ],
    // Six late surveys for June: CSAT 91 on 24 responses.
    restatements: [
      {
        period: "2025-06",
        agents: [{ id: "ava", metrics: { tickets_resolved: 620, csat_score: 91, csat_responses: 24 } }],
      },
    ],
  },
  { previous: june },
);
const august = settlePayouts(
  {
    plans: [
      { plan: v1, from: "2025-08-01", to: "2025-08-15" },
      { plan: v2, from: "2025-08-16", to: "2025-08-31" },
    ],
  },
  {
    period: "2025-08",
    agents: [
      { id: "ava", metrics: { tickets_resolved: 600, csat_score: 93, csat_responses: 30 } },
      { id: "nia", metrics: { tickets_resolved: 900, csat_score: 90, csat_responses: 21 } },
    ],
    // A July ticket of nia's reopened: 299 resolved, not 300.
    restatements: [
      {
        period: "2025-07",
        agents: [{ id: "nia", metrics: { tickets_resolved: 299, csat_score: 85, csat_responses: 12 } }],
      },
    ],
  },
  { previous: july },
);

export const months: readonly Settlement[] = [june, july, august];

for (const s of months) {
  for (const a of s.agents) console.log(`${formatSettlement(s, a.id)}\n`);
}
