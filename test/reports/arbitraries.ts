// Shared fast-check arbitraries for the report property tests.
import fc from "fast-check";
import { businessCalendar, type ContactRecord, type SurveyResponse, type Ticket } from "../../src/index.js";
import { ticket as baseTicket, hour, T0 } from "../tickets/arbitraries.js";

export { hour, T0 };

const day = [["09:00", "17:00"]] as const;
/** New York business hours, Monday to Friday 9–17 (the first test week holds the start of daylight-saving time). */
export const newYork = businessCalendar({
  timeZone: "America/New_York",
  week: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: ["2024-03-08"],
});

/** A ticket with an agent, a channel, a priority and contact counts, some absent. */
export const reportTicket: fc.Arbitrary<Ticket> = fc
  .record({
    base: baseTicket,
    agentId: fc.option(fc.constantFrom("ana", "ben", "chloé"), { nil: undefined }),
    channel: fc.option(fc.constantFrom("email", "chat", "phone"), { nil: null }),
    contactsToResolve: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })
  .map(({ base, agentId, channel, contactsToResolve }) => ({
    ...base,
    channel,
    ...(agentId === undefined ? {} : { agentId }),
    ...(contactsToResolve === undefined ? {} : { contactsToResolve }),
  }));

export const reportTickets: fc.Arbitrary<Ticket[]> = fc.array(reportTicket, { maxLength: 30 });

export const asOf: fc.Arbitrary<number> = fc.integer({ min: 0, max: 20 * 24 * hour }).map((d) => T0 + d);

/** Tally options: maybe a calendar, maybe pauses, maybe an SLA by priority. */
export const tallyOptions = fc.record({
  asOf,
  calendar: fc.option(fc.constant(newYork), { nil: undefined }),
  pauseStatuses: fc.option(fc.subarray(["pending", "on-hold"]), { nil: undefined }),
  sla: fc.option(
    fc.record({
      firstResponseMs: fc.integer({ min: 0, max: 48 * hour }),
      byPriority: fc.constant({ urgent: { resolutionMs: 4 * hour }, high: { resolutionMs: 24 * hour } }),
    }),
    { nil: undefined },
  ),
  alpha: fc.constantFrom(0.01, 0.05),
});

/** `T` with its possibly-undefined properties made optional and never `undefined`. */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops `undefined` options (exactOptionalPropertyTypes). */
export function defined<T extends object>(o: T): Defined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
}

// --- Surveys and contacts: records of a few groups, answered or not, sometimes bad (so that set-aside is exercised).

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
