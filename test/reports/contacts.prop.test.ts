import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  abandonmentRate,
  averageHandleTime,
  contactReport,
  mergeTallies,
  serviceLevel,
  tallyContacts,
} from "../../src/index.js";
import { contactRecord, contactRecords, splits } from "./arbitraries.js";

const by = ["agentId", { period: "day", of: "at", timeZone: "Asia/Kathmandu" }] as const;
const options = { by, thresholdMs: 20_000, shortAbandonMs: 5_000, onInvalid: "setAside" } as const;
const treatments = fc.constantFrom("count-against", "ignore", "within-count-as-met", "ignore-within") as fc.Arbitrary<
  "count-against" | "ignore" | "within-count-as-met" | "ignore-within"
>;

describe("tallyContacts properties", () => {
  it("the merge of any split, in any order, always deep-equals the tally of the whole", () => {
    fc.assert(
      fc.property(
        contactRecords.chain((cs) => fc.tuple(fc.constant(cs), splits(cs))),
        ([contacts, { shards }]) => {
          const whole = tallyContacts(contacts, options);
          const parts = shards.map((s) => tallyContacts(s.items, { ...options, firstIndex: s.first }));
          const [first, ...rest] = parts;
          expect(mergeTallies(first!, ...rest)).toEqual(whole);
        },
      ),
    );
  });

  it("every row always equals averageHandleTime, abandonmentRate and serviceLevel over the group", () => {
    fc.assert(
      fc.property(
        fc.array(contactRecord, { maxLength: 60 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
        treatments,
        (contacts, thresholdMs, shortAbandonMs, abandoned) => {
          const tally = tallyContacts(contacts, { by: ["agentId"], thresholdMs, shortAbandonMs });
          const report = contactReport(tally, { abandoned });
          for (const row of [...report.groups, report.total]) {
            const agent = row.key["agentId"];
            const mine = agent === undefined ? contacts : contacts.filter((c) => c.agentId === agent);
            expect(row.contacts).toBe(mine.length);
            expect(row.averageHandleTimeMs).toBe(averageHandleTime(mine));
            expect(row.abandonmentRate).toBe(abandonmentRate(mine, { shortAbandonMs }));
            expect(row.serviceLevel).toBe(serviceLevel(mine, { thresholdMs, abandoned }));
          }
        },
      ),
    );
  });

  it("records processed always equal contacts counted plus contacts set aside", () => {
    fc.assert(
      fc.property(contactRecords, (contacts) => {
        const tally = tallyContacts(contacts, options);
        const counted = tally.groups.reduce((n, g) => n + g.contacts, 0);
        expect(counted + tally.setAside.count).toBe(tally.records);
        expect(tally.records).toBe(contacts.length);
        const bad = contacts.filter((c) => {
          try {
            tallyContacts([c]);
            return false;
          } catch {
            return true;
          }
        });
        expect(tally.setAside.count).toBe(bad.length);
      }),
    );
  });

  it("a tally and its report always survive a JSON round trip", () => {
    fc.assert(
      fc.property(contactRecords, (contacts) => {
        const tally = tallyContacts(contacts, options);
        const back = JSON.parse(JSON.stringify(tally));
        expect(back).toEqual(tally);
        expect(contactReport(back)).toEqual(contactReport(tally));
      }),
    );
  });
});
