#!/usr/bin/env node
// `npm test`: every check the project has, in order, then one plain line
// `N passed, N failed` (the line CI reads). vitest's tests count one each; each
// other step counts as one check (or reports its own count on a line
// `checks: N passed, N failed`). A failing typecheck, lint or build stops the run:
// the steps after it would only repeat its failure.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const steps = [
  { name: "typecheck (src)", cmd: "npx", args: ["tsc", "-p", "tsconfig.json", "--noEmit"], gate: true },
  {
    name: "typecheck (tests, examples)",
    cmd: "npx",
    args: ["tsc", "-p", "tsconfig.test.json", "--noEmit"],
    gate: true,
  },
  { name: "biome check", cmd: "npx", args: ["biome", "check", "."], gate: true },
  {
    name: "layers (dependency-cruiser: no cycles, no node: imports, areas meet through index.ts)",
    cmd: "npx",
    args: ["depcruise", "src", "--config", ".dependency-cruiser.cjs"],
  },
  { name: "build", cmd: "npx", args: ["tsup"], gate: true },
  {
    name: "vitest",
    cmd: "npx",
    args: ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"],
    vitest: true,
  },
  { name: "smoke: dist as ESM and CJS", cmd: "node", args: ["scripts/smoke.mjs"] },
  { name: "docs (typedoc, validation as errors)", cmd: "npx", args: ["typedoc"] },
];
for (const extra of ["scripts/test-extra.mjs"]) {
  if (existsSync(extra)) steps.push(...(await import(`../${extra}`)).steps);
}

let passed = 0;
let failed = 0;
const failedSteps = [];
for (const step of steps) {
  const started = Date.now();
  console.log(`\n▶ ${step.name}`);
  if (step.vitest) rmSync("reports/vitest.json", { force: true });
  const run = spawnSync(step.cmd, step.args, {
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  const out = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  process.stdout.write(
    out
      .split("\n")
      .filter(
        (l) =>
          !l.includes('Unknown user config "nodedir"') &&
          !l.includes("This will stop working in the next major version of npm"),
      )
      .join("\n"),
  );
  const ok = run.status === 0;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (step.vitest && existsSync("reports/vitest.json")) {
    const report = JSON.parse(readFileSync("reports/vitest.json", "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!ok && report.numFailedTests === 0) failed += 1; // a suite that failed to load
    console.log(`\n◀ ${step.name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${seconds} s)`);
  } else {
    const own = /checks: (\d+) passed, (\d+) failed/.exec(out);
    if (own) {
      passed += Number(own[1]);
      failed += Number(own[2]);
      if (!ok && Number(own[2]) === 0) failed += 1;
    } else if (ok) passed += 1;
    else failed += 1;
    console.log(`\n◀ ${step.name}: ${ok ? "ok" : `FAILED (exit ${run.status ?? run.signal})`} (${seconds} s)`);
  }
  if (!ok) failedSteps.push(step.name);
  if (!ok && step.gate) break;
}
if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || failedSteps.length > 0 ? 1 : 0;
