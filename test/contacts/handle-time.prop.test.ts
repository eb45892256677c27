import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageHandleTime, averageHandleTimeFromTotals, handleTimeTotals } from "../../src/index.js";
import { contact } from "./arbitraries.js";

describe("averageHandleTime properties", () => {
  it("always lies between the shortest and the longest handle time", () => {
    fc.assert(
      fc.property(fc.array(contact), (contacts) => {
        const handles = contacts
          .filter((c) => c.outcome === "answered")
          .map((c) => (c.talkMs ?? 0) + (c.holdMs ?? 0) + (c.afterCallWorkMs ?? 0));
        const aht = averageHandleTime(contacts);
        if (handles.length === 0) {
          expect(aht).toBeNull();
          return;
        }
        expect(aht!).toBeGreaterThanOrEqual(Math.min(...handles) - 1e-6);
        expect(aht!).toBeLessThanOrEqual(Math.max(...handles) + 1e-6);
      }),
    );
  });

  it("always equals averageHandleTimeFromTotals of handleTimeTotals; abandons never change it", () => {
    fc.assert(
      fc.property(fc.array(contact), fc.array(fc.nat(), { maxLength: 20 }), (contacts, waits) => {
        expect(averageHandleTime(contacts)).toBe(averageHandleTimeFromTotals(handleTimeTotals(contacts)));
        const abandons = waits.map((waitMs) => ({ waitMs, outcome: "abandoned" as const }));
        expect(averageHandleTime([...abandons, ...contacts])).toBe(averageHandleTime(contacts));
      }),
    );
  });
});
