#!/usr/bin/env node
// Notebook check (`npm run test:notebook`, and a step of `npm test`): executes
// examples/notebook.ipynb headless with a real Jupyter and Deno's kernel, and
// checks that every rich output carries text/html and image/svg+xml (each
// result the notebook shows has a chart) and that no cell failed.
// Jupyter: Debian's jupyter-nbconvert and jupyter-client, installed here when
// missing and permitted (scripts/system-packages.mjs). The kernel is installed
// with `deno jupyter --install` into a temporary HOME, so the machine's own
// Jupyter kernels are left alone. Needs the build (`npm run build`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureDebianPackages } from "./system-packages.mjs";

const root = resolve(import.meta.dirname, "..");
const fail = (why) => {
  console.error(`notebook: ${why}`);
  console.log("checks: 0 passed, 1 failed");
  process.exit(1);
};
if (!existsSync(join(root, "dist/index.js"))) fail("dist/index.js is missing (npm run build)");
const nbconvert = ensureDebianPackages({
  paths: ["/usr/bin/jupyter-nbconvert"],
  packages: ["jupyter-nbconvert", "jupyter-client"],
  what: "notebook test",
});
if (!nbconvert) fail("jupyter-nbconvert not found");
const deno = join(root, "node_modules/.bin/deno");
if (!existsSync(deno)) fail("deno not found (npm install)");

const home = mkdtempSync(join(tmpdir(), "support-metrics-jupyter-"));
const env = { ...process.env, HOME: home, JUPYTER_PLATFORM_DIRS: "1" };
try {
  const install = spawnSync(deno, ["jupyter", "--install"], { env, encoding: "utf8", timeout: 120_000 });
  if (install.status !== 0) fail(`deno jupyter --install failed:\n${install.stderr}`);
  const output = join(home, "executed.ipynb");
  // Deno's kernel sometimes reports a cell idle before its output reaches nbclient, which then
  // saves the cell without output (seen about once in six runs on a loaded machine). A run where
  // some code cell has no output at all is run again, up to three times, and said so; a run where
  // an output lacks a MIME type is never retried.
  let notebook;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const run = spawnSync(
      "/usr/bin/jupyter",
      [
        "nbconvert",
        "--to",
        "notebook",
        "--execute",
        "--ExecutePreprocessor.timeout=120",
        "--ExecutePreprocessor.iopub_timeout=30",
        "notebook.ipynb",
        "--output",
        output,
      ],
      { cwd: join(root, "examples"), env, encoding: "utf8", timeout: 300_000 },
    );
    if (run.status !== 0 || !existsSync(output))
      fail(`jupyter nbconvert --execute failed:\n${run.stderr?.slice(-2000)}`);
    notebook = JSON.parse(readFileSync(output, "utf8"));
    const silent = notebook.cells.findIndex((c) => c.cell_type === "code" && c.outputs.length === 0);
    if (silent < 0) break;
    console.error(`notebook: run ${attempt}: cell ${silent} came back without output (kernel race); running again`);
  }
  let passed = 0;
  let failed = 0;
  let rich = 0;
  for (const [i, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    if (cell.outputs.length === 0) {
      failed++;
      console.error(`notebook: cell ${i} has no output`);
    }
    for (const out of cell.outputs) {
      if (out.output_type === "error") {
        failed++;
        console.error(`notebook: cell ${i} failed: ${out.ename}: ${out.evalue}`);
      } else if (out.output_type === "execute_result" || out.output_type === "display_data") {
        rich++;
        const types = Object.keys(out.data ?? {});
        const ok = types.includes("text/html") && types.includes("image/svg+xml") && types.includes("text/plain");
        const svg = [out.data?.["image/svg+xml"]].flat().join("");
        if (ok && svg.startsWith("<svg") && svg.includes("<title")) passed++;
        else {
          failed++;
          console.error(
            `notebook: cell ${i} shows ${types.join(", ")}: expected text/plain, text/html and an image/svg+xml chart`,
          );
        }
      }
    }
  }
  // The ticket report's chart is its duration histogram, with the median and p90 marked.
  const histogram = notebook.cells.some((c) =>
    (c.outputs ?? []).some((out) => {
      const svg = [out.data?.["image/svg+xml"]].flat().join("");
      return svg.includes("First response and resolution times, all tickets") && svg.includes(">median ");
    }),
  );
  if (histogram) passed++;
  else {
    failed++;
    console.error("notebook: no cell shows the ticket report's duration histogram");
  }
  if (rich < 7) {
    failed++;
    console.error(`notebook: ${rich} rich outputs, expected 7`);
  }
  console.log(`notebook: ${rich} rich outputs executed by Jupyter with the Deno kernel`);
  console.log(`checks: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
} finally {
  rmSync(home, { recursive: true, force: true });
}
