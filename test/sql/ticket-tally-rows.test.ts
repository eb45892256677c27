import { describe, expect, it } from "vitest";
import { tallyTickets, ticketTallyFromRows } from "../../src/index.js";

const asOf = 3_600_000;
/** One group row of one ticket answered after 1 minute, as DuckDB returns it (bigints). */
const base: Record<string, unknown> = {
  cls: 0n,
  fr_bins: null,
  res_bins: null,
  ch: null,
  part: 7n,
  n: 1n,
  backlog: 1n,
  fr_n: 1n,
  fr_censored: 0n,
  fr_without_response: 0n,
  fr_sum: 60_000n,
  fr_min: 60_000n,
  fr_max: 60_000n,
  fr_zero: 0n,
  res_n: 0n,
  res_censored: 1n,
  res_sum: null,
  res_min: null,
  res_max: null,
  res_zero: 0n,
  sla_achieved: 0n,
  sla_breached: 0n,
  sla_pending: 0n,
  reopened: 0n,
  reopen_resolved: 0n,
  reopen_unrecorded: 0n,
  first_contact: 0n,
  fcr_resolved: 0n,
  fcr_unrecorded: 0n,
  channel_unrecorded: 1n,
};
const bin = { ...base, part: 6n, fr_bins: "551:1" };
const js = tallyTickets([{ createdAt: 0, firstResponseAt: 60_000 }], { asOf });

describe("ticketTallyFromRows", () => {
  it("reads DuckDB's bigints into the tally tallyTickets gives for the same ticket", () => {
    expect(ticketTallyFromRows([base, bin], { asOf })).toEqual(js);
  });

  it("reads node-postgres' integer strings and PGlite's numbers alike, and upper-case (Snowflake) columns", () => {
    const strings = Object.fromEntries(
      Object.entries(base).map(([k, v]) => [k, typeof v === "bigint" ? String(v) : v]),
    );
    const numbers = Object.fromEntries(Object.entries(bin).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]));
    expect(ticketTallyFromRows([strings, numbers], { asOf })).toEqual(js);
    const upper = Object.fromEntries(Object.entries(base).map(([k, v]) => [k.toUpperCase(), v]));
    expect(ticketTallyFromRows([upper, bin], { asOf })).toEqual(js);
  });

  it("keeps a sum past 2^53 exact as sumMs + sumRemainderMs", () => {
    const big = 2n ** 53n + 1n;
    const tally = ticketTallyFromRows([{ ...base, fr_sum: big }], { asOf });
    const fr = tally.groups[0]?.firstResponse;
    expect(BigInt(fr?.sumMs ?? 0) + BigInt(fr?.sumRemainderMs ?? 0)).toBe(big);
  });

  it("ignores the SQL options dialect, tables and columns", () => {
    expect(ticketTallyFromRows([base, bin], { asOf, dialect: "duckdb", tables: {} } as never)).toEqual(js);
  });

  it("gives a tally with no groups for no rows", () => {
    expect(ticketTallyFromRows([], { asOf })).toEqual(tallyTickets([], { asOf }));
  });

  it("throws not_integer for a fraction or a decimal string, never rounding", () => {
    expect(() => ticketTallyFromRows([{ ...base, n: 1.5 }], { asOf })).toThrow(
      expect.objectContaining({ code: "not_integer", path: "rows[0].n" }),
    );
    expect(() => ticketTallyFromRows([{ ...base, fr_sum: "60000.0" }], { asOf })).toThrow(
      expect.objectContaining({ code: "not_integer", path: "rows[0].fr_sum" }),
    );
  });

  it("throws invalid_type for a boolean count, a non-string key or a non-object row", () => {
    expect(() => ticketTallyFromRows([{ ...base, backlog: true }], { asOf })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows[0].backlog" }),
    );
    expect(() => ticketTallyFromRows([{ ...base, k0: 7 }], { asOf, by: ["agentId"] })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows[0].k0" }),
    );
    expect(() => ticketTallyFromRows([null as never], { asOf })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows[0]" }),
    );
  });

  it("throws not_finite, missing_value and out_of_range for those counts", () => {
    expect(() => ticketTallyFromRows([{ ...base, n: Number.NaN }], { asOf })).toThrow(
      expect.objectContaining({ code: "not_finite", path: "rows[0].n" }),
    );
    expect(() => ticketTallyFromRows([{ ...base, backlog: null }], { asOf })).toThrow(
      expect.objectContaining({ code: "missing_value", path: "rows[0].backlog" }),
    );
    expect(() => ticketTallyFromRows([{ ...base, n: -1n }], { asOf })).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "rows[0].n" }),
    );
  });

  it("throws invalid_value for rows that are not ticketTallySql's", () => {
    expect(() => ticketTallyFromRows([{ ...base, part: 2n }], { asOf })).toThrow(
      expect.objectContaining({ code: "invalid_value", path: "rows[0].part" }),
    );
    expect(() => ticketTallyFromRows([bin], { asOf })).toThrow(
      expect.objectContaining({ code: "invalid_value", path: "rows" }),
    );
  });

  it("reads the bin lists of both durations, split over rows, and sorts the bins", () => {
    const two = {
      ...base,
      fr_n: 3n,
      fr_sum: 180_000n,
      res_n: 2n,
      res_censored: 0n,
      res_sum: 1n,
      res_min: 0n,
      res_max: 1n,
    };
    const tally = ticketTallyFromRows(
      [two, { ...bin, fr_bins: "551:1,540:1" }, { ...bin, fr_bins: "560:1" }, { ...base, part: 5n, res_bins: "0:1" }],
      { asOf },
    );
    expect(tally.groups[0]?.firstResponse.sketch.bins).toEqual([
      [540, 1],
      [551, 1],
      [560, 1],
    ]);
    expect(tally.groups[0]?.resolution.sketch.bins).toEqual([[0, 1]]);
  });

  it("throws invalid_type, invalid_value or out_of_range for a bin list that is not one", () => {
    expect(() => ticketTallyFromRows([base, { ...bin, fr_bins: null }], { asOf })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows[1].fr_bins" }),
    );
    expect(() => ticketTallyFromRows([base, { ...base, part: 5n, res_bins: 551n }], { asOf })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "rows[1].res_bins" }),
    );
    for (const text of ["", "551", "551:1,", "551:1.5", "551: 1", "5e2:1", "551:-1"]) {
      expect(() => ticketTallyFromRows([base, { ...bin, fr_bins: text }], { asOf })).toThrow(
        expect.objectContaining({ code: "invalid_value", path: "rows[1].fr_bins" }),
      );
    }
    for (const text of ["551:0", "551:9007199254740992", "-9007199254740992:1"]) {
      expect(() => ticketTallyFromRows([base, { ...bin, fr_bins: text }], { asOf })).toThrow(
        expect.objectContaining({ code: "out_of_range", path: "rows[1].fr_bins" }),
      );
    }
  });

  it("throws the refused tickets' code unless they are set aside", () => {
    const refused = { ...base, cls: 3n, n: 2n };
    expect(() => ticketTallyFromRows([refused], { asOf })).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "rows" }),
    );
    const tally = ticketTallyFromRows([refused, base, bin], { asOf, onInvalid: "setAside" });
    expect(tally.setAside).toEqual({ count: 2, byCode: { inconsistent_instants: 2 }, first: [] });
    expect(tally.records).toBe(3);
  });

  it("throws the option errors of tallyTickets, under its own name", () => {
    expect(() => ticketTallyFromRows([], {} as never)).toThrow(
      expect.objectContaining({ code: "missing_value", path: "options.asOf", fn: "ticketTallyFromRows" }),
    );
  });

  it("does not mutate its (frozen) rows", () => {
    const rows = Object.freeze([Object.freeze({ ...base }), Object.freeze({ ...bin })]);
    expect(ticketTallyFromRows(rows, { asOf })).toEqual(js);
  });
});
