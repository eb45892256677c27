import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ces,
  cesCounts,
  csat,
  csatCounts,
  mergeTallies,
  netSentiment,
  npsCounts,
  npsInterval,
  type SentimentLabel,
  type SurveyResponse,
  surveyReport,
  tallySurveys,
  wilsonInterval,
} from "../../src/index.js";
import { isUnanswered, splits, surveyResponse, surveyResponses } from "./arbitraries.js";

const by = ["agentId", { period: "week", of: "at", timeZone: "America/New_York" }] as const;
const options = { by, onInvalid: "setAside" } as const;

describe("tallySurveys properties", () => {
  it("the merge of any split, in any order, always deep-equals the tally of the whole", () => {
    fc.assert(
      fc.property(
        surveyResponses.chain((rs) => fc.tuple(fc.constant(rs), splits(rs))),
        ([responses, { shards }]) => {
          const whole = tallySurveys(responses, options);
          const parts = shards.map((s) => tallySurveys(s.items, { ...options, firstIndex: s.first }));
          const [first, ...rest] = parts;
          expect(mergeTallies(first!, ...rest)).toEqual(whole);
        },
      ),
    );
  });

  it("every row always equals the per-array functions over the group's answers", () => {
    fc.assert(
      fc.property(
        fc.array(surveyResponse, { maxLength: 60 }),
        fc.constantFrom(0.8, 0.95, 0.99),
        (responses, confidence) => {
          const report = surveyReport(tallySurveys(responses, { by: ["agentId"] }), { confidence });
          const mean = surveyReport(tallySurveys(responses, { by: ["agentId"] }), { cesMethod: "mean" });
          const rows = [...report.groups, report.total];
          for (const [r, row] of rows.entries()) {
            const agent = row.key["agentId"];
            const mine = agent === undefined ? responses : responses.filter((x) => x.agentId === agent);
            const answers = (field: keyof SurveyResponse) =>
              mine.map((x) => x[field]).filter((v) => !isUnanswered(v)) as number[];
            const c = csatCounts(answers("csat"));
            expect(row.csat.score).toBe(csat(answers("csat")));
            expect(row.csat.lower).toBe(wilsonInterval(c.satisfied, c.total, { confidence })?.lower ?? null);
            const nps = npsInterval(npsCounts(answers("nps")), { confidence });
            expect(row.nps.score).toBe(nps?.score ?? null);
            expect(row.nps.lower).toBe(nps?.lower ?? null);
            expect(row.nps.upper).toBe(nps?.upper ?? null);
            expect(row.ces.score).toBe(ces(answers("ces")));
            expect(row.ces.answered).toBe(answers("ces").length);
            expect(mean.groups.concat(mean.total)[r]!.ces.score).toBe(ces(answers("ces"), { method: "mean" }));
            const e = cesCounts(answers("ces"));
            expect(row.ces.upper).toBe(wilsonInterval(e.easy, answers("ces").length, { confidence })?.upper ?? null);
            const labels = answers("sentiment") as unknown as SentimentLabel[];
            expect(row.sentiment.net).toBe(netSentiment(labels));
            expect(row.csat.unanswered).toBe(mine.length - answers("csat").length);
          }
        },
      ),
    );
  });

  it("records processed always equal responses counted plus responses set aside", () => {
    fc.assert(
      fc.property(surveyResponses, (responses) => {
        const tally = tallySurveys(responses, options);
        const counted = tally.groups.reduce((n, g) => n + g.responses, 0);
        expect(tally.records).toBe(responses.length);
        expect(counted + tally.setAside.count).toBe(responses.length);
        const bad = responses.filter((r) => {
          try {
            tallySurveys([r]);
            return false;
          } catch {
            return true;
          }
        });
        expect(tally.setAside.count).toBe(bad.length);
        expect(surveyReport(tally).total.responses).toBe(counted);
      }),
    );
  });

  it("a tally always survives a JSON round trip, and so does its report", () => {
    fc.assert(
      fc.property(surveyResponses, (responses) => {
        const tally = tallySurveys(responses, options);
        const back = JSON.parse(JSON.stringify(tally));
        expect(back).toEqual(tally);
        expect(surveyReport(back)).toEqual(surveyReport(tally));
        const report = surveyReport(tally);
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      }),
    );
  });

  it("never mutates frozen responses", () => {
    fc.assert(
      fc.property(surveyResponses, (responses) => {
        const copy = structuredClone(responses);
        const frozen = Object.freeze(responses.map((r) => Object.freeze(r)));
        tallySurveys(frozen, options);
        expect(frozen).toEqual(copy);
      }),
    );
  });
});
