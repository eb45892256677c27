#!/usr/bin/env node
// Report page check (part of `npm test`): writes the demo month as one page
// (`npm run demo -- --html reports/report.html`), opens it in headless Chromium
// (the browser step's Chromium, installed when missing and permitted), and
// checks that the page loads with no console error and nothing from the network
// (its Content-Security-Policy forbids everything but inline styles, so any
// such load would be logged), that every chart is there, and keeps a
// screenshot as an artifact: reports/report-page.png.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureDebianPackages } from "./system-packages.mjs";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "reports");
mkdirSync(out, { recursive: true });
const page = join(out, "report.html");
const screenshot = join(out, "report-page.png");
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`report page: ${what}`);
  }
};

const demo = spawnSync(process.execPath, ["--import", "tsx", "examples/demo.ts", "--html", page], {
  cwd: root,
  encoding: "utf8",
  timeout: 120_000,
});
check(demo.status === 0 && existsSync(page), `the demo did not write the page (${demo.stderr?.slice(-500)})`);
const browser = ensureDebianPackages({
  paths: [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"],
  packages: ["chromium"],
  what: "report page test",
});
if (!browser || failed > 0) {
  console.log(`checks: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}

const html = readFileSync(page, "utf8");
const charts = (html.match(/<svg /g) ?? []).length;
// Survey by week and by agent (3 charts each), contacts (1), leaderboard (1), tickets (3), payouts (1).
check(charts >= 12, `expected at least 12 charts, found ${charts}`);
// The tickets' duration histograms (from the sketch), with the median and p90 marked.
check(
  html.includes("First response and resolution times, all tickets") &&
    />median \d/.test(html) &&
    html.includes(">p90 "),
  "the ticket duration histogram (median and p90 marked) is missing",
);
check(
  !/<script|<link|<img|<iframe|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(html),
  "the page loads something",
);
for (const section of ["Survey", "Customers", "Contact centre", "Tickets", "Incentives"]) {
  check(html.includes(`<h2>${section}`), `section "${section}" missing`);
}

const run = (args) => {
  const profile = mkdtempSync(join(tmpdir(), "support-metrics-report-"));
  const result = spawnSync(
    browser,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
      "--enable-logging=stderr",
      "--v=0",
      `--user-data-dir=${profile}`,
      ...args,
      pathToFileURL(page).href,
    ],
    { encoding: "utf8", timeout: 60_000 },
  );
  rmSync(profile, { recursive: true, force: true });
  return result;
};
const dump = run(["--dump-dom"]);
check(dump.status === 0, `Chromium exited with ${dump.status}`);
const dom = dump.stdout ?? "";
check((dom.match(/<svg /g) ?? []).length === charts, "the browser's DOM does not hold every chart");
const consoleErrors = (dump.stderr ?? "").split("\n").filter((l) => /CONSOLE|Refused to|Uncaught/.test(l));
check(consoleErrors.length === 0, `console errors:\n${consoleErrors.join("\n")}`);
const shot = run(["--window-size=1200,1800", "--hide-scrollbars", `--screenshot=${screenshot}`]);
check(shot.status === 0 && existsSync(screenshot) && statSync(screenshot).size > 10_000, "no screenshot");
const pdf = run([`--print-to-pdf=${join(out, "report.pdf")}`, "--no-pdf-header-footer"]);
check(pdf.status === 0 && existsSync(join(out, "report.pdf")), "the page does not print to PDF");
console.log(`report page: ${charts} charts, screenshot ${screenshot}`);
console.log(`checks: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
