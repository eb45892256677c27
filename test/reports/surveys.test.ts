import { describe, expect, it } from "vitest";
import {
  csat,
  mergeTallies,
  npsCounts,
  npsInterval,
  surveyReport,
  tallySurveys,
  wilsonInterval,
} from "../../src/index.js";

// A Kaggle-style export (customer_support_tickets.csv: "Customer Satisfaction
// Rating" is 1–5 and empty for tickets that were never rated), with NPS and CES
// columns added by hand for these tests.
const responses = [
  { agentId: "ana", at: "2025-06-02T09:00:00Z", csat: 5, nps: 10, ces: 6, sentiment: "positive" },
  { agentId: "ana", at: "2025-06-03T09:00:00Z", csat: 4, nps: 7, ces: 4, sentiment: "neutral" },
  { agentId: "ana", at: "2025-06-10T09:00:00Z", csat: 2, nps: 3, ces: 2, sentiment: "negative" },
  { agentId: "bo", at: "2025-06-09T09:00:00Z", csat: null, nps: 9 },
  { agentId: "bo", at: "2025-06-10T09:00:00Z", csat: "", nps: "offered", ces: "" },
  { agentId: "bo", at: "2025-06-11T09:00:00Z", csat: "offered", nps: null, ces: 7, sentiment: "" },
];

describe("tallySurveys and surveyReport", () => {
  it("counts each question's answers per group and the unanswered ones apart", () => {
    const tally = tallySurveys(responses, { by: ["agentId"] });
    expect(tally.kind).toBe("surveys");
    expect(tally.dimensions).toEqual(["agentId"]);
    expect(tally.records).toBe(6);
    expect(tally.groups.map((g) => g.key)).toEqual([["ana"], ["bo"]]);
    const bo = tally.groups[1]!;
    expect(bo.responses).toBe(3);
    expect(bo.csat).toEqual({ satisfied: 0, total: 0, unanswered: 3 });
    expect(bo.nps).toEqual({ promoters: 1, passives: 0, detractors: 0, unanswered: 2 });
    expect(bo.ces).toEqual({ easy: 1, neutral: 0, hard: 0, ratingSum: 7, ratingSquareSum: 49, unanswered: 2 });
    expect(bo.sentiment).toEqual({ positive: 0, negative: 0, neutral: 0, unanswered: 3 });
  });

  it("gives each row what the per-array functions give for the group's answers", () => {
    const report = surveyReport(tallySurveys(responses, { by: ["agentId"] }));
    const ana = report.groups[0]!;
    expect(ana.key).toEqual({ agentId: "ana" });
    expect(ana.csat.score).toBe(csat([5, 4, 2]));
    // Wilson 95% for 2/3: 20.766–93.851 (R: binom::binom.confint(2, 3, methods = "wilson")).
    expect(ana.csat.lower).toBeCloseTo(20.766, 3);
    expect(ana.csat.upper).toBeCloseTo(93.851, 3);
    expect(ana.csat.upper).toBe(wilsonInterval(2, 3)!.upper);
    const interval = npsInterval(npsCounts([10, 7, 3]))!;
    expect(ana.nps).toMatchObject({ score: 0, lower: interval.lower, upper: interval.upper });
    // CES percent-easy on 1–7: 6 is easy, 4 neutral, 2 hard.
    expect(ana.ces).toMatchObject({ method: "percent-easy", easy: 1, neutral: 1, hard: 1, answered: 3 });
    expect(ana.ces.score).toBeCloseTo(100 / 3, 12);
    expect(ana.sentiment).toEqual({ net: 0, positive: 1, negative: 1, neutral: 1, answered: 3, unanswered: 0 });
    expect(report.groups[1]!.csat).toEqual({
      score: null,
      lower: null,
      upper: null,
      satisfied: 0,
      answered: 0,
      unanswered: 3,
    });
    expect(Object.keys(report.total.key)).toEqual([]);
    expect(report.total.responses).toBe(6);
    expect(report.total.nps.score).toBe(25); // promoters 10, 9; passive 7; detractor 3
  });

  it("groups by ISO week in the given zone", () => {
    const tally = tallySurveys(responses, { by: [{ period: "week", of: "at", timeZone: "Europe/Paris" }] });
    expect(tally.dimensions).toEqual(["week(at)"]);
    expect(tally.groups.map((g) => [g.key, g.responses])).toEqual([
      [["2025-W23"], 2],
      [["2025-W24"], 4],
    ]);
  });

  it("groups by two dimensions, an absent value (null) apart from every string", () => {
    const list = [
      { agentId: "ana", channel: "chat", csat: 5 },
      { agentId: "ana", csat: 4 },
      { channel: "chat", csat: 3 },
      { agentId: "ana", channel: "chat", csat: 1 },
      { agentId: "null", channel: "chat", csat: 2 },
    ];
    const tally = tallySurveys(list, { by: ["agentId", "channel"] });
    expect(tally.groups.map((g) => [g.key, g.responses])).toEqual([
      [[null, "chat"], 1],
      [["ana", null], 1],
      [["ana", "chat"], 2],
      [["null", "chat"], 1],
    ]);
  });

  it("reads the CSAT and CES scales as csat and ces do", () => {
    const ten = [10, 9, 9, 8, 8, 7, 6, 10, 3, 9].map((v) => ({ csat: v }));
    const scale = { min: 1, max: 10 };
    expect(surveyReport(tallySurveys(ten, { csat: { scale } })).total.csat.score).toBe(50);
    expect(surveyReport(tallySurveys(ten, { csat: { scale, satisfiedFrom: 8 } })).total.csat.score).toBe(70);
    const harder = [1, 2, 3, 4, 5].map((v) => ({ ces: v }));
    const report = surveyReport(tallySurveys(harder, { ces: { scale: 5, direction: "higher-is-harder" } }), {
      cesMethod: "net",
    });
    expect(report.total.ces).toMatchObject({ easy: 2, neutral: 1, hard: 2, score: 0 });
  });

  it("gives the CES mean with a normal interval clamped to the scale", () => {
    const report = surveyReport(tallySurveys([{ ces: 5 }, { ces: 7 }, { ces: 6 }, { ces: 6 }]), { cesMethod: "mean" });
    // mean 6, s² = 2/3, half-width 1.959964·√(2/3 / 4) = 0.800152.
    expect(report.total.ces.score).toBe(6);
    expect(report.total.ces.lower).toBeCloseTo(5.199848, 6);
    expect(report.total.ces.upper).toBeCloseTo(6.800152, 6);
    expect(surveyReport(tallySurveys([{ ces: 5 }]), { cesMethod: "mean" }).total.ces.lower).toBeNull();
  });

  it("gives null scores, never 0, for no responses", () => {
    const report = surveyReport(tallySurveys([]));
    expect(report.groups).toEqual([]);
    expect(report.total.csat.score).toBeNull();
    expect(report.total.nps.score).toBeNull();
    expect(report.total.ces.score).toBeNull();
    expect(report.total.sentiment.net).toBeNull();
  });

  it("merges with mergeTallies into the tally of the whole", () => {
    const by = ["agentId"];
    const whole = tallySurveys(responses, { by });
    const a = tallySurveys(responses.slice(0, 2), { by });
    const b = tallySurveys(responses.slice(2), { by, firstIndex: 2 });
    expect(mergeTallies(b, a)).toEqual(whole);
  });

  it("sets a bad response aside whole, counted by code, with its global index", () => {
    const bad = [{ csat: 5, nps: 10 }, { csat: 5, nps: 11 }, { csat: "5" }, { sentiment: "happy" }];
    const tally = tallySurveys(bad, { onInvalid: "setAside", firstIndex: 100 });
    expect(tally.records).toBe(4);
    expect(tally.groups[0]!.responses).toBe(1);
    expect(tally.groups[0]!.nps.promoters).toBe(1);
    expect(tally.setAside.count).toBe(3);
    expect(tally.setAside.byCode).toEqual({ invalid_type: 1, invalid_value: 1, out_of_range: 1 });
    expect(tally.setAside.first.map((e) => [e.index, e.path, e.code])).toEqual([
      [101, "responses[101].nps", "out_of_range"],
      [102, "responses[102].csat", "invalid_type"],
      [103, "responses[103].sentiment", "invalid_value"],
    ]);
    expect(surveyReport(tally).setAside).toEqual(tally.setAside);
  });

  describe("errors", () => {
    const code = (c: string, path: string) => expect.objectContaining({ code: c, path, fn: "tallySurveys" });
    it("invalid_type: not an array, a response not an object, a rating that is a string", () => {
      expect(() => tallySurveys({} as never)).toThrow(code("invalid_type", "responses"));
      expect(() => tallySurveys([null] as never)).toThrow(code("invalid_type", "responses[0]"));
      expect(() => tallySurveys([{ nps: "9" }])).toThrow(code("invalid_type", "responses[0].nps"));
      expect(() => tallySurveys([{ agentId: 7 }] as never, { by: ["agentId"] })).toThrow(
        code("invalid_type", "responses[0].agentId"),
      );
    });
    it("out_of_range, not_integer, not_finite: an answer off its scale", () => {
      expect(() => tallySurveys([{ csat: 3 }, { csat: 0 }])).toThrow(code("out_of_range", "responses[1].csat"));
      expect(() => tallySurveys([{ ces: 8 }])).toThrow(code("out_of_range", "responses[0].ces"));
      expect(() => tallySurveys([{ ces: 6 }], { ces: { scale: 5 } })).toThrow(code("out_of_range", "responses[0].ces"));
      expect(() => tallySurveys([{ nps: 9.5 }])).toThrow(code("not_integer", "responses[0].nps"));
      expect(() => tallySurveys([{ nps: Number.NaN }])).toThrow(code("not_finite", "responses[0].nps"));
    });
    it("invalid_value: an unknown sentiment label", () => {
      expect(() => tallySurveys([{ sentiment: "Positive" }])).toThrow(code("invalid_value", "responses[0].sentiment"));
    });
    it("invalid_instant: a zone-less time under a period dimension", () => {
      const by = [{ period: "day", of: "at", timeZone: "UTC" }] as const;
      expect(() => tallySurveys([{ at: "2025-06-01 10:00" }], { by })).toThrow(
        code("invalid_instant", "responses[0].at"),
      );
    });
    it("invalid_option: unknown keys, bad scales, bad dimensions, bad onInvalid", () => {
      expect(() => tallySurveys([], { scale: 5 } as never)).toThrow(code("invalid_option", "options.scale"));
      expect(() => tallySurveys([], { csat: { scale: { min: 5, max: 1 } } })).toThrow(
        code("invalid_option", "options.csat.scale.max"),
      );
      expect(() => tallySurveys([], { csat: { satisfiedFrom: 6 } })).toThrow(
        code("invalid_option", "options.csat.satisfiedFrom"),
      );
      expect(() => tallySurveys([], { ces: { scale: 10 as 7 } })).toThrow(code("invalid_option", "options.ces.scale"));
      expect(() => tallySurveys([], { ces: { direction: "up" as never } })).toThrow(
        code("invalid_option", "options.ces.direction"),
      );
      expect(() => tallySurveys([], { by: [{ period: "week", of: "createdAt", timeZone: "UTC" }] })).toThrow(
        code("invalid_option", "options.by[0].of"),
      );
      expect(() => tallySurveys([], { onInvalid: "skip" as never })).toThrow(
        code("invalid_option", "options.onInvalid"),
      );
    });
    it("surveyReport: a malformed tally or option names the path", () => {
      const tally = tallySurveys(responses, { by: ["agentId"] });
      const report = (t: unknown, o?: object) => () => surveyReport(t as never, o as never);
      const at = (c: string, path: string) => expect.objectContaining({ code: c, path, fn: "surveyReport" });
      expect(report({ ...tally, kind: "tickets" })).toThrow(at("invalid_value", "tally.kind"));
      expect(report({ ...tally, records: 7 })).toThrow(at("inconsistent_counts", "tally.records"));
      const groups = [{ ...tally.groups[0]!, csat: { satisfied: 4, total: 3, unanswered: 0 } }, tally.groups[1]];
      expect(report({ ...tally, groups })).toThrow(at("inconsistent_counts", "tally.groups[0]"));
      expect(report({ ...tally, groups: [...tally.groups].reverse() })).toThrow(
        at("invalid_value", "tally.groups[1].key"),
      );
      const { nps: _, ...noNps } = tally.groups[0]!;
      expect(report({ ...tally, groups: [noNps, tally.groups[1]] })).toThrow(at("invalid_type", "tally.groups[0].nps"));
      expect(report(tally, { confidence: 95 })).toThrow(at("invalid_option", "options.confidence"));
      expect(report(tally, { npsMethod: "exact" })).toThrow(at("invalid_option", "options.npsMethod"));
      expect(report(tally, { method: "mean" })).toThrow(at("invalid_option", "options.method"));
    });
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(responses.map((r) => Object.freeze({ ...r })));
    const tally = tallySurveys(frozen, { by: ["agentId"] });
    const frozenTally = structuredClone(tally);
    deepFreeze(frozenTally);
    expect(surveyReport(frozenTally)).toEqual(surveyReport(tally));
    expect(mergeTallies(frozenTally, frozenTally).records).toBe(12);
  });
});

function deepFreeze(value: unknown): void {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
}
