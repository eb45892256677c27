/** formatSettlement: every line explained, amounts to the cent (redone by hand in the comments). */
import { describe, expect, it } from "vitest";
import { formatSettlement, settlePayouts } from "../../../src/index.js";
import { deepFreeze, type Loose } from "../helpers.js";
import { agent, perTicketPlan } from "./fixtures.js";

describe("formatSettlement", () => {
  it("explains a segment's share, a holdback, a true-up and a draw to the cent", () => {
    const v1 = perTicketPlan(
      { draw: { amountMinor: 12000, recoverable: true, periods: 2 } },
      { pct: 10, releaseAfterPeriods: 1 },
    );
    const v2 = { ...v1, version: 2, components: [{ ...v1.components[0], ratePerUnitMinor: 60 }] };
    const june = settlePayouts(v1, { period: "2025-06", agents: [agent("ava", 100)] });
    const july = settlePayouts(
      {
        plans: [
          { plan: v1, from: "2025-07-01", to: "2025-07-14" },
          { plan: v2, from: "2025-07-15", to: "2025-07-31" },
        ],
      } as Loose,
      {
        period: "2025-07",
        agents: [agent("ava", 200)],
        restatements: [{ period: "2025-06", agents: [agent("ava", 110)] }],
      },
      { previous: june },
    );
    const text = formatSettlement(deepFreeze(july), "ava");
    // 10000 × 14/31 = 4516.129… → 4516; 12000 × 17/31 = 6580.645… → 6581; 10 % of 4516 = 451.6 → 452.
    expect(text).toContain("2025-07 per_ticket (perUnit) [plan v1 2025-07-01–2025-07-14], earned: USD 45.16");
    expect(text).toContain("  USD 100.00 for the period × 14/31 days = ≈45.1613 → USD 45.16 (halfAwayFromZero)");
    expect(text).toContain("  USD 120.00 for the period × 17/31 days = ≈65.8065 → USD 65.81 (halfAwayFromZero)");
    expect(text).toContain("  10% of USD 45.16 = 4.516 → USD 4.52 (halfAwayFromZero), released 1 settlement later");
    // June 100 → 110 tickets: +500.
    expect(text).toContain("2025-06 per_ticket, true-up: USD 5.00");
    expect(text).toContain("  restated: USD 55.00 − paid USD 50.00 = USD 5.00 (changed: tickets)");
    expect(text).toContain("2025-06 per_ticket, released: USD 5.00");
    // Pay before the draw 4516 + 6581 − 452 − 658 + 500 + 500 = 10987 < 12000: advance 1013.
    expect(text).toContain("2025-07, draw advance: USD 10.13");
    expect(text).toContain(`Paid this settlement: USD ${(july.agents[0]!.paidMinor / 100).toFixed(2)}`);
    expect(text).toMatch(/= paid USD [\d,.]+$/);
  });

  it("throws invalid_value for an agent not in the settlement, invalid_type for a non-settlement", () => {
    const s = settlePayouts(perTicketPlan(), { period: "2025-06", agents: [agent("ava", 1)] });
    expect(() => formatSettlement(s, "zed")).toThrow(
      expect.objectContaining({ code: "invalid_value", path: "agentId" }),
    );
    expect(() => formatSettlement({} as Loose, "ava")).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "settlement" }),
    );
  });
});
