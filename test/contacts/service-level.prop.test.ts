import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AbandonTreatment,
  mergeCounts,
  serviceLevel,
  serviceLevelCounts,
  serviceLevelFromCounts,
} from "../../src/index.js";
import { contact } from "./arbitraries.js";

const treatment = fc.constantFrom<AbandonTreatment>("count-against", "ignore", "within-count-as-met", "ignore-within");
const threshold = fc.integer({ min: 0, max: 120_000 });

describe("serviceLevel properties", () => {
  it("always lies within 0–100 under every treatment", () => {
    fc.assert(
      fc.property(fc.array(contact), threshold, treatment, (contacts, thresholdMs, abandoned) => {
        const r = serviceLevel(contacts, { thresholdMs, abandoned });
        if (r === null) return;
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("a longer answer target never lowers the service level", () => {
    fc.assert(
      fc.property(fc.array(contact), threshold, threshold, treatment, (contacts, t1, t2, abandoned) => {
        const [shorter, longer] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const low = serviceLevel(contacts, { thresholdMs: shorter, abandoned });
        const high = serviceLevel(contacts, { thresholdMs: longer, abandoned });
        // Aw grows and Aba shrinks with T, so every treatment rises (ignore-within can lose its whole denominator).
        if (low === null || high === null) return;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });

  it("count-against is never above ignore, within-count-as-met or ignore-within", () => {
    fc.assert(
      fc.property(fc.array(contact), threshold, (contacts, thresholdMs) => {
        const strict = serviceLevel(contacts, { thresholdMs });
        if (strict === null) return;
        for (const abandoned of ["ignore", "within-count-as-met", "ignore-within"] as const) {
          const other = serviceLevel(contacts, { thresholdMs, abandoned });
          if (other !== null) expect(other).toBeGreaterThanOrEqual(strict - 1e-9);
        }
      }),
    );
  });

  it("always agrees with serviceLevelFromCounts of serviceLevelCounts, and halves merge", () => {
    fc.assert(
      fc.property(fc.array(contact), fc.array(contact), threshold, treatment, (a, b, thresholdMs, abandoned) => {
        const all = [...a, ...b];
        const counts = serviceLevelCounts(all, { thresholdMs });
        expect(serviceLevel(all, { thresholdMs, abandoned })).toBe(serviceLevelFromCounts(counts, { abandoned }));
        expect(mergeCounts(serviceLevelCounts(a, { thresholdMs }), serviceLevelCounts(b, { thresholdMs }))).toEqual(
          counts,
        );
      }),
    );
  });
});
