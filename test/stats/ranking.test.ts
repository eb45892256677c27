import { describe, expect, it } from "vitest";
import { leaderboard } from "../../src/index.js";

const agents = [
  { id: "A", successes: 9, total: 10 },
  { id: "B", successes: 85, total: 100 },
  { id: "C", successes: 40, total: 40 },
  { id: "D", successes: 3, total: 3 },
];

describe("leaderboard", () => {
  it("ranks by the Wilson lower bound: the metric reference's table C, B, A, D", () => {
    // Oracle: mpmath, Wilson (1927) lower bound at z = Φ⁻¹(0.975), 30 digits:
    // 40/40 → 91.2378398802713, 85/100 → 76.7164404091676, 9/10 → 59.5849973204762, 3/3 → 43.8502968244954.
    const board = leaderboard(agents, { method: "wilson-lower-bound" });
    expect(board.map((r) => [r.id, r.rank])).toEqual([
      ["C", 1],
      ["B", 2],
      ["A", 3],
      ["D", 4],
    ]);
    const expected = [91.2378398802713, 76.7164404091676, 59.5849973204762, 43.8502968244954];
    board.forEach((row, k) => {
      expect(row.value).toBeCloseTo(expected[k]!, 10);
    });
  });

  it("ranks raw percentages by value, where 3/3 ties 40/40 (competition: 1, 1, 3, 4)", () => {
    expect(leaderboard(agents)).toEqual([
      { id: "C", rank: 1, value: 100 },
      { id: "D", rank: 1, value: 100 },
      { id: "A", rank: 3, value: 90 },
      { id: "B", rank: 4, value: 85 },
    ]);
  });

  it("dense ties give 1, 1, 2, 3", () => {
    expect(leaderboard(agents, { ties: "dense" }).map((r) => r.rank)).toEqual([1, 1, 2, 3]);
  });

  it("competition ranking gives 1, 2, 2, 4", () => {
    const board = leaderboard(
      [
        { id: "w", score: 9 },
        { id: "x", score: 7 },
        { id: "y", score: 7 },
        { id: "z", score: 1 },
      ],
      { by: "score" },
    );
    expect(board.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  it("lists agents under minSample unranked, with their value and the reason", () => {
    expect(leaderboard(agents, { method: "wilson-lower-bound", minSample: 10 }).map((r) => [r.id, r.rank])).toEqual([
      ["C", 1],
      ["B", 2],
      ["A", 3],
      ["D", null],
    ]);
    const board = leaderboard(agents, { minSample: 41 });
    expect(board.map((r) => r.id)).toEqual(["B", "A", "C", "D"]);
    expect(board[1]).toEqual({ id: "A", rank: null, value: 90, reason: "below minSample" });
  });

  it("lists an agent whose metric is null (no data) unranked instead of throwing", () => {
    // The library's own "no data": csat([]) is null.
    const board = leaderboard(
      [
        { id: "ava", csat: 80 },
        { id: "ben", csat: null },
        { id: "cleo", csat: 90 },
      ],
      { by: "csat" },
    );
    expect(board).toEqual([
      { id: "cleo", rank: 1, value: 90 },
      { id: "ava", rank: 2, value: 80 },
      { id: "ben", rank: null, value: null, reason: "no data" },
    ]);
    expect(leaderboard([{ id: "ben", csat: null, total: 0 }], { by: "csat", minSample: 5 })).toEqual([
      { id: "ben", rank: null, value: null, reason: "no data" },
    ]);
  });

  it("ranks a numeric field ascending when lower is better", () => {
    const board = leaderboard(
      [
        { id: "ava", frtMinutes: 12, total: 30 },
        { id: "ben", frtMinutes: 9, total: 4 },
        { id: "cleo", frtMinutes: 15, total: 50 },
      ],
      { by: "frtMinutes", order: "asc", minSample: 10 },
    );
    expect(board).toEqual([
      { id: "ava", rank: 1, value: 12 },
      { id: "cleo", rank: 2, value: 15 },
      { id: "ben", rank: null, value: 9, reason: "below minSample" },
    ]);
  });

  it("reads a { successes, total } object from the field named by `by`", () => {
    const board = leaderboard(
      [
        { id: "ava", csat: { successes: 85, total: 100 } },
        { id: "ben", csat: { successes: 3, total: 3 } },
      ],
      { by: "csat", method: "wilson-lower-bound" },
    );
    expect(board.map((r) => r.id)).toEqual(["ava", "ben"]);
  });

  it("a wider confidence lowers every bound", () => {
    const at95 = leaderboard(agents, { method: "wilson-lower-bound" });
    const at99 = leaderboard(agents, { method: "wilson-lower-bound", confidence: 0.99 });
    for (const row of at99) expect(row.value!).toBeLessThan(at95.find((r) => r.id === row.id)!.value!);
  });

  it("lists proportions with no observations unranked and gives an empty board for no agents", () => {
    expect(leaderboard([{ id: "x", successes: 0, total: 0 }])).toEqual([
      { id: "x", rank: null, value: null, reason: "no data" },
    ]);
    expect(leaderboard([])).toEqual([]);
  });

  it("rejects successes above total (inconsistent_counts)", () => {
    expect(() => leaderboard([{ id: "A", successes: 4, total: 3 }])).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", fn: "leaderboard", path: "agents[0].successes" }),
    );
  });

  it("rejects missing fields (missing_value)", () => {
    expect(() => leaderboard([{ id: "A", total: 3 }])).toThrow(
      expect.objectContaining({ code: "missing_value", path: "agents[0].successes" }),
    );
    expect(() => leaderboard([{ id: "A" }], { by: "csat" })).toThrow(
      expect.objectContaining({ code: "missing_value", path: "agents[0].csat" }),
    );
    expect(() => leaderboard([{ id: "A", csat: 3 }], { by: "csat", minSample: 2 })).toThrow(
      expect.objectContaining({ code: "missing_value", path: "agents[0].total" }),
    );
  });

  it("rejects wrong types (invalid_type), non-finite values (not_finite), fractional counts (not_integer), negative counts (out_of_range)", () => {
    expect(() => leaderboard([{ id: 7 as unknown as string, successes: 1, total: 1 }])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "agents[0].id" }),
    );
    expect(() => leaderboard([{ id: "A", csat: "90" }], { by: "csat" })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "agents[0].csat" }),
    );
    expect(() => leaderboard([{ id: "A", csat: Number.NaN }], { by: "csat" })).toThrow(
      expect.objectContaining({ code: "not_finite", path: "agents[0].csat" }),
    );
    expect(() => leaderboard([{ id: "A", successes: 1.5, total: 3 }])).toThrow(
      expect.objectContaining({ code: "not_integer", path: "agents[0].successes" }),
    );
    expect(() => leaderboard([{ id: "A", successes: -1, total: 3 }])).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "agents[0].successes" }),
    );
    expect(() => leaderboard("agents" as unknown as [])).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "agents" }),
    );
  });

  it("rejects a repeated id (invalid_value)", () => {
    expect(() => leaderboard([agents[0]!, agents[0]!])).toThrow(
      expect.objectContaining({ code: "invalid_value", path: "agents[1].id" }),
    );
  });

  it("rejects bad options (invalid_option)", () => {
    for (const [bad, path] of [
      [{ method: "bayes" }, "options.method"],
      [{ ties: "fractional" }, "options.ties"],
      [{ order: "up" }, "options.order"],
      [{ minSample: -1 }, "options.minSample"],
      [{ minSample: 2.5 }, "options.minSample"],
      [{ confidence: 95 }, "options.confidence"],
      [{ by: 3 }, "options.by"],
    ] as const) {
      expect(() => leaderboard(agents, bad as never)).toThrow(
        expect.objectContaining({ code: "invalid_option", fn: "leaderboard", path, received: Object.values(bad)[0] }),
      );
    }
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(agents.map((a) => Object.freeze({ ...a })));
    const before = JSON.stringify(frozen);
    leaderboard(frozen, { method: "wilson-lower-bound", minSample: 5 });
    expect(JSON.stringify(frozen)).toBe(before);
  });
});
