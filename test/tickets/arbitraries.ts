// Shared fast-check arbitraries for the ticket property tests.
import fc from "fast-check";
import type { Ticket } from "../../src/index.js";

export const hour = 3_600_000;
export const T0 = Date.UTC(2024, 2, 4, 0); // Monday 2024-03-04 00:00Z

const statuses = ["new", "open", "pending", "on-hold", "solved", "Awaiting User Info"] as const;

/** A ticket created within two weeks of T0, with optional events and a status history in time order. */
export const ticket: fc.Arbitrary<Ticket> = fc
  .record({
    created: fc.integer({ min: 0, max: 14 * 24 * hour }),
    response: fc.option(fc.integer({ min: 0, max: 72 * hour }), { nil: undefined }),
    resolved: fc.option(fc.integer({ min: 0, max: 200 * hour }), { nil: undefined }),
    priority: fc.constantFrom("low", "normal", "high", "urgent"),
    steps: fc.array(fc.tuple(fc.constantFrom(...statuses), fc.integer({ min: 0, max: 30 * hour })), { maxLength: 6 }),
    reopenCount: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  })
  .map(({ created, response, resolved, priority, steps, reopenCount }) => {
    const createdAt = T0 + created;
    let at = createdAt;
    const statusHistory = steps.map(([status, gap]) => {
      at += gap;
      return { status, at };
    });
    return {
      createdAt,
      priority,
      ...(response === undefined ? {} : { firstResponseAt: createdAt + response }),
      ...(resolved === undefined ? {} : { resolvedAt: createdAt + resolved }),
      ...(reopenCount === undefined ? {} : { reopenCount }),
      statusHistory,
    };
  });

export const tickets: fc.Arbitrary<Ticket[]> = fc.array(ticket, { maxLength: 40 });

/** A list of tickets and a shuffled copy of it. */
export const ticketsAndShuffled: fc.Arbitrary<[Ticket[], Ticket[]]> = tickets.chain((list) =>
  fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
);

export const asOf: fc.Arbitrary<number> = fc.integer({ min: 0, max: 20 * 24 * hour }).map((d) => T0 + d);
