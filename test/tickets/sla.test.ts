import { describe, expect, it } from "vitest";
import { mergeCounts, slaCompliance, slaComplianceFromCounts, slaCounts } from "../../src/index.js";

const hour = 3_600_000;
const t0 = Date.UTC(2024, 2, 18, 9);
const asOf = t0 + 100 * hour;

/** The metric reference's SLA vector: 7 achieved, 2 resolved late, 1 open and past target, 3 open within target. */
const vector = [
  ...Array.from({ length: 7 }, (_, k) => ({ createdAt: t0, resolvedAt: t0 + (k + 1) * hour })),
  { createdAt: t0, resolvedAt: t0 + 25 * hour },
  { createdAt: t0, resolvedAt: t0 + 48 * hour },
  { createdAt: t0 },
  ...Array.from({ length: 3 }, () => ({ createdAt: asOf - 2 * hour })),
];
const policy = { resolutionMs: 24 * hour };

describe("slaCounts and slaCompliance", () => {
  it("the metric reference's vector: 7 achieved, 3 breached, 3 pending → 70", () => {
    // Zendesk help, "Viewing and understanding SLA targets": closed = achieved; closed/active/paused (breached) =
    // breached; active or paused and not breached = pending.
    expect(slaCounts(vector, policy, { asOf })).toEqual({ achieved: 7, breached: 3, pending: 3 });
    expect(slaCompliance(vector, policy, { asOf })).toBe(70);
  });

  it("a ticket resolved exactly at its target is achieved; one millisecond later is breached", () => {
    expect(slaCounts([{ createdAt: t0, resolvedAt: t0 + 24 * hour }], policy)).toEqual({
      achieved: 1,
      breached: 0,
      pending: 0,
    });
    expect(slaCounts([{ createdAt: t0, resolvedAt: t0 + 24 * hour + 1 }], policy)).toEqual({
      achieved: 0,
      breached: 1,
      pending: 0,
    });
  });

  it("an open ticket exactly at its target at asOf is still pending; past it, breached", () => {
    expect(slaCounts([{ createdAt: t0 }], policy, { asOf: t0 + 24 * hour })).toEqual({
      achieved: 0,
      breached: 0,
      pending: 1,
    });
    expect(slaCounts([{ createdAt: t0 }], policy, { asOf: t0 + 24 * hour + 1 })).toEqual({
      achieved: 0,
      breached: 1,
      pending: 0,
    });
  });

  it("events after asOf have not happened yet; tickets created after asOf are pending", () => {
    const tickets = [{ createdAt: t0, resolvedAt: t0 + 30 * hour }, { createdAt: t0 + 50 * hour }];
    expect(slaCounts(tickets, policy, { asOf: t0 + 10 * hour })).toEqual({ achieved: 0, breached: 0, pending: 2 });
    expect(slaCounts(tickets, policy, { asOf: t0 + 26 * hour })).toEqual({ achieved: 0, breached: 1, pending: 1 });
  });

  const both = { firstResponseMs: hour, resolutionMs: 8 * hour };
  const mixed = [
    { createdAt: t0, firstResponseAt: t0 + 0.5 * hour, resolvedAt: t0 + 4 * hour }, // both met
    { createdAt: t0, firstResponseAt: t0 + 2 * hour, resolvedAt: t0 + 4 * hour }, // response late
    { createdAt: t0, firstResponseAt: t0 + 0.5 * hour }, // resolution still running
    { createdAt: t0, resolvedAt: t0 + 0.75 * hour }, // resolved without a response: the wait ended at 45 min
  ];

  it('per: "ticket" achieves a ticket only if all its targets are (the seed article\'s definition)', () => {
    expect(slaCounts(mixed, both, { asOf: t0 + 5 * hour })).toEqual({ achieved: 2, breached: 1, pending: 1 });
  });

  it('per: "target" counts each target on its own (Zendesk SLA reports)', () => {
    expect(slaCounts(mixed, both, { asOf: t0 + 5 * hour, per: "target" })).toEqual({
      achieved: 6,
      breached: 1,
      pending: 1,
    });
    expect(slaCompliance(mixed, both, { asOf: t0 + 5 * hour, per: "target" })).toBeCloseTo((6 * 100) / 7, 12);
  });

  it("byPriority targets override the overall ones field by field", () => {
    const p = {
      firstResponseMs: 4 * hour,
      resolutionMs: 48 * hour,
      byPriority: { urgent: { firstResponseMs: 0.25 * hour } },
    };
    const tickets = [
      { createdAt: t0, priority: "urgent", firstResponseAt: t0 + 0.5 * hour, resolvedAt: t0 + 10 * hour },
      { createdAt: t0, priority: "normal", firstResponseAt: t0 + 0.5 * hour, resolvedAt: t0 + 10 * hour },
      { createdAt: t0, firstResponseAt: t0 + 0.5 * hour, resolvedAt: t0 + 60 * hour },
    ];
    expect(slaCounts(tickets, p, { per: "target" })).toEqual({ achieved: 4, breached: 2, pending: 0 });
    expect(slaCounts(tickets, p)).toEqual({ achieved: 1, breached: 2, pending: 0 });
  });

  it("matches priorities regardless of case, as statuses are (a Critical ticket gets critical's target)", () => {
    const p = { resolutionMs: 48 * hour, byPriority: { critical: { resolutionMs: 4 * hour } } };
    const tickets = [
      { createdAt: t0, priority: "Critical", resolvedAt: t0 + 10 * hour },
      { createdAt: t0, priority: "CRITICAL", resolvedAt: t0 + 2 * hour },
    ];
    expect(slaCounts(tickets, p)).toEqual({ achieved: 1, breached: 1, pending: 0 });
    const upper = { resolutionMs: 48 * hour, byPriority: { Critical: { resolutionMs: 4 * hour } } };
    expect(slaCounts([{ createdAt: t0, priority: "critical", resolvedAt: t0 + 10 * hour }], upper)).toEqual({
      achieved: 0,
      breached: 1,
      pending: 0,
    });
  });

  it("refuses two byPriority keys that differ only by case (invalid_option), whatever their order", () => {
    const targets = { resolutionMs: hour };
    for (const byPriority of [
      { high: targets, High: targets },
      { High: targets, high: targets },
    ]) {
      expect(() => slaCounts(vector, { byPriority }, { asOf })).toThrow(
        expect.objectContaining({ code: "invalid_option", path: "policy.byPriority.high" }),
      );
    }
  });

  it("pausing stops the clock in the paused statuses", () => {
    const ticket = {
      createdAt: t0,
      resolvedAt: t0 + 30 * hour,
      statusHistory: [
        { status: "open", at: t0 },
        { status: "pending", at: t0 + 2 * hour },
        { status: "open", at: t0 + 12 * hour },
      ],
    };
    expect(slaCompliance([ticket], policy)).toBe(0);
    expect(slaCompliance([ticket], { ...policy, pauseStatuses: ["Pending"] })).toBe(100);
    // While paused, an open ticket does not run past its target.
    const open = { ...ticket, resolvedAt: undefined };
    expect(slaCounts([open], { ...policy, pauseStatuses: ["pending"] }, { asOf: t0 + 30 * hour })).toEqual({
      achieved: 0,
      breached: 0,
      pending: 1,
    });
  });

  it("returns null when nothing is decided", () => {
    expect(slaCompliance([], policy)).toBeNull();
    expect(slaCompliance([{ createdAt: t0 }], policy, { asOf: t0 + hour })).toBeNull();
  });

  it("tallies merge across shards", () => {
    const a = slaCounts(vector.slice(0, 6), policy, { asOf });
    const b = slaCounts(vector.slice(6), policy, { asOf });
    expect(slaComplianceFromCounts(mergeCounts(a, b))).toBe(70);
  });

  it("an open ticket without asOf is missing_value at options.asOf (the clock is never read)", () => {
    expect(() => slaCounts(vector, policy)).toThrow(
      expect.objectContaining({ code: "missing_value", fn: "slaCounts", path: "options.asOf" }),
    );
  });

  it("a ticket with no applicable target is missing_value at its priority", () => {
    const p = { byPriority: { urgent: { firstResponseMs: hour } } };
    expect(() => slaCompliance([{ createdAt: t0, priority: "low", resolvedAt: t0 + 1 }], p)).toThrow(
      expect.objectContaining({ code: "missing_value", fn: "slaCompliance", path: "tickets[0].priority" }),
    );
    expect(() => slaCompliance([{ createdAt: t0, priority: 1 as never, resolvedAt: t0 + 1 }], p)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "tickets[0].priority" }),
    );
  });

  it("throws inconsistent_instants with the path of the ticket", () => {
    const bad = [vector[0]!, vector[1]!, { createdAt: t0, resolvedAt: t0 - 1 }];
    expect(() => slaCompliance(bad, policy, { asOf })).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "tickets[2].resolvedAt" }),
    );
  });

  it("rejects bad policies and options (invalid_option)", () => {
    for (const [bad, path] of [
      [{}, "policy"],
      [{ resolutionMs: -1 }, "policy.resolutionMs"],
      [{ resolutionMs: "1h" }, "policy.resolutionMs"],
      [{ firstResponseMs: Number.POSITIVE_INFINITY }, "policy.firstResponseMs"],
      [{ resolutionMs: hour, byPriority: { high: { resolutionMs: -5 } } }, "policy.byPriority.high.resolutionMs"],
      [{ resolutionMs: hour, byPriority: { high: 5 } }, "policy.byPriority.high"],
      [{ resolutionMs: hour, calendar: "business" }, "policy.calendar"],
      [{ resolutionMs: hour, pauseStatuses: [null] }, "policy.pauseStatuses[0]"],
    ] as const) {
      expect(() => slaCompliance(vector, bad as never, { asOf })).toThrow(
        expect.objectContaining({ code: "invalid_option", fn: "slaCompliance", path }),
      );
    }
    expect(() => slaCompliance(vector, policy, { asOf, per: "agent" as never })).toThrow(
      expect.objectContaining({ code: "invalid_option", path: "options.per" }),
    );
  });

  it("slaComplianceFromCounts validates its counts", () => {
    expect(slaComplianceFromCounts({ achieved: 7, breached: 3, pending: 3 })).toBe(70);
    expect(() => slaComplianceFromCounts({ achieved: -1, breached: 3, pending: 0 })).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "counts.achieved" }),
    );
    expect(() => slaComplianceFromCounts({ achieved: 1, breached: "3" as never, pending: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "counts.breached" }),
    );
    expect(() => slaComplianceFromCounts({ achieved: 1, breached: 0.5, pending: 0 })).toThrow(
      expect.objectContaining({ code: "not_integer", path: "counts.breached" }),
    );
    expect(() => slaComplianceFromCounts(null as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "counts" }),
    );
    expect(() => slaComplianceFromCounts({ achieved: 1, breached: 0 } as never)).toThrow(
      expect.objectContaining({ code: "missing_value", fn: "slaComplianceFromCounts", path: "counts.pending" }),
    );
    expect(() => slaComplianceFromCounts([1, 0, 0] as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "counts" }),
    );
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(vector.map((t) => Object.freeze({ ...t })));
    const frozenPolicy = Object.freeze({
      ...policy,
      byPriority: Object.freeze({ x: Object.freeze({ resolutionMs: hour }) }),
    });
    const before = JSON.stringify([frozen, frozenPolicy]);
    slaCounts(frozen, frozenPolicy, { asOf, per: "target" });
    expect(JSON.stringify([frozen, frozenPolicy])).toBe(before);
  });
});
