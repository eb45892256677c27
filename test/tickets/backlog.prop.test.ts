import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backlog, backlogAging } from "../../src/index.js";
import { asOf, hour, tickets, ticketsAndShuffled } from "./arbitraries.js";

const edges = fc
  .uniqueArray(fc.integer({ min: 1, max: 400 * hour }), { minLength: 1, maxLength: 5 })
  .map((xs) => [...xs].sort((a, b) => a - b));

describe("backlog properties", () => {
  it("does not depend on ticket order", () => {
    fc.assert(
      fc.property(ticketsAndShuffled, asOf, ([list, shuffled], at) => {
        expect(backlog(shuffled, { asOf: at })).toBe(backlog(list, { asOf: at }));
      }),
    );
  });

  it("aging buckets always add up to the backlog, and the buckets beyond an edge to backlog older than it", () => {
    fc.assert(
      fc.property(tickets, asOf, edges, (list, at, bucketsMs) => {
        const buckets = backlogAging(list, { asOf: at, bucketsMs });
        expect(buckets.reduce((s, b) => s + b.count, 0)).toBe(backlog(list, { asOf: at }));
        bucketsMs.forEach((edge, k) => {
          const beyond = buckets.slice(k + 1).reduce((s, b) => s + b.count, 0);
          expect(beyond).toBe(backlog(list, { asOf: at, olderThanMs: edge }));
        });
      }),
    );
  });

  it("raising olderThanMs never raises the count, and never exceeds the number of tickets", () => {
    fc.assert(
      fc.property(
        tickets,
        asOf,
        fc.integer({ min: 0, max: 100 * hour }),
        fc.integer({ min: 0, max: 100 * hour }),
        (list, at, a, b) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          expect(backlog(list, { asOf: at, olderThanMs: hi })).toBeLessThanOrEqual(
            backlog(list, { asOf: at, olderThanMs: lo }),
          );
          expect(backlog(list, { asOf: at })).toBeLessThanOrEqual(list.length);
        },
      ),
    );
  });
});
