#!/usr/bin/env node
// Browser check (part of `npm test`): serves `test/browser/index.html` and the
// built `dist/` from a tiny node:http server on 127.0.0.1 (random port), loads
// the page in headless Chromium (`--dump-dom`), and checks the result the page
// computed with the ESM build against the same computation in Node and against
// known answers. Bounded: server and browser are killed after TIMEOUT_MS.
// Chromium: CHROMIUM=path, or Debian's `chromium`, installed here when missing
// and permitted (scripts/system-packages.mjs).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { compute } from "../test/browser/compute.js";
import { ensureDebianPackages } from "./system-packages.mjs";

const TIMEOUT_MS = Number(process.env.BROWSER_TIMEOUT_MS ?? 60_000);
const root = resolve(import.meta.dirname, "..");
const browser = ensureDebianPackages({
  paths: [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"],
  packages: ["chromium"],
  what: "browser test",
});
if (!browser) {
  console.error("browser test: no Chromium found (apt-get install -y chromium, or set CHROMIUM=/path/to/chrome)");
  console.log("checks: 0 passed, 1 failed");
  process.exit(1);
}
if (!existsSync(join(root, "dist/index.js"))) {
  console.error("browser test: dist/index.js is missing (npm run build)");
  console.log("checks: 0 passed, 1 failed");
  process.exit(1);
}

// Only these files are served: the page, its helper and the build.
const types = { ".html": "text/html", ".js": "text/javascript", ".map": "application/json" };
const served = [];
const server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
  const rel = path === "/" ? "test/browser/index.html" : normalize(path.slice(1));
  const allowed = rel === "test/browser/index.html" || rel === "test/browser/compute.js" || rel.startsWith("dist/");
  const file = join(root, rel);
  if (req.method !== "GET" || !allowed || rel.includes("..") || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  served.push(rel);
  res.writeHead(200, { "content-type": types[extname(rel)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, "127.0.0.1", done));
const { port } = server.address();
const profile = mkdtempSync(join(tmpdir(), "support-metrics-chromium-"));

let child;
const killAll = () => {
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL"); // the browser and its helper processes
    } catch {
      child.kill("SIGKILL");
    }
  }
  server.close();
  server.closeAllConnections();
};

let dom = "";
let stderr = "";
try {
  dom = await new Promise((done, fail) => {
    child = spawn(
      browser,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        `--user-data-dir=${profile}`,
        "--dump-dom",
        `http://127.0.0.1:${port}/`,
      ],
      { stdio: ["ignore", "pipe", "pipe"], detached: true },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(
      () => fail(new Error(`Chromium did not finish within ${TIMEOUT_MS / 1000} s`)),
      TIMEOUT_MS,
    );
    child.on("error", fail);
    child.on("close", (code) => {
      clearTimeout(timer);
      code === 0 ? done(out) : fail(new Error(`Chromium exited with ${code}`));
    });
  });
} catch (error) {
  killAll();
  rmSync(profile, { recursive: true, force: true });
  console.error(String(error));
  console.error(stderr.split("\n").slice(-15).join("\n"));
  console.log("checks: 0 passed, 1 failed");
  process.exit(1);
}
killAll();
rmSync(profile, { recursive: true, force: true });

const match = /<pre id="result">([\s\S]*?)<\/pre>/.exec(dom);
const text = (match?.[1] ?? "")
  .replaceAll("&quot;", '"')
  .replaceAll("&lt;", "<")
  .replaceAll("&gt;", ">")
  .replaceAll("&amp;", "&");
const checks = [];
const check = (name, fn) => {
  try {
    fn();
    checks.push([name, true]);
  } catch (error) {
    checks.push([name, false]);
    console.error(`✗ ${name}: ${error.message}`);
  }
};
let page;
check("the page ran its module script and wrote a JSON result", () => {
  page = JSON.parse(text);
  assert.equal(page.error, undefined, page.error);
});
if (page && page.error === undefined) {
  const lib = await import("support-metrics");
  check("the browser's result equals Node's, value for value (same dist)", () => assert.deepEqual(page, compute(lib)));
  check("known answers: merged tally, instant, z, error code", () => {
    assert.deepEqual(page.merged, { promoters: 55, passives: 27, detractors: 18 });
    assert.equal(page.instant, Date.UTC(2024, 2, 20, 9, 42));
    assert.ok(Math.abs(page.z975 - 1.959964) < 5e-7);
    assert.equal(page.errorCode, "invalid_instant");
    if ("nps" in page) assert.equal(page.nps, -10);
    if ("mergedNps" in page) assert.equal(page.mergedNps, 37);
  });
  check("the module came over HTTP from dist/ through the import map", () =>
    assert.ok(served.includes("dist/index.js"), `served: ${served.join(", ")}`),
  );
  console.log(
    `browser computed with ${page.exports.length} exports: ${JSON.stringify({ ...page, exports: undefined })}`,
  );
}
for (const [name, ok] of checks) console.log(`${ok ? "✓" : "✗"} ${name}`);
const failed = checks.filter(([, ok]) => !ok).length;
console.log(`checks: ${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
