import { describe, expect, it } from "vitest";
import {
  abandonmentCounts,
  abandonmentRate,
  abandonmentRateFromCounts,
  type Contact,
  mergeCounts,
} from "../../src/index.js";
import { code } from "../helpers/errors.js";
import { contactsVector } from "./fixtures.js";

describe("abandonmentRate", () => {
  // METRICS.md §3 vector (Call Centre Helper's abandon-rate example): 60 / 1 060 = 5.660377 %;
  // excluding the 10 short abandons: 50 / 1 050 = 4.761905 % (mpmath).
  it("A 1000, Ab 60 → 5.660377 %; excluding 10 short abandons under 5 s → 4.761905 %", () => {
    const contacts = contactsVector();
    expect(abandonmentRate(contacts)).toBeCloseTo(5.66037735849, 10);
    expect(abandonmentRate(contacts, { shortAbandonMs: 5_000 })).toBeCloseTo(4.7619047619, 10);
    expect(abandonmentCounts(contacts, { shortAbandonMs: 5_000 })).toEqual({
      answered: 1000,
      abandoned: 50,
      shortAbandoned: 10,
    });
  });

  it("an abandon waiting exactly shortAbandonMs is a real abandon", () => {
    const contacts: Contact[] = [
      { waitMs: 5_000, outcome: "abandoned" },
      { waitMs: 4_999, outcome: "abandoned" },
      { waitMs: 0, outcome: "answered" },
    ];
    expect(abandonmentCounts(contacts, { shortAbandonMs: 5_000 })).toEqual({
      answered: 1,
      abandoned: 1,
      shortAbandoned: 1,
    });
    expect(abandonmentRate(contacts, { shortAbandonMs: 5_000 })).toBe(50);
  });

  it("no offered contact is null; all short abandons leave nothing offered", () => {
    expect(abandonmentRate([])).toBeNull();
    expect(abandonmentRate([{ waitMs: 1_000, outcome: "abandoned" }], { shortAbandonMs: 5_000 })).toBeNull();
    expect(abandonmentRate([{ waitMs: 1_000, outcome: "abandoned" }])).toBe(100);
  });

  it("throws per code", () => {
    expect(() => abandonmentRate([{ waitMs: -1, outcome: "abandoned" }])).toThrow(
      code("out_of_range", { fn: "abandonmentRate", path: "contacts[0].waitMs" }),
    );
    expect(() => abandonmentRate([{ outcome: "abandoned" } as never])).toThrow(
      code("missing_value", { path: "contacts[0].waitMs" }),
    );
    expect(() => abandonmentRate([{ waitMs: "1" as never, outcome: "abandoned" }])).toThrow(
      code("invalid_type", { path: "contacts[0].waitMs" }),
    );
    expect(() => abandonmentRate([{ waitMs: Number.NaN, outcome: "abandoned" }])).toThrow(
      code("not_finite", { path: "contacts[0].waitMs" }),
    );
    expect(() => abandonmentRate([{ waitMs: 1, outcome: "lost" as never }])).toThrow(
      code("invalid_value", { path: "contacts[0].outcome" }),
    );
    expect(() => abandonmentRate([{ waitMs: 1, outcome: 1 as never }])).toThrow(
      code("invalid_type", { path: "contacts[0].outcome" }),
    );
    expect(() => abandonmentRate([], { shortAbandonMs: -5 })).toThrow(
      code("invalid_option", { path: "options.shortAbandonMs" }),
    );
    expect(() => abandonmentRate([], { shortAbandonMs: "5" as never })).toThrow(
      code("invalid_option", { path: "options.shortAbandonMs" }),
    );
    expect(() => abandonmentRate([], 5 as never)).toThrow(code("invalid_option", { path: "options" }));
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(contactsVector().map((c) => Object.freeze(c)));
    const options = Object.freeze({ shortAbandonMs: 5_000 });
    expect(abandonmentRate(frozen, options)).toBeCloseTo(4.761905, 6);
    expect(abandonmentCounts(frozen).abandoned).toBe(60);
  });
});

describe("abandonmentRateFromCounts", () => {
  it("abandoned / (answered + abandoned), short abandons reported but not added", () => {
    expect(abandonmentRateFromCounts({ answered: 1000, abandoned: 60, shortAbandoned: 0 })).toBeCloseTo(5.660377, 6);
    expect(abandonmentRateFromCounts({ answered: 1000, abandoned: 50, shortAbandoned: 10 })).toBeCloseTo(4.761905, 6);
    expect(abandonmentRateFromCounts({ answered: 0, abandoned: 0, shortAbandoned: 3 })).toBeNull();
  });

  it("tallies of two days merge into the tally of both", () => {
    const all = contactsVector();
    const a = abandonmentCounts(all.slice(0, 500), { shortAbandonMs: 5_000 });
    const b = abandonmentCounts(all.slice(500), { shortAbandonMs: 5_000 });
    expect(abandonmentRateFromCounts(mergeCounts(a, b))).toBe(abandonmentRate(all, { shortAbandonMs: 5_000 }));
  });

  it("throws per code", () => {
    expect(() => abandonmentRateFromCounts({ answered: 10, abandoned: 1.5, shortAbandoned: 0 })).toThrow(
      code("not_integer", { fn: "abandonmentRateFromCounts", path: "counts.abandoned" }),
    );
    expect(() => abandonmentRateFromCounts({ answered: 10, abandoned: 1 } as never)).toThrow(
      code("missing_value", { path: "counts.shortAbandoned" }),
    );
    expect(() => abandonmentRateFromCounts({ answered: -1, abandoned: 1, shortAbandoned: 0 })).toThrow(
      code("out_of_range", { path: "counts.answered" }),
    );
    expect(() => abandonmentRateFromCounts(null as never)).toThrow(code("invalid_type", { path: "counts" }));
  });

  it("does not mutate its input", () => {
    const counts = Object.freeze({ answered: 1000, abandoned: 60, shortAbandoned: 0 });
    expect(abandonmentRateFromCounts(counts)).toBeCloseTo(5.660377, 6);
    expect(counts).toEqual({ answered: 1000, abandoned: 60, shortAbandoned: 0 });
  });
});
