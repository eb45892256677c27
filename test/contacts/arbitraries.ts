// Shared fast-check arbitraries for the contact-centre tests.
import fc from "fast-check";
import type { Contact } from "../../src/index.js";

const duration = fc.integer({ min: 0, max: 3_600_000 });

/** A valid contact: answered ones carry talk, and sometimes hold and wrap. */
export const contact: fc.Arbitrary<Contact> = fc.oneof(
  fc
    .record(
      { waitMs: duration, talkMs: duration, holdMs: duration, afterCallWorkMs: duration },
      { requiredKeys: ["waitMs", "talkMs"] },
    )
    .map((c): Contact => ({ ...c, outcome: "answered" })),
  duration.map((waitMs): Contact => ({ waitMs, outcome: "abandoned" })),
);

/** A queue's parameters: traffic up to `maxErlangs`, AHT 30 s – 20 min, T 0 – 2 min, a half-hour interval. */
export function queue(maxErlangs: number): fc.Arbitrary<{
  arrivals: number;
  intervalMs: number;
  averageHandleMs: number;
  answerWithinMs: number;
}> {
  return fc
    .record({
      erlangs: fc.double({ min: 0.01, max: maxErlangs, noNaN: true }),
      averageHandleMs: fc.integer({ min: 30_000, max: 1_200_000 }),
      answerWithinMs: fc.integer({ min: 0, max: 120_000 }),
    })
    .map(({ erlangs, averageHandleMs, answerWithinMs }) => ({
      arrivals: (erlangs * 1_800_000) / averageHandleMs,
      intervalMs: 1_800_000,
      averageHandleMs,
      answerWithinMs,
    }));
}
