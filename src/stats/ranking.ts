import { displayLeaderboard, withDisplay } from "../display/index.js";
import {
  arrayLike,
  atMost,
  confidenceOption,
  count,
  finiteNumber,
  normalize,
  numberOption,
  oneOf,
  options as readOptions,
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
 * One row of a {@link leaderboard}.
 *
 * @category Statistics
 */
export interface LeaderboardEntry {
  /** The agent's `id`. */
  readonly id: string;
  /** The rank, 1 for the best; tied agents share it. */
  readonly rank: number;
  /** What was ranked: the metric, or the Wilson lower bound in percent. */
  readonly value: number;
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
 * (1, 2, 2, 3); tied rows are listed by `id`. Agents with `total` below
 * `minSample`, and proportions with `total` 0 (no data), are left out. The
 * order of the input does not matter. No agents give an empty board.
 *
 * @param agents - The agents: `{ id, successes, total }`, or `{ id, [by]: number }` with `by`.
 * @param options - `by`, `order`, `minSample`, `method`, `ties`, `confidence`.
 * @returns Rows `{ id, rank, value }` best first; `value` is the metric in its own unit, or for a proportion a percentage 0–100.
 * @throws {MetricInputError} `invalid_type` for an agent that is not an object, an `id` that is not a string or a value that is not a number; `missing_value` when the ranked field (or `total`, with `minSample`) is absent; `not_finite` for `NaN`/`±Infinity`; `not_integer` / `out_of_range` for counts that are not counts; `inconsistent_counts` when `successes > total`; `invalid_value` for a repeated `id`; `invalid_option` for a bad option.
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
 * leaderboard(agents, { minSample: 20 }).map((row) => row.id); // => ["C", "B"]
 * leaderboard([{ id: "ava", frtMinutes: 12 }, { id: "ben", frtMinutes: 9 }], { by: "frtMinutes", order: "asc" }); // => [{ id: "ben", rank: 1, value: 9 }, { id: "ava", rank: 2, value: 12 }]
 * leaderboard([{ id: "A", successes: 4, total: 3 }]); // throws inconsistent_counts
 * ```
 * @see {@link quantile}, `wilsonInterval`
 * @category Statistics
 */
export function leaderboard(agents: readonly LeaderboardAgent[], options?: LeaderboardOptions): LeaderboardEntry[] {
  const fn = "leaderboard";
  const list = arrayLike(fn, "agents", agents);
  const o = readOptions(fn, options);
  const by = o["by"];
  if (by !== undefined && typeof by !== "string") {
    throw inputError("invalid_option", fn, "options.by", "a field name (a string)", by);
  }
  const order = oneOf(fn, "options.order", o["order"], ["desc", "asc"], "desc");
  const method = oneOf(fn, "options.method", o["method"], ["value", "wilson-lower-bound"], "value");
  const ties = oneOf(fn, "options.ties", o["ties"], ["competition", "dense"], "competition");
  // NaN when absent: no total is below it.
  const minSample = numberOption(
    fn,
    "options.minSample",
    o["minSample"],
    Number.NaN,
    "a sample size (an integer ≥ 0)",
    0,
    Number.POSITIVE_INFINITY,
    true,
  );
  const z = zForConfidence(confidenceOption(fn, o));

  const rows: { id: string; value: number }[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const agent = record(fn, `agents[${i}]`, list[i], "an agent object");
    const id = agent["id"];
    if (typeof id !== "string") throw inputError("invalid_type", fn, `agents[${i}].id`, "an id (a string)", id);
    if (seen.has(id)) throw inputError("invalid_value", fn, `agents[${i}].id`, "a unique id", id);
    seen.add(id);

    const field = by === undefined ? undefined : agent[by];
    if (method === "value" && by !== undefined && !isProportion(field)) {
      // A plain number: ranked as it is.
      const path = `agents[${i}].${by}`;
      if (field === undefined || field === null) throw inputError("missing_value", fn, path, "a number", field);
      const value = finiteNumber(fn, path, field);
      if (!Number.isNaN(minSample)) {
        const total = agent["total"];
        if (total === undefined) {
          throw inputError("missing_value", fn, `agents[${i}].total`, "a sample size (with minSample)", total);
        }
        if (count(fn, `agents[${i}].total`, total) < minSample) continue;
      }
      rows.push({ id, value: normalize(value) });
      continue;
    }

    // A proportion: the agent's own successes/total, or the object in its `by` field.
    const source = isProportion(field) ? field : agent;
    const base = isProportion(field) ? `agents[${i}].${by}.` : `agents[${i}].`;
    const successes = requiredCount(fn, `${base}successes`, source["successes"]);
    const total = requiredCount(fn, `${base}total`, source["total"]);
    atMost(fn, `${base}successes`, successes, total, "total");
    if (total === 0 || total < minSample) continue;
    const value = method === "value" ? (successes * 100) / total : wilsonBounds(successes, total, z).lower * 100;
    rows.push({ id, value: normalize(value) });
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
  return withDisplay(out, displayLeaderboard);
}

function isProportion(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function requiredCount(fn: string, path: string, value: unknown): number {
  if (value === undefined || value === null)
    throw inputError("missing_value", fn, path, "a count (an integer ≥ 0)", value);
  return count(fn, path, value);
}
