import { describe, expect, it } from "vitest";
import {
  type Contact,
  mergeCounts,
  serviceLevel,
  serviceLevelCounts,
  serviceLevelFromCounts,
} from "../../src/index.js";
import { code } from "../helpers/errors.js";
import { contactsVector } from "./fixtures.js";

const vectorCounts = { answered: 1000, answeredWithin: 860, abandoned: 60, abandonedWithin: 20 };

describe("serviceLevel", () => {
  // METRICS.md §3 vector, the four formulas of Call Centre Helper ("How to calculate service level"), by hand / mpmath:
  // count-against 860/1060 = 81.132075; ignore 860/1000 = 86; within-count-as-met 880/1060 = 83.018868;
  // ignore-within 860/(1000 + 40) = 82.692308.
  it("A 1000, Ab 60, Aw 860, Abw 20, Aba 40 under the four treatments", () => {
    const contacts = contactsVector();
    const t = { thresholdMs: 20_000 };
    expect(serviceLevel(contacts, t)).toBeCloseTo(81.1320754717, 10);
    expect(serviceLevel(contacts, { ...t, abandoned: "count-against" })).toBeCloseTo(81.1320754717, 10);
    expect(serviceLevel(contacts, { ...t, abandoned: "ignore" })).toBe(86);
    expect(serviceLevel(contacts, { ...t, abandoned: "within-count-as-met" })).toBeCloseTo(83.0188679245, 10);
    expect(serviceLevel(contacts, { ...t, abandoned: "ignore-within" })).toBeCloseTo(82.6923076923, 10);
    expect(serviceLevelCounts(contacts, t)).toEqual(vectorCounts);
  });

  it("a contact answered exactly at the target is within it", () => {
    const contacts: Contact[] = [
      { waitMs: 20_000, outcome: "answered" },
      { waitMs: 20_001, outcome: "answered" },
    ];
    expect(serviceLevel(contacts, { thresholdMs: 20_000 })).toBe(50);
    expect(serviceLevel(contacts, { thresholdMs: 0 })).toBe(0);
  });

  it("returns null for an empty denominator", () => {
    expect(serviceLevel([], { thresholdMs: 20_000 })).toBeNull();
    const onlyAbandons: Contact[] = [{ waitMs: 1_000, outcome: "abandoned" }];
    expect(serviceLevel(onlyAbandons, { thresholdMs: 20_000, abandoned: "ignore" })).toBeNull();
    expect(serviceLevel(onlyAbandons, { thresholdMs: 20_000, abandoned: "ignore-within" })).toBeNull();
    expect(serviceLevel(onlyAbandons, { thresholdMs: 20_000 })).toBe(0);
    expect(serviceLevel(onlyAbandons, { thresholdMs: 20_000, abandoned: "within-count-as-met" })).toBe(100);
  });

  it("throws missing_value without thresholdMs and invalid_option for bad options", () => {
    expect(() => serviceLevel([], {} as never)).toThrow(
      code("missing_value", { fn: "serviceLevel", path: "options.thresholdMs" }),
    );
    expect(() => serviceLevel([], undefined as never)).toThrow(code("missing_value", { path: "options.thresholdMs" }));
    expect(() => serviceLevel([], { thresholdMs: -1 })).toThrow(
      code("invalid_option", { path: "options.thresholdMs" }),
    );
    expect(() => serviceLevel([], { thresholdMs: 20_000, abandoned: "exclude" as never })).toThrow(
      code("invalid_option", { path: "options.abandoned" }),
    );
  });

  it("throws per code for bad contacts", () => {
    expect(() => serviceLevel([{ waitMs: -3, outcome: "answered" }], { thresholdMs: 1 })).toThrow(
      code("out_of_range", { path: "contacts[0].waitMs" }),
    );
    expect(() => serviceLevelCounts([{ waitMs: 3, outcome: "queued" as never }], { thresholdMs: 1 })).toThrow(
      code("invalid_value", { fn: "serviceLevelCounts", path: "contacts[0].outcome" }),
    );
    expect(() => serviceLevel("contacts" as never, { thresholdMs: 1 })).toThrow(
      code("invalid_type", { path: "contacts" }),
    );
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(contactsVector().map((c) => Object.freeze(c)));
    const options = Object.freeze({ thresholdMs: 20_000, abandoned: "ignore" as const });
    expect(serviceLevel(frozen, options)).toBe(86);
    expect(serviceLevelCounts(frozen, Object.freeze({ thresholdMs: 20_000 }))).toEqual(vectorCounts);
  });
});

describe("serviceLevelFromCounts", () => {
  it("gives the §3 answers from the ACD counts", () => {
    expect(serviceLevelFromCounts(vectorCounts)).toBeCloseTo(81.132075, 6);
    expect(serviceLevelFromCounts(vectorCounts, { abandoned: "ignore" })).toBe(86);
    expect(serviceLevelFromCounts(vectorCounts, { abandoned: "within-count-as-met" })).toBeCloseTo(83.018868, 6);
    expect(serviceLevelFromCounts(vectorCounts, { abandoned: "ignore-within" })).toBeCloseTo(82.692308, 6);
  });

  it("tallies of two queues merge into the tally of both", () => {
    const all = contactsVector();
    const merged = mergeCounts(
      serviceLevelCounts(all.slice(0, 900), { thresholdMs: 20_000 }),
      serviceLevelCounts(all.slice(900), { thresholdMs: 20_000 }),
    );
    expect(merged).toEqual(vectorCounts);
  });

  it("throws inconsistent_counts when a within-count exceeds its total", () => {
    expect(() => serviceLevelFromCounts({ ...vectorCounts, answeredWithin: 1001 })).toThrow(
      code("inconsistent_counts", { fn: "serviceLevelFromCounts", path: "counts.answeredWithin" }),
    );
    expect(() => serviceLevelFromCounts({ ...vectorCounts, abandonedWithin: 61 })).toThrow(
      code("inconsistent_counts", { path: "counts.abandonedWithin" }),
    );
  });

  it("throws the count codes", () => {
    expect(() => serviceLevelFromCounts({ ...vectorCounts, answered: 1.5 })).toThrow(
      code("not_integer", { path: "counts.answered" }),
    );
    expect(() => serviceLevelFromCounts({ ...vectorCounts, abandoned: -1 })).toThrow(
      code("out_of_range", { path: "counts.abandoned" }),
    );
    const { abandonedWithin: _, ...missing } = vectorCounts;
    expect(() => serviceLevelFromCounts(missing as never)).toThrow(
      code("missing_value", { path: "counts.abandonedWithin" }),
    );
    expect(() => serviceLevelFromCounts(vectorCounts, { abandoned: 3 as never })).toThrow(
      code("invalid_option", { path: "options.abandoned" }),
    );
  });

  it("does not mutate its input", () => {
    const counts = Object.freeze({ ...vectorCounts });
    expect(serviceLevelFromCounts(counts, Object.freeze({ abandoned: "ignore" as const }))).toBe(86);
    expect(counts).toEqual(vectorCounts);
  });
});
