/**
 * `npm run demo -- --html report.html`: the demo month as one self-contained
 * HTML page. Each section's text, as `npm run demo` prints it, followed by the
 * tables and charts of the results that display themselves (their
 * `[Symbol.for("Jupyter.display")]()` bundles): no scripts, fonts, styles or
 * images from elsewhere, and a print stylesheet so it prints cleanly.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tallyTickets, ticketReport } from "../../src/index.ts";
import { POLICY } from "./tickets.ts";

/** Results a section shows on the page, in order. */
const shown = new Map<string, object[]>();

/** Called by a section: show `value`'s display bundle under `section` on the page. */
export function show(section: string, value: object): void {
  const list = shown.get(section) ?? [];
  list.push(value);
  shown.set(section, list);
}

const DISPLAY = Symbol.for("Jupyter.display");

/** The tickets by agent, from the report API (the SLA policy of the tickets section). */
function ticketsByAgent(): object {
  const tickets = JSON.parse(readFileSync(new URL("../data/tickets.json", import.meta.url), "utf8"));
  const { pauseStatuses: _, ...policy } = POLICY; // the tally takes the pauses as its own option
  const options = { asOf: "2025-07-01T00:00:00Z", by: ["agentId"], sla: policy, pauseStatuses: ["pending"] };
  return ticketReport(tallyTickets(tickets, options));
}

/** Writes the page of `sections` (title, the lines printed) to `path`. */
export function writePage(path: string, sections: readonly { title: string; key: string; lines: string[] }[]): void {
  show("tickets", ticketsByAgent());
  const body = sections
    .map(({ title, key, lines }) => {
      const displays = (shown.get(key) ?? [])
        .map((value) => (value as { [DISPLAY]?: () => Record<string, string> })[DISPLAY]?.()["text/html"] ?? "")
        .join("");
      return `<section><h2>${escapeText(title)}</h2>${displays}<details open><summary>As printed by npm run demo</summary><pre>${escapeText(lines.join("\n"))}</pre></details></section>`;
    })
    .join("\n");
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Support metrics: June 2025</title>
<style>
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #ffffff; margin: 2em auto; max-width: 72em; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 2px solid #1a1a1a; padding-bottom: 0.2em; margin-top: 2em; }
pre { font-size: 12px; line-height: 1.35; overflow-x: auto; background: #f6f6f6; padding: 0.8em; }
figure svg { max-width: 100%; height: auto; display: block; margin-top: 0.5em; }
summary { cursor: pointer; color: #444; margin: 0.5em 0; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  figure, svg, table { break-inside: avoid; }
  pre { white-space: pre-wrap; background: none; padding: 0; font-size: 9px; }
  summary { display: none; }
}
</style>
</head>
<body>
<h1>Support metrics: June 2025</h1>
<p>The demo month of <code>support-metrics</code>: surveys, customers, the contact centre, tickets and payouts, computed from the sample data in <code>examples/data/</code>. Tables and charts are the results' own display; nothing on this page is loaded from elsewhere.</p>
${body}
</body>
</html>
`;
  writeFileSync(path, page);
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}
