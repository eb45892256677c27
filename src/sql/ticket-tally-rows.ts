import type { MetricErrorCode } from "../errors.js";
import { arrayLike, readOptions } from "../internal/assert.js";
import { compareKeys } from "../internal/group-keys.js";
import { inputError } from "../internal/messages.js";
import {
  type QuantileSketch,
  type TallyTicketsOptions,
  type TicketTally,
  type TicketTallyGroup,
  tallyTickets,
} from "../reports/index.js";
import { bigOf, checkedAs, lowerCaseKeys, refusedRecords, rowInteger, rowKey, withoutSqlKeys } from "./rows.js";
import { SQL_OPTION_FIELDS, type TicketTallySqlOptions } from "./ticket-tally-sql.js";

const FN = "ticketTallyFromRows";
/** The error code of each class of refused ticket the SQL counts (class 0: counted, 1: created after asOf). */
const CLASS_CODES: Readonly<Record<number, MetricErrorCode>> = {
  2: "missing_value",
  3: "inconsistent_instants",
  4: "out_of_range",
};

/**
 * Turns the result rows of {@link ticketTallySql} into a {@link TicketTally}:
 * the same object {@link tallyTickets} returns for the same tickets and
 * options, with the same fingerprint, so it merges with JS tallies
 * ({@link mergeTallies}) and finalizes with {@link ticketReport}.
 *
 * Definition: the rows are read exactly as the drivers return them. Every
 * count and sum must be an integer: a `bigint` (DuckDB's `@duckdb/node-api`),
 * a string of decimal digits (node-postgres returns `BIGINT` so), or a safe
 * integer number (PGlite); a sum past 2^53 is kept exact as `sumMs +
 * sumRemainderMs`. The sketch bins of a group come as text lists
 * `"bin:count,bin:count"` (columns `fr_bins` and `res_bins`, one row per
 * group and duration), read as decimal integers. Anything else (a fraction, `"1e3"`, a boolean) is refused
 * with a coded error, never coerced. Group keys must be strings or `null`.
 * Tickets the SQL counted as invalid (by error code) throw that code, or with
 * `onInvalid: "setAside"` are counted in `setAside` (without indices: the rows
 * do not carry them). `records` is every ticket of the table. The options are
 * those given to {@link ticketTallySql} (`dialect`, `tables` and `columns` may
 * stay in: they are ignored here).
 *
 * @param rows - The result rows (objects keyed by the query's column names).
 * @param options - The options given to {@link ticketTallySql} (the options of {@link tallyTickets}).
 * @returns The tally; durations in ms.
 * @throws {MetricInputError} `invalid_type` for rows that are not an array of objects or a value of the wrong type
 * (path `rows[i].column`, also a bin list that is not a string); `not_integer` for a count or sum that is not an integer, `out_of_range` for a negative count
 * or one beyond 2^53 where a count is expected (in a bin list: a bin or count that is not a safe integer, a count
 * below 1); `invalid_value` for rows that are not this query's (an unknown part or class, a bin list not of the form
 * `"bin:count,bin:count"`); `missing_value`, `inconsistent_instants` or `out_of_range` (path `rows`) for tickets the SQL found invalid,
 * unless `onInvalid: "setAside"`; and any option error of {@link tallyTickets}.
 *
 * @example
 * ```ts
 * import { ticketTallyFromRows } from "support-metrics";
 * // One group row of one ticket answered after 1 minute (as DuckDB returns it: bigints).
 * const base = { cls: 0n, fr_bins: null, res_bins: null, ch: null, part: 7n, n: 1n, backlog: 1n, fr_n: 1n,
 *   fr_censored: 0n, fr_without_response: 0n, fr_sum: 60000n, fr_min: 60000n, fr_max: 60000n, fr_zero: 0n,
 *   res_n: 0n, res_censored: 1n, res_sum: null, res_min: null, res_max: null, res_zero: 0n,
 *   sla_achieved: 0n, sla_breached: 0n, sla_pending: 0n, reopened: 0n, reopen_resolved: 0n,
 *   reopen_unrecorded: 0n, first_contact: 0n, fcr_resolved: 0n, fcr_unrecorded: 0n, channel_unrecorded: 1n };
 * const bins = { ...base, part: 6n, fr_bins: "551:1", n: 1n };
 * const tally = ticketTallyFromRows([base, bins], { asOf: 3_600_000 });
 * tally.groups[0]?.firstResponse.sumMs; // => 60000
 * tally.groups[0]?.firstResponse.sketch.bins; // => [[551, 1]]
 * ticketTallyFromRows([{ ...base, n: 1.5 }], { asOf: 3_600_000 }); // throws not_integer
 * ```
 * @see {@link ticketTallySql}, {@link mergeTallies}, {@link ticketReport}
 * @category SQL
 */
export function ticketTallyFromRows(
  rows: readonly Record<string, unknown>[],
  options: TallyTicketsOptions,
): TicketTally {
  // The options of ticketTallySql are accepted too, so that one object serves both.
  const o = readOptions(FN, "options", options as TicketTallySqlOptions, SQL_OPTION_FIELDS);
  const onInvalid = o["onInvalid"];
  // Missing options are tallyTickets' error to report (options.asOf), as for any other bad option.
  const tallyOptions = options === undefined ? options : withoutSqlKeys(options);
  const empty = checkedAs(FN, "tallyTickets", () => tallyTickets([], tallyOptions));
  const list = arrayLike(FN, "rows", rows, { expected: "an array of result rows" });
  const k = empty.dimensions.length;
  const groups = new Map<string, Building>();
  let records = 0;
  let createdAfterAsOf = 0;
  const refused = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const row = list[i];
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw inputError("invalid_type", FN, `rows[${i}]`, "a result row (an object)", row);
    }
    const r = lowerCaseKeys(row as Record<string, unknown>, "part");
    const int = (column: string): number => rowInteger(FN, r, i, column, false);
    const part = int("part");
    const cls = int("cls");
    if (part !== 7 && part !== 6 && part !== 5 && part !== 3) {
      throw inputError("invalid_value", FN, `rows[${i}].part`, "3, 5, 6 or 7 (a row of ticketTallySql)", r["part"]);
    }
    if (cls !== 0) {
      if (part !== 7) continue;
      const n = int("n");
      records += n;
      if (cls === 1) createdAfterAsOf += n;
      else {
        const code = CLASS_CODES[cls];
        if (code === undefined) {
          throw inputError("invalid_value", FN, `rows[${i}].cls`, "0–4 (a row of ticketTallySql)", r["cls"]);
        }
        refused.set(code, (refused.get(code) ?? 0) + n);
      }
      continue;
    }
    const key = rowKey(FN, r, i, k);
    const id = JSON.stringify(key);
    let g = groups.get(id);
    if (g === undefined) {
      g = { key, row: undefined, fr: [], res: [], channels: [] };
      groups.set(id, g);
    }
    if (part === 7) {
      records += int("n");
      g.row = r;
      g.rowIndex = i;
    } else if (part === 6) {
      g.fr.push(...binList(r, i, "fr_bins"));
    } else if (part === 5) {
      g.res.push(...binList(r, i, "res_bins"));
    } else {
      const c = r["ch"];
      if (c !== null) {
        if (typeof c !== "string")
          throw inputError("invalid_type", FN, `rows[${i}].ch`, "a channel (a string or null)", c);
        g.channels.push([c, int("n")]);
      }
    }
  }
  const setAside =
    refused.size === 0
      ? empty.setAside
      : refusedRecords(FN, refused, onInvalid, (code, n) => `ticket (${n} with ${code})`);
  const built: TicketTallyGroup[] = [];
  for (const g of groups.values()) {
    if (g.row === undefined) {
      throw inputError("invalid_value", FN, "rows", "a group row (part 7) for every group", JSON.stringify(g.key));
    }
    built.push(groupOf(g, g.row, g.rowIndex ?? 0, empty));
  }
  built.sort((a, b) => compareKeys(a.key, b.key));
  return { ...empty, groups: built, records, createdAfterAsOf, setAside };
}

interface Building {
  readonly key: (string | null)[];
  row: Record<string, unknown> | undefined;
  rowIndex?: number;
  readonly fr: [number, number][];
  readonly res: [number, number][];
  readonly channels: [string, number][];
}

function groupOf(g: Building, r: Record<string, unknown>, i: number, empty: TicketTally): TicketTallyGroup {
  const int = (column: string): number => rowInteger(FN, r, i, column, false);
  const frN = int("fr_n");
  const resN = int("res_n");
  const [frSum, frRest] = exactSum(r, i, "fr_sum", frN);
  const [resSum, resRest] = exactSum(r, i, "res_sum", resN);
  const sketch = (prefix: string, n: number, bins: [number, number][]): QuantileSketch => ({
    relativeAccuracy: empty.relativeAccuracy,
    count: n,
    zeroCount: int(`${prefix}_zero`),
    min: n === 0 ? null : int(`${prefix}_min`),
    max: n === 0 ? null : int(`${prefix}_max`),
    bins: bins.sort((a, b) => a[0] - b[0]),
  });
  return {
    key: g.key,
    tickets: int("n"),
    backlog: int("backlog"),
    firstResponse: {
      n: frN,
      censored: int("fr_censored"),
      resolvedWithoutResponse: int("fr_without_response"),
      sumMs: frSum,
      sumRemainderMs: frRest,
      sketch: sketch("fr", frN, g.fr),
    },
    resolution: {
      n: resN,
      censored: int("res_censored"),
      sumMs: resSum,
      sumRemainderMs: resRest,
      sketch: sketch("res", resN, g.res),
    },
    sla: empty.hasSla
      ? { achieved: int("sla_achieved"), breached: int("sla_breached"), pending: int("sla_pending") }
      : null,
    reopens: { reopened: int("reopened"), resolved: int("reopen_resolved"), unrecorded: int("reopen_unrecorded") },
    firstContact: {
      firstContact: int("first_contact"),
      resolved: int("fcr_resolved"),
      unrecorded: int("fcr_unrecorded"),
    },
    channels: g.channels.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    channelUnrecorded: int("channel_unrecorded"),
  };
}

/** One item of a bin list: a bin index and its count, decimal integers. */
const BIN_ITEM = /^(-?\d+):(\d+)$/;

/** The bins of row `i`'s list `"bin:count,bin:count"` (a string, as every driver returns SQL text) as pairs. */
function binList(r: Record<string, unknown>, i: number, column: string): [number, number][] {
  const v = r[column];
  const path = `rows[${i}].${column}`;
  if (typeof v !== "string") {
    throw inputError("invalid_type", FN, path, 'a list of sketch bins (a string "bin:count,bin:count")', v);
  }
  const bins: [number, number][] = [];
  for (const item of v.split(",")) {
    const match = BIN_ITEM.exec(item);
    if (match === null) {
      throw inputError("invalid_value", FN, path, 'a list of sketch bins "bin:count,bin:count" (decimal integers)', v);
    }
    const bin = Number(match[1]);
    const count = Number(match[2]);
    if (!Number.isSafeInteger(bin) || !Number.isSafeInteger(count) || count < 1) {
      throw inputError("out_of_range", FN, path, "bins that are safe integers, with counts from 1 to 2^53 − 1", v);
    }
    bins.push([bin === 0 ? 0 : bin, count]);
  }
  return bins;
}

/** A sum of `n` durations as the nearest double and the exact rest (`[0, 0]` for no durations). */
function exactSum(r: Record<string, unknown>, i: number, column: string, n: number): [number, number] {
  const b = bigOf(FN, r, i, column);
  if (b === null) {
    if (n === 0) return [0, 0];
    throw inputError("missing_value", FN, `rows[${i}].${column}`, "the sum of the measured durations", r[column]);
  }
  if (b < 0n) throw inputError("out_of_range", FN, `rows[${i}].${column}`, "a sum ≥ 0", r[column]);
  const hi = Number(b);
  const lo = Number(b - BigInt(hi));
  return [hi === 0 ? 0 : hi, lo === 0 ? 0 : lo];
}
