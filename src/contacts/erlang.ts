import {
  countField,
  type Fields,
  nonNegative,
  normalize,
  numberOption,
  positive,
  present,
  readOptions,
  shaped,
} from "../internal/assert.js";
import { inputError } from "../internal/messages.js";

/**
 * The input of {@link erlangC}: one interval's forecast and a number of agents.
 *
 * @category Contact centre
 */
export interface ErlangCInput {
  /** Contacts arriving in the interval (≥ 0; a forecast may be fractional). */
  readonly arrivals: number;
  /** The interval's length, ms (> 0), e.g. 1 800 000 for half an hour. */
  readonly intervalMs: number;
  /** Average handle time (talk + hold + after-call work), ms (> 0). */
  readonly averageHandleMs: number;
  /** Agents answering (an integer ≥ 0). */
  readonly agents: number;
  /** The answer target T of the service level, ms (≥ 0). */
  readonly answerWithinMs: number;
}

/**
 * The result of {@link erlangC}. Percentages are 0–100.
 *
 * @category Contact centre
 */
export interface ErlangCResult {
  /** Offered traffic A = arrivals × AHT / interval, in Erlangs (agent-intervals of work). */
  readonly trafficErlangs: number;
  /** Pw: the probability that a contact waits at all, as a percentage 0–100 (100 when unstable). */
  readonly waitPercent: number;
  /** The share answered within T, a percentage (0 when unstable). */
  readonly serviceLevel: number;
  /** ASA: the mean wait over all contacts, ms; `null` when unstable (the queue grows without bound). */
  readonly averageSpeedOfAnswerMs: number | null;
  /** Agent occupancy A / N, a percentage (100 when unstable: the agents are never idle). */
  readonly occupancy: number;
  /** `false` when agents ≤ traffic: the queue cannot keep up and the other figures are its limits. */
  readonly stable: boolean;
}

/**
 * The input of {@link requiredAgents}: one interval's forecast and the targets.
 *
 * @category Contact centre
 */
export interface RequiredAgentsInput {
  /** Contacts forecast for the interval (≥ 0; may be fractional). */
  readonly arrivals: number;
  /** The interval's length, ms (> 0). */
  readonly intervalMs: number;
  /** Average handle time, ms (> 0). */
  readonly averageHandleMs: number;
  /** The answer target T, ms (≥ 0). */
  readonly answerWithinMs: number;
  /** The service-level target: this percentage answered within T (0 ≤ target < 100), e.g. 80 for "80/20". */
  readonly serviceLevelPercent: number;
  /**
   * The highest agent occupancy allowed, a percentage (0 < max ≤ 100); adds agents on large queues
   * where the service level alone would burn agents out (85 is a common cap).
   * @defaultValue 100 (no cap)
   */
  readonly maxOccupancyPercent?: number | undefined;
}

/**
 * Options of {@link requiredAgents}.
 *
 * @category Contact centre
 */
export interface RequiredAgentsOptions {
  /**
   * Shrinkage: the share of paid time agents are not available to answer (breaks, training, absence), a percentage 0 ≤ s < 100.
   * @defaultValue 0
   */
  readonly shrinkagePercent?: number | undefined;
}

/**
 * The result of {@link requiredAgents}.
 *
 * @category Contact centre
 */
export interface RequiredAgents {
  /** N: the fewest agents answering that meet the targets. */
  readonly agents: number;
  /** Agents to schedule: ⌈N / (1 − shrinkage)⌉. */
  readonly scheduledAgents: number;
  /** The service level with N agents, a percentage. */
  readonly serviceLevel: number;
  /** The occupancy with N agents, a percentage. */
  readonly occupancy: number;
}

/**
 * Erlang C: wait probability, service level, average speed of answer and occupancy of a queue with N agents.
 *
 * The M/M/N queue of A.K. Erlang (1917): traffic A = arrivals × AHT / interval
 * (Erlangs); the probability of waiting Pw = C(N, A) is computed through the
 * Erlang B recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)) and
 * C = N·B / (N − A·(1 − B)), which never forms Aᴺ or N! and so neither
 * overflows nor loses precision at thousands of agents (the textbook power and
 * factorial form overflows past about 170). Then SL = 1 − Pw·e^(−(N − A)·T/AHT),
 * ASA = Pw·AHT / (N − A) and occupancy = A / N. Matches R package `ErlangC`,
 * Python `pyworkforce` and Call Centre Helper's calculator. When agents ≤ A the
 * queue is unstable: `stable: false`, waitPercent 100, serviceLevel 0,
 * averageSpeedOfAnswerMs `null`, occupancy 100 (reported, not thrown). No
 * traffic (0 arrivals) needs nobody: Pw 0, SL 100, ASA 0, occupancy 0.
 * Erlang C assumes callers never abandon, so it slightly overstates the staff a
 * queue with abandons needs.
 *
 * @param input - `{ arrivals, intervalMs, averageHandleMs, agents, answerWithinMs }`.
 * @returns Traffic in Erlangs, waitPercent / serviceLevel / occupancy as percentages, ASA in ms (`null` when unstable), and `stable`.
 * @throws {MetricInputError} `invalid_type` when `input` is not an object or a field not a number; `missing_value` for an absent
 *   field; `not_finite` for `NaN`/`±Infinity`; `not_integer` for fractional agents; `out_of_range` for negative arrivals,
 *   agents or T, or an interval or AHT ≤ 0.
 *
 * @example
 * ```ts
 * import { erlangC } from "support-metrics";
 * const halfHour = { arrivals: 100, intervalMs: 1_800_000, averageHandleMs: 180_000, answerWithinMs: 20_000 };
 * erlangC({ ...halfHour, agents: 14 }); // => { trafficErlangs: 10, waitPercent: 17.4132, serviceLevel: 88.8350, averageSpeedOfAnswerMs: 7835.937, occupancy: 71.4286, stable: true }
 * erlangC({ ...halfHour, agents: 10 }); // => { trafficErlangs: 10, waitPercent: 100, serviceLevel: 0, averageSpeedOfAnswerMs: null, occupancy: 100, stable: false }
 * erlangC({ ...halfHour, agents: 2500, arrivals: 20_000 }).waitPercent; // => 0.0000
 * erlangC({ ...halfHour, agents: 14.5 }); // throws not_integer
 * ```
 * @see {@link requiredAgents}, {@link serviceLevel}, {@link averageHandleTime}
 * @category Contact centre
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  const fn = "erlangC";
  const o = shaped(fn, "input", input, ERLANG_FIELDS);
  const q = readQueue(fn, o);
  const agents = countField(fn, "input.agents", o.agents);
  const a = q.traffic;
  if (a === 0) {
    return {
      trafficErlangs: 0,
      waitPercent: 0,
      serviceLevel: 100,
      averageSpeedOfAnswerMs: 0,
      occupancy: 0,
      stable: true,
    };
  }
  if (agents <= a) {
    return {
      trafficErlangs: a,
      waitPercent: 100,
      serviceLevel: 0,
      averageSpeedOfAnswerMs: null,
      occupancy: 100,
      stable: false,
    };
  }
  const pw = waitFromB(a, agents, erlangB(a, agents));
  return {
    trafficErlangs: a,
    waitPercent: pw * 100,
    serviceLevel: serviceLevelOf(pw, a, agents, q.answerWithinMs, q.averageHandleMs),
    averageSpeedOfAnswerMs: (pw * q.averageHandleMs) / (agents - a),
    occupancy: (a * 100) / agents,
    stable: true,
  };
}

/**
 * The fewest agents that meet a service-level target (and an occupancy cap) for one interval, by Erlang C.
 *
 * Starting from the smallest stable N (N > A) and at least A / maxOccupancy,
 * adds one agent at a time, carrying the Erlang B recursion along (so the
 * whole search is one pass, O(N)), until SL = 1 − Pw·e^(−(N − A)·T/AHT) ≥ the
 * target and A / N ≤ the occupancy cap. N − 1 agents always miss a target.
 * `scheduledAgents = ⌈N / (1 − shrinkage)⌉`, computed as ⌈100·N / (100 − s)⌉
 * so that 14 agents at 30 % shrinkage are exactly 20. No arrivals need 0
 * agents (service level 100, occupancy 0). The definitions of {@link erlangC}
 * (R `ErlangC`, `pyworkforce`, Call Centre Helper). A target of 100 % is
 * rejected: with calls arriving at random, no finite staff answers every call within T.
 *
 * @param input - `{ arrivals, intervalMs, averageHandleMs, answerWithinMs, serviceLevelPercent, maxOccupancyPercent? }`.
 * @param options - `shrinkagePercent` (default 0).
 * @returns Agents answering and agents to schedule (counts), and the service level and occupancy they give (percentages).
 * @throws {MetricInputError} As {@link erlangC} for the queue fields; `out_of_range` for a service-level target outside
 *   0 ≤ target < 100 or a maximum occupancy outside (0, 100]; `invalid_option` for shrinkage outside 0 ≤ s < 100
 *   (`options.shrinkagePercent`) or a `shrinkagePercent` in `input` (it is an option).
 *
 * @example
 * ```ts
 * import { requiredAgents } from "support-metrics";
 * const halfHour = { arrivals: 100, intervalMs: 1_800_000, averageHandleMs: 180_000, answerWithinMs: 20_000 };
 * requiredAgents({ ...halfHour, serviceLevelPercent: 80 }, { shrinkagePercent: 30 }); // => { agents: 14, scheduledAgents: 20, serviceLevel: 88.8350, occupancy: 71.4286 }
 * requiredAgents({ ...halfHour, arrivals: 2000, serviceLevelPercent: 80, maxOccupancyPercent: 85 }).agents; // => 236
 * requiredAgents({ ...halfHour, arrivals: 0, serviceLevelPercent: 80 }); // => { agents: 0, scheduledAgents: 0, serviceLevel: 100, occupancy: 0 }
 * requiredAgents({ ...halfHour, serviceLevelPercent: 100 }); // throws out_of_range
 * ```
 * @see {@link erlangC}, {@link serviceLevel}
 * @category Contact centre
 */
export function requiredAgents(input: RequiredAgentsInput, options?: RequiredAgentsOptions): RequiredAgents {
  const fn = "requiredAgents";
  const moved = (input as { shrinkagePercent?: unknown } | null | undefined)?.shrinkagePercent;
  if (moved !== undefined) {
    // Before 1.0 shrinkage was a field of the input: say where it went, not only that the key is unknown.
    const expected =
      "no shrinkagePercent in the input: pass it as an option, requiredAgents(input, { shrinkagePercent })";
    throw inputError("invalid_option", fn, "input.shrinkagePercent", expected, moved);
  }
  const o = shaped(fn, "input", input, REQUIRED_AGENTS_FIELDS);
  const q = readQueue(fn, o);
  const target = percentField(fn, o, "serviceLevelPercent", undefined, false);
  const maxOccupancy = percentField(fn, o, "maxOccupancyPercent", 100, true);
  const path = "options.shrinkagePercent";
  const opts = readOptions(fn, "options", options, REQUIRED_AGENTS_OPTIONS);
  const shrinkage = numberOption(fn, path, opts.shrinkagePercent, { expected: SHRINKAGE, max: 100 }) ?? 0;
  if (shrinkage === 100) throw inputError("invalid_option", fn, path, SHRINKAGE, shrinkage);
  const a = q.traffic;
  if (a === 0) return { agents: 0, scheduledAgents: 0, serviceLevel: 100, occupancy: 0 };
  // The first candidate: stable (N > A) and within the occupancy cap (A·100/N ≤ max).
  let n = Math.max(Math.floor(a) + 1, Math.ceil((a * 100) / maxOccupancy));
  if ((a * 100) / n > maxOccupancy) n++;
  let b = erlangB(a, n);
  for (;;) {
    const level = serviceLevelOf(waitFromB(a, n, b), a, n, q.answerWithinMs, q.averageHandleMs);
    if (level >= target) {
      return {
        agents: n,
        scheduledAgents: Math.ceil((n * 100) / (100 - shrinkage)),
        serviceLevel: level,
        occupancy: (a * 100) / n,
      };
    }
    n++;
    const ab = a * b;
    b = ab / (n + ab);
  }
}

/** Erlang B blocking probability for traffic `a` and `n` servers, by the stable recursion. */
function erlangB(a: number, n: number): number {
  let b = 1;
  for (let k = 1; k <= n; k++) {
    const ab = a * b;
    b = ab / (k + ab);
  }
  return b;
}

/** Erlang C wait probability (a fraction) from Erlang B, for a stable queue (n > a); ≤ 1 also after rounding when n − a is tiny. */
function waitFromB(a: number, n: number, b: number): number {
  const c = (n * b) / (n - a * (1 - b));
  return c > 1 ? 1 : c;
}

/** Service level in percent for a stable queue. */
function serviceLevelOf(pw: number, a: number, n: number, answerWithinMs: number, averageHandleMs: number): number {
  const level = 100 - pw * 100 * Math.exp((-(n - a) * answerWithinMs) / averageHandleMs);
  return normalize(level);
}

/** The expected text of the shrinkage option. */
const SHRINKAGE = "a percentage in [0, 100)";

/** The fields every Erlang C input has (read by readQueue). */
const QUEUE_FIELDS = {
  arrivals: "required",
  intervalMs: "required",
  averageHandleMs: "required",
  answerWithinMs: "required",
} as const;
const ERLANG_FIELDS: Fields<ErlangCInput> = { ...QUEUE_FIELDS, agents: "required" };
const REQUIRED_AGENTS_FIELDS: Fields<RequiredAgentsInput> = {
  ...QUEUE_FIELDS,
  serviceLevelPercent: "required",
  maxOccupancyPercent: "optional",
};
const REQUIRED_AGENTS_OPTIONS: Fields<RequiredAgentsOptions> = { shrinkagePercent: "optional" };

interface Queue {
  readonly traffic: number;
  readonly averageHandleMs: number;
  readonly answerWithinMs: number;
}

function readQueue(fn: string, o: Record<string, unknown>): Queue {
  const arrivals = field(fn, o, "arrivals", false);
  const intervalMs = field(fn, o, "intervalMs", true);
  const averageHandleMs = field(fn, o, "averageHandleMs", true);
  const answerWithinMs = field(fn, o, "answerWithinMs", false);
  const traffic = (arrivals * averageHandleMs) / intervalMs;
  if (!Number.isFinite(traffic)) {
    throw inputError(
      "out_of_range",
      fn,
      "input.arrivals",
      "a traffic arrivals × AHT / interval that is finite",
      arrivals,
    );
  }
  return { traffic: normalize(traffic), averageHandleMs, answerWithinMs };
}

/** A required finite number field ≥ 0 (> 0 when `strict`). */
function field(fn: string, o: Record<string, unknown>, name: string, strict: boolean): number {
  const expected = strict ? "a finite number > 0" : "a finite number ≥ 0";
  const path = `input.${name}`;
  const v = present(fn, path, o[name], { expected });
  return strict ? positive(fn, path, v, { expected }) : nonNegative(fn, path, v, { expected });
}

/** A percentage field: `serviceLevelPercent` in [0, 100), `maxOccupancyPercent` in (0, 100]. */
function percentField(
  fn: string,
  o: Record<string, unknown>,
  name: string,
  fallback: number | undefined,
  upperIncluded: boolean,
): number {
  const v = o[name];
  if (v === undefined && fallback !== undefined) return fallback;
  const n = field(fn, o, name, false);
  const ok = upperIncluded ? n > 0 && n <= 100 : n < 100;
  if (!ok) {
    const expected = upperIncluded ? "a percentage in (0, 100]" : "a percentage in [0, 100)";
    throw inputError("out_of_range", fn, `input.${name}`, expected, v);
  }
  return n;
}
