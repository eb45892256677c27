import { describe, expect, it } from "vitest";
import {
  averageHandleTime,
  averageHandleTimeFromTotals,
  type Contact,
  handleTimeTotals,
  mergeCounts,
} from "../../src/index.js";
import { code } from "../helpers/errors.js";

const s = 1000;

describe("averageHandleTimeFromTotals", () => {
  // METRICS.md §3 vector (Call Centre Helper's AHT example): (668 205 + 99 153 + 198 306) s / 4 311 calls = 224 s.
  it("talk 668 205 s, hold 99 153 s, wrap 198 306 s over 4 311 calls → 224 s", () => {
    expect(
      averageHandleTimeFromTotals({
        talkMs: 668_205 * s,
        holdMs: 99_153 * s,
        afterCallWorkMs: 198_306 * s,
        handledContacts: 4311,
      }),
    ).toBe(224_000);
  });

  it("absent hold and after-call work mean none; no handled contact is null", () => {
    expect(averageHandleTimeFromTotals({ talkMs: 600_000, handledContacts: 4 })).toBe(150_000);
    expect(averageHandleTimeFromTotals({ talkMs: 0, handledContacts: 0 })).toBeNull();
  });

  it("throws inconsistent_counts for durations over no handled contact", () => {
    expect(() => averageHandleTimeFromTotals({ talkMs: 5_000, handledContacts: 0 })).toThrow(
      code("inconsistent_counts", { fn: "averageHandleTimeFromTotals", path: "totals.handledContacts" }),
    );
  });

  it("throws per code", () => {
    expect(() => averageHandleTimeFromTotals({ handledContacts: 3 } as never)).toThrow(
      code("missing_value", { path: "totals.talkMs" }),
    );
    expect(() => averageHandleTimeFromTotals({ talkMs: -1, handledContacts: 3 })).toThrow(
      code("out_of_range", { path: "totals.talkMs" }),
    );
    expect(() => averageHandleTimeFromTotals({ talkMs: 1, handledContacts: 2.5 })).toThrow(
      code("not_integer", { path: "totals.handledContacts" }),
    );
    expect(() => averageHandleTimeFromTotals({ talkMs: Number.NaN, handledContacts: 1 })).toThrow(
      code("not_finite", { path: "totals.talkMs" }),
    );
    expect(() => averageHandleTimeFromTotals({ talkMs: "1", handledContacts: 1 } as never)).toThrow(
      code("invalid_type", { path: "totals.talkMs" }),
    );
    expect(() => averageHandleTimeFromTotals({ talkMs: 1, handledContacts: 1, notHandled: -1 })).toThrow(
      code("out_of_range", { path: "totals.notHandled" }),
    );
  });
});

describe("averageHandleTime", () => {
  const contacts: Contact[] = [
    { waitMs: 0, outcome: "answered", talkMs: 200_000, holdMs: 20_000, afterCallWorkMs: 4_000 },
    { waitMs: 0, outcome: "answered", talkMs: 224_000 },
    { waitMs: 9_000, outcome: "abandoned" },
  ];

  // Worked by hand: (224 000 + 224 000) / 2 handled; the abandoned contact is not handled.
  it("averages talk + hold + wrap over handled contacts only", () => {
    expect(averageHandleTime(contacts)).toBe(224_000);
    expect(handleTimeTotals(contacts)).toEqual({
      talkMs: 424_000,
      holdMs: 20_000,
      afterCallWorkMs: 4_000,
      handledContacts: 2,
      notHandled: 1,
    });
  });

  it("is exactly averageHandleTimeFromTotals of handleTimeTotals, and totals merge", () => {
    expect(averageHandleTime(contacts)).toBe(averageHandleTimeFromTotals(handleTimeTotals(contacts)));
    const merged = mergeCounts(handleTimeTotals(contacts.slice(0, 1)), handleTimeTotals(contacts.slice(1)));
    expect(merged).toEqual(handleTimeTotals(contacts));
  });

  it("returns null with no handled contact, and ignores durations of abandoned contacts", () => {
    expect(averageHandleTime([])).toBeNull();
    expect(averageHandleTime([{ waitMs: 5_000, outcome: "abandoned" }])).toBeNull();
    expect(averageHandleTime([{ waitMs: 5_000, outcome: "abandoned", talkMs: 10 }])).toBeNull();
  });

  it("throws missing_value for an answered contact without talkMs", () => {
    expect(() => averageHandleTime([{ waitMs: 0, outcome: "answered" }])).toThrow(
      code("missing_value", { fn: "averageHandleTime", path: "contacts[0].talkMs" }),
    );
  });

  it("throws per code with the contact's path", () => {
    expect(() => averageHandleTime([contacts[0]!, { waitMs: 0, outcome: "answered", talkMs: -1 }])).toThrow(
      code("out_of_range", { path: "contacts[1].talkMs" }),
    );
    expect(() => averageHandleTime([{ waitMs: 0, outcome: "answered", talkMs: 1, holdMs: "5" as never }])).toThrow(
      code("invalid_type", { path: "contacts[0].holdMs" }),
    );
    expect(() =>
      averageHandleTime([{ waitMs: 0, outcome: "answered", talkMs: 1, afterCallWorkMs: Number.POSITIVE_INFINITY }]),
    ).toThrow(code("not_finite", { path: "contacts[0].afterCallWorkMs" }));
    expect(() => averageHandleTime([{ waitMs: 0, outcome: "dropped" as never }])).toThrow(
      code("invalid_value", { path: "contacts[0].outcome" }),
    );
    expect(() => averageHandleTime([{ waitMs: 0 } as never])).toThrow(
      code("missing_value", { path: "contacts[0].outcome" }),
    );
    expect(() => averageHandleTime([null as never])).toThrow(code("invalid_type", { path: "contacts[0]" }));
    expect(() => handleTimeTotals({} as never)).toThrow(
      code("invalid_type", { fn: "handleTimeTotals", path: "contacts" }),
    );
  });

  it("does not mutate its input", () => {
    const frozen = Object.freeze(contacts.map((c) => Object.freeze({ ...c })));
    expect(averageHandleTime(frozen)).toBe(224_000);
    expect(handleTimeTotals(frozen).handledContacts).toBe(2);
    const totals = Object.freeze({ talkMs: 600_000, handledContacts: 4 });
    expect(averageHandleTimeFromTotals(totals)).toBe(150_000);
  });
});
