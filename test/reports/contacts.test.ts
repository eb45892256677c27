import { describe, expect, it } from "vitest";
import {
  abandonmentRate,
  averageHandleTime,
  contactReport,
  mergeTallies,
  serviceLevel,
  tallyContacts,
} from "../../src/index.js";

// The spec's abandonment / service-level vector (Call Centre Helper's worked
// example): 1000 answered (860 within 20 s), 60 abandoned (10 short abandons
// under 5 s, 20 more within 20 s, 30 after), split over two queues.
function vector(): { queue: string; waitMs: number; outcome: "answered" | "abandoned"; talkMs?: number }[] {
  const out: { queue: string; waitMs: number; outcome: "answered" | "abandoned"; talkMs?: number }[] = [];
  const push = (n: number, c: Omit<(typeof out)[number], "queue">) => {
    for (let i = 0; i < n; i++) out.push({ queue: i % 2 === 0 ? "sales" : "help", ...c });
  };
  push(860, { waitMs: 10_000, outcome: "answered", talkMs: 60_000 });
  push(140, { waitMs: 30_000, outcome: "answered", talkMs: 120_000 });
  push(10, { waitMs: 1_000, outcome: "abandoned" });
  push(20, { waitMs: 10_000, outcome: "abandoned" });
  push(30, { waitMs: 30_000, outcome: "abandoned" });
  return out;
}

const options = { thresholdMs: 20_000, shortAbandonMs: 5_000 };

describe("tallyContacts and contactReport", () => {
  it("gives the spec's vector in total", () => {
    const report = contactReport(tallyContacts(vector(), options));
    expect(report.total).toMatchObject({
      key: {},
      contacts: 1060,
      answered: 1000,
      abandoned: 50,
      shortAbandoned: 10,
      answeredWithin: 860,
      abandonedWithin: 30,
    });
    // 50 / 1050 abandoned; 860 / 1060 within 20 s with abandons counted against.
    expect(report.total.abandonmentRate).toBeCloseTo(4.761905, 6);
    expect(report.total.serviceLevel).toBeCloseTo(81.132075, 6);
    expect(report.total.averageHandleTimeMs).toBe(68_400);
  });

  it("gives each group what averageHandleTime, abandonmentRate and serviceLevel give", () => {
    const contacts = vector();
    const report = contactReport(tallyContacts(contacts, { ...options, by: ["queue"] }), { abandoned: "ignore" });
    expect(report.groups.map((r) => r.key)).toEqual([{ queue: "help" }, { queue: "sales" }]);
    for (const row of report.groups) {
      const mine = contacts.filter((c) => c.queue === row.key["queue"]);
      expect(row.averageHandleTimeMs).toBe(averageHandleTime(mine));
      expect(row.abandonmentRate).toBe(abandonmentRate(mine, { shortAbandonMs: 5_000 }));
      expect(row.serviceLevel).toBe(serviceLevel(mine, { thresholdMs: 20_000, abandoned: "ignore" }));
    }
  });

  it("has no service level without a threshold, and null figures for no contacts", () => {
    const report = contactReport(tallyContacts([{ waitMs: 0, outcome: "abandoned" }]));
    expect(report.total.serviceLevel).toBeNull();
    expect(report.total.averageHandleTimeMs).toBeNull();
    expect(report.total.abandonmentRate).toBe(100);
    const empty = contactReport(tallyContacts([], options)).total;
    expect([empty.serviceLevel, empty.abandonmentRate, empty.averageHandleTimeMs]).toEqual([null, null, null]);
  });

  it("merges with mergeTallies, and refuses tallies of another threshold", () => {
    const contacts = vector();
    const whole = tallyContacts(contacts, { ...options, by: ["queue"] });
    const a = tallyContacts(contacts.slice(0, 500), { ...options, by: ["queue"] });
    const b = tallyContacts(contacts.slice(500), { ...options, by: ["queue"], firstIndex: 500 });
    expect(mergeTallies(b, a)).toEqual(whole);
    const other = tallyContacts([], { thresholdMs: 30_000, shortAbandonMs: 5_000, by: ["queue"] });
    expect(() => mergeTallies(a, other)).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "tallies[1].fingerprint" }),
    );
    const surveys = { ...a, kind: "surveys" } as never;
    expect(() => mergeTallies(a, surveys)).toThrow(
      expect.objectContaining({ code: "inconsistent_counts", path: "tallies[1].kind", received: "surveys" }),
    );
  });

  it("sets a bad contact aside, counted by code", () => {
    const contacts = [
      { waitMs: 1, outcome: "answered", talkMs: 5 },
      { waitMs: 1, outcome: "answered" },
      { waitMs: -1, outcome: "abandoned" },
      { waitMs: 1, outcome: "lost" },
    ];
    const tally = tallyContacts(contacts as never, { onInvalid: "setAside" });
    expect(tally.records).toBe(4);
    expect(tally.groups[0]!.contacts).toBe(1);
    expect(tally.setAside.byCode).toEqual({ invalid_value: 1, missing_value: 1, out_of_range: 1 });
    expect(tally.setAside.first.map((e) => e.path)).toEqual([
      "contacts[1].talkMs",
      "contacts[2].waitMs",
      "contacts[3].outcome",
    ]);
  });

  describe("errors", () => {
    const at = (code: string, path: string, fn = "tallyContacts") => expect.objectContaining({ code, path, fn });
    const tally = (c: unknown, o?: unknown) => () => tallyContacts(c as never, o as never);
    it("invalid_type", () => {
      expect(tally("x")).toThrow(at("invalid_type", "contacts"));
      expect(tally([7])).toThrow(at("invalid_type", "contacts[0]"));
      expect(tally([{ waitMs: "5", outcome: "abandoned" }])).toThrow(at("invalid_type", "contacts[0].waitMs"));
      expect(tally([{ waitMs: 5, outcome: 1 }])).toThrow(at("invalid_type", "contacts[0].outcome"));
    });
    it("missing_value", () => {
      expect(tally([{ outcome: "abandoned" }])).toThrow(at("missing_value", "contacts[0].waitMs"));
      expect(tally([{ waitMs: 1 }])).toThrow(at("missing_value", "contacts[0].outcome"));
      expect(tally([{ waitMs: 1, outcome: "answered" }])).toThrow(at("missing_value", "contacts[0].talkMs"));
    });
    it("out_of_range, not_finite, invalid_value", () => {
      expect(tally([{ waitMs: 1, outcome: "answered", talkMs: 1, holdMs: -1 }])).toThrow(
        at("out_of_range", "contacts[0].holdMs"),
      );
      expect(tally([{ waitMs: Number.NaN, outcome: "abandoned" }])).toThrow(at("not_finite", "contacts[0].waitMs"));
      expect(tally([{ waitMs: 1, outcome: "Answered" }])).toThrow(at("invalid_value", "contacts[0].outcome"));
    });
    it("invalid_option", () => {
      expect(tally([], { thresholdMs: -1 })).toThrow(at("invalid_option", "options.thresholdMs"));
      expect(tally([], { shortAbandonMs: "5s" })).toThrow(at("invalid_option", "options.shortAbandonMs"));
      expect(tally([], { threshold: 1 })).toThrow(at("invalid_option", "options.threshold"));
      expect(tally([], { firstIndex: -1 })).toThrow(at("out_of_range", "options.firstIndex"));
      const t = tallyContacts([], options);
      expect(() => contactReport(t, { abandoned: "never" } as never)).toThrow(
        at("invalid_option", "options.abandoned", "contactReport"),
      );
    });
    it("contactReport: a malformed tally names the path", () => {
      const t = tallyContacts(vector(), { ...options, by: ["queue"] });
      const report = (x: unknown) => () => contactReport(x as never);
      const where = (code: string, path: string) => at(code, path, "contactReport");
      expect(report({ ...t, version: 2 })).toThrow(where("invalid_value", "tally.version"));
      expect(report({ ...t, thresholdMs: -5 })).toThrow(where("invalid_value", "tally.thresholdMs"));
      const groups = [{ ...t.groups[0]!, answered: 1 }, t.groups[1]];
      expect(report({ ...t, groups })).toThrow(where("inconsistent_counts", "tally.groups[0]"));
      const noTalk = [{ ...t.groups[0]!, talkMs: undefined }, t.groups[1]];
      expect(report({ ...t, groups: noTalk })).toThrow(where("missing_value", "tally.groups[0].talkMs"));
      expect(report({ ...t, setAside: { count: 1, byCode: {}, first: [] } })).toThrow(
        where("inconsistent_counts", "tally.setAside.count"),
      );
    });
  });

  it("does not mutate its input", () => {
    const contacts = Object.freeze(vector().map((c) => Object.freeze(c)));
    const tally = tallyContacts(contacts, { ...options, by: ["queue"] });
    const frozen = structuredClone(tally);
    Object.freeze(frozen);
    for (const g of frozen.groups) Object.freeze(g);
    expect(contactReport(frozen)).toEqual(contactReport(tally));
    expect(mergeTallies(frozen, frozen).records).toBe(2 * contacts.length);
  });
});
