import { displayLeaderboard, withDisplay } from "../display/index.js";
import {
  arrayLike,
  atMost,
  confidenceOption,
  count,
  type Fields,
  finiteNumber,
  normalize,
  numberOption,
  oneOf,
  readOptions,
  record,
} from "../internal/assert.js";
import { inputError } from "../internal/messages.js";
import { wilsonBounds } from "./intervals.js";
import { zForConfidence } from "./normal.js";

/**
 * One agent (or team, queue, …) to rank. Either a proportion, `successes` of
 * `total` (e.g. satisfied ratings of all ratings), or any numeric field named by
 * {@link LeaderboardOptions.by}. A field named by `by` may itself hold a
 * `{ successes, total }` object.
 *
 * @category Statistics
 */
export interface LeaderboardAgent {
  /** A unique identifier. */
  readonly id: string;
  /** Successes (satisfied ratings, tickets within SLA, …), a count ≤ `total`. */
  readonly successes?: number;
  /** The sample size behind the metric (ratings, tickets); read by `minSample`. */
  readonly total?: number;
  /** Any other field, e.g. a precomputed metric named by `by`. */
  readonly [field: string]: unknown;
}

/**
 * Options of {@link leaderboard}.
 *
 * @category Statistics
 */
export interface LeaderboardOptions {
  /**
   * The field to rank by: a number (ranked as it is) or a `{ successes, total }`
   * object. Without it, the agent's own `successes` and `total` are ranked.
   * @defaultValue `undefined` (the agent's own `successes` / `total`)
   */
  readonly by?: string | undefined;
  /**
   * `"desc"`: higher is better (CSAT, SLA compliance); `"asc"`: lower is better (response time).
   * @defaultValue `"desc"`
   */
  readonly order?: "desc" | "asc" | undefined;
  /**
   * Agents whose `total` is below this are left out of the board.
   * @defaultValue `undefined` (every agent with at least one observation)
   */
  readonly minSample?: number | undefined;
  /**
   * `"value"`: rank the metric itself (for a proportion, successes / total × 100);
   * `"wilson-lower-bound"`: rank the lower bound of the Wilson score interval, in percent.
   * @defaultValue `"value"`
   */
  readonly method?: "value" | "wilson-lower-bound" | undefined;
  /**
   * `"competition"`: ties share a rank and the next rank skips (1, 2, 2, 4);
   * `"dense"`: ties share a rank and the next follows on (1, 2, 2, 3).
   * @defaultValue `"competition"`
   */
  readonly ties?: "competition" | "dense" | undefined;
  /**
   * The two-sided confidence level of the Wilson interval, between 0 and 1.
   * @defaultValue `0.95`
   */
  readonly confidence?: number | undefined;
}

/**
 * One row of a {@link leaderboard}: a ranked agent, or an agent listed
 * unranked with the reason.
 *
 * @category Statistics
 */
export type LeaderboardEntry = RankedLeaderboardEntry | UnrankedLeaderboardEntry;

/**
 * A ranked row of a {@link leaderboard}.
 *
 * @category Statistics
 */
export interface RankedLeaderboardEntry {
  /** The agent's `id`. */
  readonly id: string;
  /** The rank, 1 for the best; tied agents share it. */
  readonly rank: number;
  /** What was ranked: the metric, or the Wilson lower bound in percent. */
  readonly value: number;
}

/**
 * Why an agent of a {@link leaderboard} is not ranked: `"no data"` (its metric
 * is `null`, the library's "no data", or its proportion has `total` 0) or
 * `"below minSample"` (its `total` is below `minSample`).
 *
 * @category Statistics
 */
export type UnrankedReason = "no data" | "below minSample";

/**
 * An agent of a {@link leaderboard} listed without a rank.
 *
 * @category Statistics
 */
export interface UnrankedLeaderboardEntry {
  /** The agent's `id`. */
  readonly id: string;
  /** Always `null`: the agent is not ranked. */
  readonly rank: null;
  /** The value it would have been ranked by (below `minSample`), or `null` without data. */
  readonly value: number | null;
  /** Why it is not ranked. */
  readonly reason: UnrankedReason;
}

/**
 * Ranks agents by a metric, best first, optionally by the lower bound of a
 * Wilson score interval so that tiny samples do not top the board.
 *
 * A raw percentage rewards luck on small samples: 3 satisfied of 3 (100 %)
 * would beat 85 of 100. With `method: "wilson-lower-bound"` each agent's
 * `successes` of `total` is ranked by the lower end of its Wilson score interval
 * at `confidence` (Wilson 1927; the ranking Evan Miller recommends in "How Not
 * To Sort By Average Rating"): 3/3 gives 43.85 and 85/100 gives 76.72, so the
 * agent with more evidence ranks higher. Ties (exactly equal values) share a
 * rank, by standard competition ranking (1, 2, 2, 4) or dense ranking
 * (1, 2, 2, 3); tied rows are listed by `id`. Agents without data (a metric
 * of `null`, as the library's metrics return for no data, or a proportion with
 * `total` 0) and agents with `total` below `minSample` are never ranked: they
 * follow the ranked rows, by `id`, with `rank: null` and the `reason`.
 * The order of the input does not matter. No agents give an empty board.
 *
 * @param agents - The agents: `{ id, successes, total }`, or `{ id, [by]: number }` with `by`.
 * @param options - `by`, `order`, `minSample`, `method`, `ties`, `confidence`.
 * @returns Rows `{ id, rank, value }` best first, then the unranked rows `{ id, rank: null, value, reason }`; `value` is the metric in its own unit, or for a proportion a percentage 0–100.
 * @throws {MetricInputError} `invalid_type` for an agent that is not an object, an `id` that is not a string or a value that is not a number; `missing_value` when the ranked field (or `total`, with `minSample`) is absent (`undefined`; `null` is "no data"); `not_finite` for `NaN`/`±Infinity`; `not_integer` / `out_of_range` for counts that are not counts; `inconsistent_counts` when `successes > total`; `invalid_value` for a repeated `id`; `invalid_option` for a bad option.
 *
 * @example
 * ```ts
 * import { leaderboard } from "support-metrics";
 * const agents = [
 *   { id: "A", successes: 9, total: 10 },
 *   { id: "B", successes: 85, total: 100 },
 *   { id: "C", successes: 40, total: 40 },
 *   { id: "D", successes: 3, total: 3 },
 * ];
 * const board = leaderboard(agents, { method: "wilson-lower-bound" });
 * board.map((row) => row.id); // => ["C", "B", "A", "D"]
 * board[0]; // => { id: "C", rank: 1, value: 91.2378 }
 * board[3]; // => { id: "D", rank: 4, value: 43.8503 }
 * // Raw percentages: 3/3 ties 40/40 at the top.
 * leaderboard(agents).map((row) => row.rank); // => [1, 1, 3, 4]
 * leaderboard(agents, { ties: "dense" }).map((row) => row.rank); // => [1, 1, 2, 3]
 * leaderboard(agents, { minSample: 20 }).map((row) => row.rank); // => [1, 2, null, null]
 * leaderboard(agents, { minSample: 20 })[2]; // => { id: "A", rank: null, value: 90, reason: "below minSample" }
 * leaderboard([{ id: "ava", csat: 80 }, { id: "ben", csat: null }], { by: "csat" }); // => [{ id: "ava", rank: 1, value: 80 }, { id: "ben", rank: null, value: null, reason: "no data" }]
 * leaderboard([{ id: "ava", frtMinutes: 12 }, { id: "ben", frtMinutes: 9 }], { by: "frtMinutes", order: "asc" }); // => [{ id: "ben", rank: 1, value: 9 }, { id: "ava", rank: 2, value: 12 }]
 * leaderboard([{ id: "A", successes: 4, total: 3 }]); // throws inconsistent_counts
 * ```
 * @see {@link quantile}, `wilsonInterval`
 * @category Statistics
 */
export function leaderboard(agents: readonly LeaderboardAgent[], options?: LeaderboardOptions): LeaderboardEntry[] {
  const fn = "leaderboard";
  const list = arrayLike(fn, "agents", agents);
  const o = readOptions(fn, "options", options, LEADERBOARD_FIELDS);
  const by = o["by"];
  if (by !== undefined && typeof by !== "string") {
    throw inputError("invalid_option", fn, "options.by", "a field name (a string)", by);
  }
  const order = oneOf(fn, "options.order", o.order, { allowed: ["desc", "asc"], fallback: "desc" });
  const method = oneOf(fn, "options.method", o.method, { allowed: ["value", "wilson-lower-bound"], fallback: "value" });
  const ties = oneOf(fn, "options.ties", o.ties, { allowed: ["competition", "dense"], fallback: "competition" });
  const minSample = numberOption(fn, "options.minSample", o.minSample, {
    expected: "a sample size (an integer ≥ 0)",
    integer: true,
  });
  const z = zForConfidence(confidenceOption(fn, o));

  const rows: { id: string; value: number }[] = [];
  const unranked: UnrankedLeaderboardEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const agent = record(fn, `agents[${i}]`, list[i], { expected: "an agent object" });
    const id = agent["id"];
    if (typeof id !== "string") throw inputError("invalid_type", fn, `agents[${i}].id`, "an id (a string)", id);
    if (seen.has(id)) throw inputError("invalid_value", fn, `agents[${i}].id`, "a unique id", id);
    seen.add(id);

    const field = by === undefined ? undefined : agent[by];
    if (method === "value" && by !== undefined && !isProportion(field)) {
      // A plain number: ranked as it is.
      const path = `agents[${i}].${by}`;
      if (field === undefined) throw inputError("missing_value", fn, path, "a number (or null for no data)", field);
      if (field === null) {
        unranked.push({ id, rank: null, value: null, reason: "no data" });
        continue;
      }
      const value = finiteNumber(fn, path, field);
      if (minSample !== undefined) {
        const total = agent["total"];
        if (total === undefined) {
          throw inputError("missing_value", fn, `agents[${i}].total`, "a sample size (with minSample)", total);
        }
        if (count(fn, `agents[${i}].total`, total) < minSample) {
          unranked.push({ id, rank: null, value: normalize(value), reason: "below minSample" });
          continue;
        }
      }
      rows.push({ id, value: normalize(value) });
      continue;
    }

    // A proportion: the agent's own successes/total, or the object in its `by` field.
    const source = isProportion(field) ? field : agent;
    const base = isProportion(field) ? `agents[${i}].${by}.` : `agents[${i}].`;
    const successes = requiredCount(fn, `${base}successes`, source["successes"]);
    const total = requiredCount(fn, `${base}total`, source["total"]);
    atMost(fn, `${base}successes`, successes, { limit: total, what: "total" });
    if (total === 0) {
      unranked.push({ id, rank: null, value: null, reason: "no data" });
      continue;
    }
    const value = normalize(
      method === "value" ? (successes * 100) / total : wilsonBounds(successes, total, z).lower * 100,
    );
    if (minSample !== undefined && total < minSample) {
      unranked.push({ id, rank: null, value, reason: "below minSample" });
      continue;
    }
    rows.push({ id, value });
  }

  const sign = order === "desc" ? -1 : 1;
  rows.sort((a, b) => (a.value === b.value ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : sign * (a.value - b.value)));

  const out: LeaderboardEntry[] = new Array(rows.length);
  let rank = 0;
  let previous = Number.NaN;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.value !== previous) {
      rank = ties === "competition" ? i + 1 : rank + 1;
      previous = row.value;
    }
    out[i] = { id: row.id, rank, value: row.value };
  }
  unranked.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entry of unranked) out.push(entry);
  return withDisplay(out, displayLeaderboard);
}

const LEADERBOARD_FIELDS: Fields<LeaderboardOptions> = {
  by: "optional",
  order: "optional",
  minSample: "optional",
  method: "optional",
  ties: "optional",
  confidence: "optional",
};

function isProportion(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function requiredCount(fn: string, path: string, value: unknown): number {
  if (value === undefined || value === null)
    throw inputError("missing_value", fn, path, "a count (an integer ≥ 0)", value);
  return count(fn, path, value);
}
