import { describe, expect, it } from "vitest";
import { slaCompliance, slaCounts } from "../../src/index.js";
import { code } from "../helpers/errors.js";

// Behaviours the mutation run (npm run mutation) found unpinned: each test fails on a
// change of the boundary, the counter or the path it names. Oracle: the definitions of
// Zendesk's SLA target states ("Viewing and understanding SLA targets"), worked by hand.
const hour = 3_600_000;
const t0 = Date.UTC(2024, 2, 18, 9);

describe("slaCounts: events and asOf", () => {
  it("a resolution after asOf has not happened: the ticket is pending at asOf, not achieved", () => {
    // Resolved at 6 h, asOf 5 h, target 8 h: at asOf the clock has run 5 h ≤ 8 h.
    const tickets = [{ createdAt: t0, resolvedAt: t0 + 6 * hour }];
    expect(slaCounts(tickets, { resolutionMs: 8 * hour }, { asOf: t0 + 5 * hour })).toEqual({
      achieved: 0,
      breached: 0,
      pending: 1,
    });
  });

  it("a first response after asOf has not happened: pending while within target, not achieved", () => {
    const tickets = [{ createdAt: t0, firstResponseAt: t0 + 3 * hour }];
    const policy = { firstResponseMs: 4 * hour };
    expect(slaCounts(tickets, policy, { asOf: t0 + 2 * hour })).toEqual({ achieved: 0, breached: 0, pending: 1 });
    expect(slaCounts(tickets, policy, { asOf: t0 + 3 * hour })).toEqual({ achieved: 1, breached: 0, pending: 0 });
  });

  it("events exactly at asOf have happened: a resolution and a response at asOf stop their clocks", () => {
    const asOf = t0 + 8 * hour;
    // Resolved exactly at asOf and exactly at the 8 h target: achieved (the clock stopped), not pending.
    expect(slaCounts([{ createdAt: t0, resolvedAt: asOf }], { resolutionMs: 8 * hour }, { asOf })).toEqual({
      achieved: 1,
      breached: 0,
      pending: 0,
    });
    // Responded exactly at asOf (2 h ≤ 4 h target): achieved.
    const responded = [{ createdAt: t0 + 6 * hour, firstResponseAt: asOf }];
    expect(slaCounts(responded, { firstResponseMs: 4 * hour }, { asOf })).toEqual({
      achieved: 1,
      breached: 0,
      pending: 0,
    });
  });

  it("a missing asOf is reported with the open ticket's index", () => {
    const tickets = [{ createdAt: t0, resolvedAt: t0 + hour }, { createdAt: t0 }];
    expect(() => slaCounts(tickets, { resolutionMs: hour })).toThrow(
      code("missing_value", { fn: "slaCounts", path: "options.asOf" }),
    );
    expect(() => slaCounts(tickets, { resolutionMs: hour })).toThrow(/tickets\[1\] is still open/);
  });

  it("an open clock without a target never asks for asOf", () => {
    // Responded, not resolved, first-response target only: nothing runs, so no asOf is needed.
    const tickets = [{ createdAt: t0, firstResponseAt: t0 + 0.5 * hour }];
    expect(slaCounts(tickets, { firstResponseMs: hour })).toEqual({ achieved: 1, breached: 0, pending: 0 });
  });
});

describe("slaCounts: one target over several tickets", () => {
  it("a firstResponse-only policy measures every ticket on its own", () => {
    const tickets = [
      { createdAt: t0, firstResponseAt: t0 + 10 * hour }, // 10 h > 1 h: breached
      { createdAt: t0, firstResponseAt: t0 + 0.5 * hour }, // 30 min: achieved
      { createdAt: t0, firstResponseAt: t0 + hour, resolvedAt: t0 + 50 * hour }, // exactly 1 h: achieved
      { createdAt: t0, firstResponseAt: t0 + 2 * hour }, // breached
      { createdAt: t0 + 10 * hour, firstResponseAt: t0 + 10 * hour }, // 0: achieved
    ];
    expect(slaCounts(tickets, { firstResponseMs: hour })).toEqual({ achieved: 3, breached: 2, pending: 0 });
    expect(slaCounts(tickets, { firstResponseMs: hour }, { per: "target" })).toEqual({
      achieved: 3,
      breached: 2,
      pending: 0,
    });
  });

  it("a resolution-only policy measures every ticket on its own", () => {
    const tickets = [
      { createdAt: t0, resolvedAt: t0 + 10 * hour },
      { createdAt: t0, firstResponseAt: t0 + 9 * hour, resolvedAt: t0 + 0.5 * hour + 1 },
      { createdAt: t0, resolvedAt: t0 + 2 * hour },
    ];
    expect(slaCounts(tickets, { resolutionMs: hour })).toEqual({ achieved: 1, breached: 2, pending: 0 });
  });
});

describe('slaCounts per: "target": pending and absent targets', () => {
  const asOf = t0 + 2 * hour;

  it("a pending first response counts once as pending; an absent resolution target is not counted", () => {
    const tickets = [
      { createdAt: t0 + hour }, // response pending (1 h of 4 h)
      { createdAt: t0, firstResponseAt: t0 + hour }, // achieved
      { createdAt: t0 + 5 * hour }, // created after asOf: pending
    ];
    expect(slaCounts(tickets, { firstResponseMs: 4 * hour }, { asOf, per: "target" })).toEqual({
      achieved: 1,
      breached: 0,
      pending: 2,
    });
  });

  it("a pending resolution counts once as pending; an absent first-response target is not counted", () => {
    const tickets = [
      { createdAt: t0 + hour }, // resolution pending (1 h of 4 h)
      { createdAt: t0, firstResponseAt: t0 + 5 * 60_000 }, // still open at 2 h: pending
      { createdAt: t0, resolvedAt: t0 + hour }, // achieved
    ];
    expect(slaCounts(tickets, { resolutionMs: 4 * hour }, { asOf, per: "target" })).toEqual({
      achieved: 1,
      breached: 0,
      pending: 2,
    });
  });

  it("both targets of one ticket count: breached response, pending resolution", () => {
    const tickets = [{ createdAt: t0 }];
    expect(slaCounts(tickets, { firstResponseMs: hour, resolutionMs: 8 * hour }, { asOf, per: "target" })).toEqual({
      achieved: 0,
      breached: 1,
      pending: 1,
    });
    // per ticket: any breached target breaches the ticket.
    expect(slaCounts(tickets, { firstResponseMs: hour, resolutionMs: 8 * hour }, { asOf })).toEqual({
      achieved: 0,
      breached: 1,
      pending: 0,
    });
  });

  it('per: "ticket" counts a ticket with only pending targets as pending, not achieved', () => {
    const tickets = [{ createdAt: t0, firstResponseAt: t0 + 0.5 * hour }, { createdAt: t0 + hour }];
    expect(slaCounts(tickets, { firstResponseMs: hour, resolutionMs: 8 * hour }, { asOf })).toEqual({
      achieved: 0,
      breached: 0,
      pending: 2,
    });
  });
});

describe("slaCounts: priorities", () => {
  const policy = { resolutionMs: 8 * hour, byPriority: { urgent: { resolutionMs: hour } } };

  it("a ticket without a priority (absent or null) takes the overall targets", () => {
    const tickets = [
      { createdAt: t0, resolvedAt: t0 + 2 * hour },
      { createdAt: t0, priority: null as never, resolvedAt: t0 + 2 * hour },
      { createdAt: t0, priority: "urgent", resolvedAt: t0 + 2 * hour },
    ];
    expect(slaCounts(tickets, policy)).toEqual({ achieved: 2, breached: 1, pending: 0 });
  });

  it("priorities are not read without byPriority", () => {
    const tickets = [{ createdAt: t0, priority: 3 as never, resolvedAt: t0 + 2 * hour }];
    expect(slaCounts(tickets, { resolutionMs: 8 * hour })).toEqual({ achieved: 1, breached: 0, pending: 0 });
  });

  it("a priority that is not a string is invalid_type at its path; one without a target is missing_value", () => {
    const tickets = [
      { createdAt: t0, resolvedAt: t0 + hour },
      { createdAt: t0, priority: 3 as never, resolvedAt: t0 + hour },
    ];
    expect(() => slaCounts(tickets, policy)).toThrow(
      code("invalid_type", { fn: "slaCounts", path: "tickets[1].priority", received: 3 }),
    );
    expect(() => slaCounts(tickets, policy)).toThrow(/a priority \(a string\)/);
    const onlyUrgent = { byPriority: { urgent: { resolutionMs: hour } } };
    const low = [
      { createdAt: t0, resolvedAt: t0 + hour },
      { createdAt: t0, priority: "low", resolvedAt: t0 + hour },
    ];
    expect(() => slaCounts(low, onlyUrgent)).toThrow(
      code("missing_value", { fn: "slaCounts", path: "tickets[0].priority", received: undefined }),
    );
    expect(() => slaCounts([low[1]!], onlyUrgent)).toThrow(
      code("missing_value", { path: "tickets[0].priority", received: "low" }),
    );
    expect(() => slaCounts([low[1]!], onlyUrgent)).toThrow(/a priority with a target in policy\.byPriority/);
  });
});

describe("slaCounts: policy and option paths", () => {
  const tickets = [{ createdAt: t0, resolvedAt: t0 + hour }];

  it("names the path of each bad policy field", () => {
    const cases: [unknown, string][] = [
      [null, "policy"],
      [{}, "policy"],
      [{ byPriority: {} }, "policy"],
      [{ firstResponseMs: -1 }, "policy.firstResponseMs"],
      [{ resolutionMs: "1h" }, "policy.resolutionMs"],
      [{ resolutionMs: hour, byPriority: 5 }, "policy.byPriority"],
      [{ resolutionMs: hour, byPriority: { high: 5 } }, "policy.byPriority.high"],
      [{ resolutionMs: hour, byPriority: { high: { resolutionMs: -5 } } }, "policy.byPriority.high.resolutionMs"],
      [{ resolutionMs: hour, byPriority: { high: { firstResponseMs: -5 } } }, "policy.byPriority.high.firstResponseMs"],
      [{ resolutionMs: hour, calendar: "business" }, "policy.calendar"],
      [{ resolutionMs: hour, pauseStatuses: [null] }, "policy.pauseStatuses[0]"],
    ];
    for (const [policy, path] of cases) {
      expect(() => slaCounts(tickets, policy as never), path).toThrow(
        code("invalid_option", { fn: "slaCounts", path }),
      );
    }
    expect(() => slaCounts(tickets, {} as never)).toThrow(
      /at least one target: firstResponseMs, resolutionMs or byPriority/,
    );
  });

  it("names the path of a bad per option", () => {
    expect(() => slaCompliance(tickets, { resolutionMs: hour }, { per: "agent" as never })).toThrow(
      code("invalid_option", { fn: "slaCompliance", path: "options.per", received: "agent" }),
    );
  });

  it("byPriority alone is a policy", () => {
    const p = { byPriority: { urgent: { resolutionMs: hour } } };
    expect(slaCounts([{ createdAt: t0, priority: "urgent", resolvedAt: t0 + hour }], p)).toEqual({
      achieved: 1,
      breached: 0,
      pending: 0,
    });
  });
});
