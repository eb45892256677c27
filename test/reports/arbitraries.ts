// Shared fast-check arbitraries for the report tests: records of a few groups,
// answered or not, and sometimes bad (so that set-aside is exercised).
import fc from "fast-check";
import type { ContactRecord, SurveyResponse } from "../../src/index.js";

const unanswered = fc.constantFrom(null, undefined, "", "offered", "unoffered");
const agent = fc.constantFrom("ana", "bo", "cy");
const at = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2025, 2, 1) });

/** A valid survey response: each question answered on its default scale or left empty. */
export const surveyResponse: fc.Arbitrary<SurveyResponse> = fc.record({
  agentId: agent,
  at,
  csat: fc.oneof(fc.integer({ min: 1, max: 5 }), unanswered),
  nps: fc.oneof(fc.integer({ min: 0, max: 10 }), unanswered),
  ces: fc.oneof(fc.integer({ min: 1, max: 7 }), unanswered),
  sentiment: fc.oneof(fc.constantFrom("positive", "negative", "neutral"), fc.constantFrom(null, undefined, "")),
});

/** A response that every survey tally refuses: one answer off its scale. */
export const badSurveyResponse: fc.Arbitrary<SurveyResponse> = fc
  .tuple(surveyResponse, fc.constantFrom({ csat: 6 }, { nps: 11 }, { ces: 0 }, { nps: "9" }, { sentiment: "happy" }))
  .map(([r, bad]) => ({ ...r, ...bad }));

/** Valid responses with a few bad ones mixed in. */
export const surveyResponses: fc.Arbitrary<SurveyResponse[]> = fc.array(
  fc.oneof({ arbitrary: surveyResponse, weight: 9 }, { arbitrary: badSurveyResponse, weight: 1 }),
  { maxLength: 80 },
);

const duration = fc.integer({ min: 0, max: 3_600_000 });

/** A valid contact with a queue and an agent. */
export const contactRecord: fc.Arbitrary<ContactRecord> = fc.oneof(
  fc
    .record(
      { agentId: agent, at, waitMs: duration, talkMs: duration, holdMs: duration, afterCallWorkMs: duration },
      { requiredKeys: ["agentId", "at", "waitMs", "talkMs"] },
    )
    .map((c): ContactRecord => ({ ...c, outcome: "answered" })),
  fc
    .record({ agentId: agent, at, waitMs: fc.integer({ min: 0, max: 60_000 }) })
    .map((c): ContactRecord => ({ ...c, outcome: "abandoned" })),
);

/** A contact every contact tally refuses. */
export const badContactRecord: fc.Arbitrary<ContactRecord> = fc
  .tuple(
    contactRecord,
    fc.constantFrom({ waitMs: -1 }, { outcome: "lost" }, { outcome: "answered", talkMs: undefined }, { waitMs: "5" }),
  )
  .map(([c, bad]) => ({ ...c, ...bad }) as ContactRecord);

/** Valid contacts with a few bad ones mixed in. */
export const contactRecords: fc.Arbitrary<ContactRecord[]> = fc.array(
  fc.oneof({ arbitrary: contactRecord, weight: 9 }, { arbitrary: badContactRecord, weight: 1 }),
  { maxLength: 80 },
);

/** Cut points splitting `n` records into up to five consecutive shards, and an order to merge them in. */
export function splits<T>(records: readonly T[]): fc.Arbitrary<{ shards: { first: number; items: T[] }[] }> {
  return fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: records.length }), { maxLength: 4 }),
      fc.integer({ min: 0, max: 1_000 }),
    )
    .map(([cuts, seed]) => {
      const points = [0, ...cuts.sort((a, b) => a - b), records.length];
      const shards: { first: number; items: T[] }[] = [];
      for (let k = 0; k + 1 < points.length; k++) {
        shards.push({ first: points[k]!, items: records.slice(points[k], points[k + 1]) });
      }
      // A deterministic shuffle: the merge must not depend on the order.
      for (let k = shards.length - 1; k > 0; k--) {
        const j = (seed * (k + 7)) % (k + 1);
        [shards[k], shards[j]] = [shards[j]!, shards[k]!];
      }
      return { shards };
    });
}

/** Whether a survey answer is left empty. */
export function isUnanswered(v: unknown): boolean {
  return v === null || v === undefined || v === "" || v === "offered" || v === "unoffered";
}
