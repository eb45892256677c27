import { describe, expect, it } from "vitest";
import {
  firstContactResolutionCounts,
  firstContactResolutionRate,
  firstContactResolutionRateFromCounts,
  mergeCounts,
  reopenCounts,
  reopenRate,
  reopenRateFromCounts,
  resolutionRate,
} from "../../src/index.js";

const t0 = Date.UTC(2024, 5, 3, 9);

describe("resolutionRate", () => {
  it("is resolved / created × 100 of one cohort", () => {
    expect(resolutionRate({ created: 200, resolved: 170 })).toBe(85);
    expect(resolutionRate({ created: 3, resolved: 3 })).toBe(100);
    expect(resolutionRate({ created: 3, resolved: 0 })).toBe(0);
  });
  it("no tickets created is null", () => expect(resolutionRate({ created: 0, resolved: 0 })).toBeNull());
  it("rejects more resolved than created (inconsistent_counts) and non-counts", () => {
    expect(() => resolutionRate({ created: 10, resolved: 11 })).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", fn: "resolutionRate", path: "cohort.resolved" }),
    );
    expect(() => resolutionRate({ created: 1.5, resolved: 1 })).toThrow(
      expect.objectContaining({ code: "not_integer", path: "cohort.created" }),
    );
    expect(() => resolutionRate({ created: -1, resolved: 0 })).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "cohort.created" }),
    );
    expect(() => resolutionRate({ created: "10" as never, resolved: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "cohort.created" }),
    );
    expect(() => resolutionRate(null as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "cohort" }),
    );
    // An absent field is missing_value, as in every other tally of the library; an array is not a tally.
    expect(() => resolutionRate({ created: 3 } as never)).toThrow(
      expect.objectContaining({ code: "missing_value", fn: "resolutionRate", path: "cohort.resolved" }),
    );
    expect(() => reopenRateFromCounts({ reopened: 1, resolved: 2 } as never)).toThrow(
      expect.objectContaining({ code: "missing_value", fn: "reopenRateFromCounts", path: "counts.unrecorded" }),
    );
    expect(() => firstContactResolutionRateFromCounts([] as never)).toThrow(
      expect.objectContaining({ code: "invalid_type", path: "counts" }),
    );
  });
});

const tickets = [
  { createdAt: t0, resolvedAt: t0 + 1, contactsToResolve: 1, reopenCount: 0 },
  { createdAt: t0, resolvedAt: t0 + 1, contactsToResolve: 1, reopenCount: 1 },
  { createdAt: t0, resolvedAt: t0 + 1, contactsToResolve: 2, reopenCount: 0 },
  { createdAt: t0, resolvedAt: t0 + 1, contactsToResolve: 3, reopenCount: 2 },
  { createdAt: t0, resolvedAt: t0 + 1 },
  { createdAt: t0, contactsToResolve: 1, reopenCount: 1 }, // open: not in either rate
];

describe("firstContactResolutionRate", () => {
  it("is resolved with one contact / resolved × 100; unrecorded tickets are counted apart", () => {
    expect(firstContactResolutionCounts(tickets)).toEqual({ firstContact: 2, resolved: 4, unrecorded: 1 });
    expect(firstContactResolutionRate(tickets)).toBe(50);
  });
  it("agrees with its tally and merges across shards", () => {
    const merged = mergeCounts(
      firstContactResolutionCounts(tickets.slice(0, 3)),
      firstContactResolutionCounts(tickets.slice(3)),
    );
    expect(firstContactResolutionRateFromCounts(merged)).toBe(firstContactResolutionRate(tickets));
  });
  it("no resolved ticket is null", () => {
    expect(firstContactResolutionRate([])).toBeNull();
    expect(firstContactResolutionRate([{ createdAt: t0, contactsToResolve: 1 }])).toBeNull();
  });
  it("rejects contacts below 1, fractional or non-numeric (out_of_range, not_integer, invalid_type, not_finite)", () => {
    const one = (contactsToResolve: unknown) => [{ createdAt: t0, resolvedAt: t0, contactsToResolve }] as never;
    expect(() => firstContactResolutionRate(one(0))).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "tickets[0].contactsToResolve" }),
    );
    const path = "tickets[0].contactsToResolve";
    expect(() => firstContactResolutionRate(one(1.5))).toThrow(expect.objectContaining({ code: "not_integer", path }));
    expect(() => firstContactResolutionRate(one("1"))).toThrow(expect.objectContaining({ code: "invalid_type", path }));
    expect(() => firstContactResolutionRate(one(Number.NaN))).toThrow(
      expect.objectContaining({ code: "not_finite", path }),
    );
  });
  it("throws inconsistent_instants for a resolution before creation", () => {
    expect(() => firstContactResolutionRate([{ createdAt: t0, resolvedAt: t0 - 1, contactsToResolve: 1 }])).toThrow(
      expect.objectContaining({ code: "inconsistent_instants", path: "tickets[0].resolvedAt" }),
    );
  });
  it("the FromCounts finalizer rejects inconsistent counts", () => {
    expect(() => firstContactResolutionRateFromCounts({ firstContact: 3, resolved: 2, unrecorded: 0 })).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "counts.firstContact" }),
    );
    expect(() => firstContactResolutionRateFromCounts({ firstContact: 1, resolved: 2, unrecorded: -1 })).toThrow(
      expect.objectContaining({ code: "out_of_range", path: "counts.unrecorded" }),
    );
  });
});

describe("reopenRate", () => {
  it("is resolved and reopened at least once / resolved × 100", () => {
    expect(reopenCounts(tickets)).toEqual({ reopened: 2, resolved: 4, unrecorded: 1 });
    expect(reopenRate(tickets)).toBe(50);
    expect(reopenRateFromCounts(reopenCounts(tickets))).toBe(50);
  });
  it("no resolved ticket is null", () => expect(reopenRate([{ createdAt: t0 }])).toBeNull());
  it("rejects negative or fractional reopen counts", () => {
    expect(() => reopenRate([{ createdAt: t0, resolvedAt: t0, reopenCount: -1 }])).toThrow(
      expect.objectContaining({ code: "out_of_range", fn: "reopenRate", path: "tickets[0].reopenCount" }),
    );
    expect(() => reopenCounts([{ createdAt: t0, resolvedAt: t0, reopenCount: 0.5 }])).toThrow(
      expect.objectContaining({ code: "not_integer", fn: "reopenCounts", path: "tickets[0].reopenCount" }),
    );
    expect(() => reopenRateFromCounts({ reopened: 5, resolved: 4, unrecorded: 0 })).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "counts.reopened" }),
    );
  });
  it("does not mutate its input", () => {
    const frozen = Object.freeze(tickets.map((t) => Object.freeze({ ...t })));
    const before = JSON.stringify(frozen);
    reopenRate(frozen);
    firstContactResolutionRate(frozen);
    expect(JSON.stringify(frozen)).toBe(before);
  });
});
