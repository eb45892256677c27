import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { MessageChannel } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { leaderboard, surveyReport, tallySurveys } from "../../src/index.js";
import { results } from "./fixtures.js";

const DISPLAY = Symbol.for("Jupyter.display");

/** A committed snapshot (the same bytes under vitest and bun test); rewrite it by hand when a chart changes on purpose. */
const snapshot = (file: string): string => readFileSync(new URL(`./__snapshots__/${file}`, import.meta.url), "utf8");

type Displayable = { [DISPLAY]?: () => Record<string, string> };
const bundleOf = (value: object): Record<string, string> => (value as Displayable)[DISPLAY]!();

describe("rich display of results", () => {
  for (const [name, value] of Object.entries(results())) {
    describe(name, () => {
      it("has a non-enumerable Jupyter.display method returning text/plain, text/html and image/svg+xml", () => {
        const descriptor = Object.getOwnPropertyDescriptor(value, DISPLAY);
        expect(descriptor?.enumerable).toBe(false);
        expect(typeof descriptor?.value).toBe("function");
        const bundle = bundleOf(value);
        expect(Object.keys(bundle).sort()).toEqual(["image/svg+xml", "text/html", "text/plain"]);
        expect(bundle["text/html"]).toContain("<table");
        expect(bundle["text/html"]).toContain("<svg");
        expect(bundle["image/svg+xml"]).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img"/);
        expect(bundle["image/svg+xml"]).toContain("<title");
        expect(bundle["image/svg+xml"]).toContain("<desc");
        // Self-contained: nothing fetched from elsewhere, no script.
        for (const text of [bundle["text/html"], bundle["image/svg+xml"]]) {
          expect(text).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|url\((?!#)/);
        }
      });

      it("stays plain data: JSON.stringify, Object.keys, deep equality and structuredClone see only the data", () => {
        const plain = JSON.parse(JSON.stringify(value));
        const clone = structuredClone(value);
        expect(JSON.stringify(clone)).toBe(JSON.stringify(value));
        expect(Object.keys(value)).toEqual(Object.keys(plain));
        expect(Object.keys(clone)).toEqual(Object.keys(value));
        expect(value).toStrictEqual(clone);
        assert.deepStrictEqual(value, clone);
        expect((clone as Displayable)[DISPLAY]).toBeUndefined();
        expect(Object.getOwnPropertySymbols(clone)).toEqual([]);
      });

      it("renders the same bytes for the same input", () => {
        const again = results()[name] as object;
        expect(bundleOf(again)).toEqual(bundleOf(value));
      });

      it("matches its SVG snapshot", async () => {
        expect(bundleOf(value)["image/svg+xml"]).toBe(snapshot(`${name}.svg`));
        expect(bundleOf(value)["text/plain"]).toBe(snapshot(`${name}.txt`));
      });
    });
  }

  it("survives postMessage (a MessageChannel round trip) as plain data", async () => {
    const value = results()["surveyReport"]!;
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<unknown>((resolve) => port2.once("message", resolve));
    port1.postMessage(value);
    const back = await received;
    port1.close();
    port2.close();
    expect(back).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it("the survey table shows the set-aside count, units and intervals", () => {
    const bundle = bundleOf(results()["surveyReport"]!);
    expect(bundle["text/plain"]).toContain("Set aside: 1 record left out of every figure (invalid_value 1).");
    expect(bundle["text/plain"]).toMatch(/ana\s+3\s+66\.7 %\s+\[20\.8, 93\.9\]/);
    expect(bundle["text/html"]).toContain("<caption");
  });

  it("escapes group names in HTML and SVG", () => {
    const report = surveyReport(tallySurveys([{ agentId: '<b>&"x"', nps: 9 }], { by: ["agentId"] }));
    const bundle = bundleOf(report);
    for (const text of [bundle["text/html"], bundle["image/svg+xml"]]) {
      expect(text).toContain("&lt;b&gt;&amp;&quot;x&quot;");
      expect(text).not.toContain("<b>");
    }
    expect(bundle["text/plain"]).toContain('<b>&"x"');
  });

  it("a leaderboard lists unranked agents with the reason, and charts only the ranked ones", () => {
    const board = leaderboard(
      [
        { id: "ana", successes: 45, total: 50 },
        { id: "bo", successes: 2, total: 3 },
        { id: "cy", successes: 0, total: 0 },
      ],
      { method: "wilson-lower-bound", minSample: 10 },
    );
    const bundle = bundleOf(board);
    expect(bundle["text/plain"]).toMatch(/– \(below minSample\)\s+bo\s+\d/);
    expect(bundle["text/plain"]).toMatch(/– \(no data\)\s+cy\s+–/);
    expect(bundle["text/plain"]).toContain("listed last, with the reason");
    expect(bundle["image/svg+xml"]).toContain("1. ana");
    expect(bundle["image/svg+xml"]).not.toContain(">bo<");
    expect(bundle["image/svg+xml"]).not.toContain("cy");
  });
});
