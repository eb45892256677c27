import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abandonmentCounts, abandonmentRate, abandonmentRateFromCounts, mergeCounts } from "../../src/index.js";
import { contact } from "./arbitraries.js";

const shortMs = fc.integer({ min: 1, max: 30_000 });

describe("abandonmentRate properties", () => {
  it("always lies within 0–100, null only when nothing is offered", () => {
    fc.assert(
      fc.property(fc.array(contact), fc.option(shortMs, { nil: undefined }), (contacts, shortAbandonMs) => {
        const r = abandonmentRate(contacts, { shortAbandonMs });
        const c = abandonmentCounts(contacts, { shortAbandonMs });
        if (c.answered + c.abandoned === 0) expect(r).toBeNull();
        else {
          expect(r!).toBeGreaterThanOrEqual(0);
          expect(r!).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("adding short abandons never changes the rate when they are excluded", () => {
    fc.assert(
      fc.property(fc.array(contact), shortMs, fc.array(fc.nat(), { maxLength: 30 }), (contacts, short, waits) => {
        const shorts = waits.map((w) => ({ waitMs: w % short, outcome: "abandoned" as const }));
        expect(abandonmentRate([...contacts, ...shorts], { shortAbandonMs: short })).toBe(
          abandonmentRate(contacts, { shortAbandonMs: short }),
        );
      }),
    );
  });

  it("always agrees with abandonmentRateFromCounts of abandonmentCounts, and halves merge", () => {
    fc.assert(
      fc.property(fc.array(contact), fc.array(contact), shortMs, (a, b, short) => {
        const all = [...a, ...b];
        const counts = abandonmentCounts(all, { shortAbandonMs: short });
        expect(abandonmentRate(all, { shortAbandonMs: short })).toBe(abandonmentRateFromCounts(counts));
        expect(
          mergeCounts(abandonmentCounts(a, { shortAbandonMs: short }), abandonmentCounts(b, { shortAbandonMs: short })),
        ).toEqual(counts);
        expect(counts.answered + counts.abandoned + counts.shortAbandoned).toBe(all.length);
      }),
    );
  });

  it("excluding short abandons never raises the rate", () => {
    fc.assert(
      fc.property(fc.array(contact), shortMs, (contacts, short) => {
        const all = abandonmentRate(contacts);
        const excluded = abandonmentRate(contacts, { shortAbandonMs: short });
        if (excluded !== null) expect(excluded).toBeLessThanOrEqual(all! + 1e-9);
      }),
    );
  });
});
