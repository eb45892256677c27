import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type LeaderboardEntry, leaderboard, type RankedLeaderboardEntry } from "../../src/index.js";

/** The ranked rows of a board. */
const rankedRows = (board: LeaderboardEntry[]): RankedLeaderboardEntry[] =>
  board.filter((row): row is RankedLeaderboardEntry => row.rank !== null);

const agent = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
  .map(([a, b]) => ({ successes: Math.min(a, b), total: Math.max(a, b) }));
const agents = fc.array(agent, { maxLength: 25 }).map((list) => list.map((a, k) => ({ id: `agent-${k}`, ...a })));
const opts = fc.record(
  {
    method: fc.constantFrom("value" as const, "wilson-lower-bound" as const),
    ties: fc.constantFrom("competition" as const, "dense" as const),
    order: fc.constantFrom("desc" as const, "asc" as const),
    minSample: fc.integer({ min: 0, max: 40 }),
  },
  { requiredKeys: ["method", "ties", "order"] },
);

describe("leaderboard properties", () => {
  it("always ranks exactly the agents that have data and meet the minimum sample", () => {
    fc.assert(
      fc.property(agents, opts, (list, o) => {
        const board = rankedRows(leaderboard(list, o));
        const eligible = list.filter((a) => a.total > 0 && a.total >= (o.minSample ?? 0)).map((a) => a.id);
        expect(board.map((r) => r.id).sort()).toEqual(eligible.sort());
      }),
    );
  });

  it("always lists every agent exactly once, the unranked ones last with the reason", () => {
    fc.assert(
      fc.property(agents, opts, (list, o) => {
        const board = leaderboard(list, o);
        expect(board.map((r) => r.id).sort()).toEqual(list.map((a) => a.id).sort());
        const firstUnranked = board.findIndex((r) => r.rank === null);
        if (firstUnranked >= 0) {
          const rest = board.slice(firstUnranked);
          expect(rest.every((r) => r.rank === null)).toBe(true);
          expect(rest.map((r) => r.id)).toEqual(rest.map((r) => r.id).sort());
        }
        const totals = new Map(list.map((a) => [a.id, a.total]));
        for (const row of board) {
          if (row.rank !== null) continue;
          expect(row.reason).toBe(totals.get(row.id) === 0 ? "no data" : "below minSample");
        }
      }),
    );
  });

  it("never ranks an agent under minSample", () => {
    fc.assert(
      fc.property(agents, fc.integer({ min: 0, max: 60 }), (list, minSample) => {
        const totals = new Map(list.map((a) => [a.id, a.total]));
        for (const row of rankedRows(leaderboard(list, { minSample })))
          expect(totals.get(row.id)!).toBeGreaterThanOrEqual(minSample);
      }),
    );
  });

  it("always lists best first, ranks starting at 1, never decreasing, equal values sharing a rank", () => {
    fc.assert(
      fc.property(agents, opts, (list, o) => {
        const board = rankedRows(leaderboard(list, o));
        for (let k = 1; k < board.length; k++) {
          const prev = board[k - 1]!;
          const row = board[k]!;
          if (o.order === "asc") expect(row.value).toBeGreaterThanOrEqual(prev.value);
          else expect(row.value).toBeLessThanOrEqual(prev.value);
          if (row.value === prev.value) expect(row.rank).toBe(prev.rank);
          else expect(row.rank).toBe(o.ties === "competition" ? k + 1 : prev.rank + 1);
        }
        if (board.length > 0) expect(board[0]!.rank).toBe(1);
      }),
    );
  });

  it("does not depend on the order of the agents", () => {
    fc.assert(
      fc.property(
        agents.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        opts,
        ([list, shuffled], o) => {
          expect(leaderboard(shuffled, o)).toEqual(leaderboard(list, o));
        },
      ),
    );
  });

  it("the Wilson lower bound never exceeds the raw percentage", () => {
    fc.assert(
      fc.property(agents, (list) => {
        const raw = new Map(rankedRows(leaderboard(list)).map((r) => [r.id, r.value]));
        for (const row of rankedRows(leaderboard(list, { method: "wilson-lower-bound" }))) {
          expect(row.value).toBeLessThanOrEqual(raw.get(row.id)! + 1e-9);
          expect(row.value).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
