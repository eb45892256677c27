import { describe, expect, it } from "vitest";
import { backlog, backlogAging } from "../../src/index.js";

const hour = 3_600_000;
const asOf = "2024-03-20T12:00:00Z";
const at = (h: number) => Date.parse(asOf) - h * hour;

/** The metric reference's backlog vector at 2024-03-20T12:00Z. */
const vector = [
  { createdAt: at(51), statusHistory: [{ status: "open", at: at(51) }] },
  {
    createdAt: at(23),
    statusHistory: [
      { status: "new", at: at(23) },
      { status: "pending", at: at(20) },
    ],
  },
  { createdAt: at(1) },
  { createdAt: at(30), resolvedAt: at(10) },
  {
    createdAt: at(194),
    firstResolvedAt: at(150),
    statusHistory: [
      { status: "open", at: at(194) },
      { status: "Solved", at: at(150) },
      { status: "open", at: at(100) },
    ],
  },
];

describe("backlog", () => {
  it("the metric reference's vector: 4 open, 2 older than 24 h", () => {
    expect(backlog(vector, { asOf })).toBe(4);
    expect(backlog(vector, { asOf, olderThanMs: 24 * hour })).toBe(2);
  });

  it("pending and on-hold tickets are unsolved (Zendesk); solved, resolved, closed in any case are not", () => {
    const tickets = ["pending", "on-hold", "Solved", "RESOLVED", "closed", "open"].map((status) => ({
      createdAt: at(5),
      statusHistory: [{ status, at: at(4) }],
    }));
    expect(backlog(tickets, { asOf })).toBe(3);
    expect(backlog(tickets, { asOf, resolvedStatuses: ["closed"] })).toBe(5);
  });

  it("the status in force at asOf decides over resolvedAt; before the first entry a ticket is unresolved", () => {
    const reopened = { createdAt: at(10), resolvedAt: at(2), statusHistory: [{ status: "solved", at: at(2) }] };
    expect(backlog([reopened], { asOf })).toBe(0);
    expect(backlog([reopened], { asOf: at(5) })).toBe(1);
    expect(backlog([{ createdAt: at(10), statusHistory: [] }], { asOf })).toBe(1);
  });

  it("counts tickets created at or before asOf, resolved strictly after it", () => {
    expect(backlog([{ createdAt: at(0) }], { asOf })).toBe(1);
    expect(backlog([{ createdAt: at(-1) }], { asOf })).toBe(0);
    expect(backlog([{ createdAt: at(2), resolvedAt: at(0) }], { asOf })).toBe(0);
    expect(backlog([{ createdAt: at(2), resolvedAt: at(-1) }], { asOf })).toBe(1);
  });

  it("older than is strict: a ticket exactly 24 h old is not older than 24 h", () => {
    expect(backlog([{ createdAt: at(24) }], { asOf, olderThanMs: 24 * hour })).toBe(0);
  });

  it("no tickets is 0, never null", () => {
    expect(backlog([], { asOf })).toBe(0);
  });

  it("requires asOf (missing_value) with a zone (invalid_instant)", () => {
    expect(() => backlog(vector, {} as never)).toThrow(
      expect.objectContaining({ code: "missing_value", fn: "backlog", path: "options.asOf" }),
    );
    expect(() => backlog(vector, { asOf: "2024-03-20T12:00" })).toThrow(
      expect.objectContaining({ code: "invalid_instant", path: "options.asOf" }),
    );
  });

  it("throws inconsistent_instants with the ticket's path", () => {
    expect(() => backlog([vector[0]!, { createdAt: at(1), resolvedAt: at(2) }], { asOf })).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "tickets[1].resolvedAt" }),
    );
  });

  it("rejects bad options (invalid_option)", () => {
    for (const [bad, path] of [
      [{ olderThanMs: -1 }, "options.olderThanMs"],
      [{ olderThanMs: "1d" }, "options.olderThanMs"],
      [{ resolvedStatuses: "closed" }, "options.resolvedStatuses"],
      [{ calendar: 5 }, "options.calendar"],
    ] as const) {
      expect(() => backlog(vector, { asOf, ...bad } as never)).toThrow(
        expect.objectContaining({ code: "invalid_option", fn: "backlog", path }),
      );
    }
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(vector.map((t) => Object.freeze({ ...t })));
    const before = JSON.stringify(frozen);
    backlog(frozen, { asOf, olderThanMs: hour });
    backlogAging(frozen, { asOf, bucketsMs: [hour] });
    expect(JSON.stringify(frozen)).toBe(before);
  });
});

describe("backlogAging", () => {
  it("splits the backlog vector into age buckets (0, 24 h], (24 h, 72 h], (72 h, ∞)", () => {
    expect(backlogAging(vector, { asOf, bucketsMs: [24 * hour, 72 * hour] })).toEqual([
      { fromMs: 0, toMs: 24 * hour, count: 2 },
      { fromMs: 24 * hour, toMs: 72 * hour, count: 1 },
      { fromMs: 72 * hour, toMs: null, count: 1 },
    ]);
  });

  it("an age exactly on an edge falls in the lower bucket (same rule as olderThanMs)", () => {
    expect(backlogAging([{ createdAt: at(24) }, { createdAt: at(0) }], { asOf, bucketsMs: [24 * hour] })).toEqual([
      { fromMs: 0, toMs: 24 * hour, count: 2 },
      { fromMs: 24 * hour, toMs: null, count: 0 },
    ]);
  });

  it("rejects missing, empty or non-increasing edges (invalid_option)", () => {
    for (const [bucketsMs, path] of [
      [undefined, "options.bucketsMs"],
      [[], "options.bucketsMs"],
      [[0], "options.bucketsMs[0]"],
      [[2, 1], "options.bucketsMs[1]"],
      [[1, 1], "options.bucketsMs[1]"],
      [[Number.NaN], "options.bucketsMs[0]"],
    ] as const) {
      expect(() => backlogAging(vector, { asOf, bucketsMs } as never)).toThrow(
        expect.objectContaining({ code: "invalid_option", fn: "backlogAging", path }),
      );
    }
  });
});
