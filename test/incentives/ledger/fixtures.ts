/** Small plans and inputs for the ledger tests, each worked by hand in the test that uses it. */
import type { Loose } from "../helpers.js";

/** 50 minor units per ticket; options add a holdback, a clawback policy, a draw. */
export function perTicketPlan(extra: Loose = {}, holdback?: Loose): Loose {
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
        ...(holdback ? { holdback } : {}),
      },
    ],
    ...extra,
  };
}

/** One agent with `tickets`. */
export const agent = (id: string, tickets: number, more: Loose = {}): Loose => ({ id, metrics: { tickets }, ...more });

/** The lines of an agent as `kind period amount` strings. */
export function lineTexts(settlement: Loose, id: string): string[] {
  const a = settlement.agents.find((x: Loose) => x.id === id);
  return a.lines.map((l: Loose) => `${l.kind} ${l.period} ${l.amountMinor}`);
}
