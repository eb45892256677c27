#!/usr/bin/env node
// Deno, Bun and the examples (part of `npm test`), from the deno and bun npm
// packages in node_modules. Each run is bounded and reports its own count on a
// line `checks: N passed, N failed`, the line scripts/test.mjs reads.
//   node scripts/runtimes.mjs deno-test     the Deno suite (test/deno) on src and dist
//   node scripts/runtimes.mjs deno-publish  deno publish --dry-run (jsr.json, slow types)
//   node scripts/runtimes.mjs bun-test      the whole vitest suite under `bun test`
//   node scripts/runtimes.mjs examples      examples/node.mjs, deno.ts, bun.ts, servicenow.ts, kaggle.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = (name) => join(root, "node_modules/.bin", name);

function run(cmd, args, timeoutMs = 300_000) {
  const { FORCE_COLOR: _, ...env } = process.env; // deno colours whenever FORCE_COLOR is set, even to 0
  const started = Date.now();
  const result = spawnSync(cmd, args, {
    cwd: root,
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colours
  const out = `${result.stdout ?? ""}${result.stderr ?? ""}`.replace(/\x1b\[[0-9;]*m/g, "");
  const timedOut = result.error?.code === "ETIMEDOUT";
  if (timedOut) console.error(`${cmd} ${args.join(" ")}: killed after ${timeoutMs / 1000} s`);
  if (result.error && !timedOut) console.error(String(result.error));
  return { status: timedOut ? "timeout" : result.status, out, seconds: (Date.now() - started) / 1000 };
}

function report(passed, failed) {
  console.log(`checks: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

const needDist = () => {
  if (!existsSync(join(root, "dist/index.js"))) {
    console.error("dist/index.js is missing: run `npm run build` first");
    report(0, 1);
    process.exit();
  }
};

const tasks = {
  "deno-test"() {
    needDist();
    // --no-check: the typecheck of src is tsc's job (and deno publish checks the types
    // JSR users get). --allow-read=dist only: loading the library needs no permission.
    const r = run(bin("deno"), [
      "test",
      "--no-check",
      "--sloppy-imports",
      "--allow-read=dist",
      "--no-prompt",
      "test/deno/exports.deno.ts",
    ]);
    process.stdout.write(
      r.out
        .split("\n")
        .filter((l) => !/\.\.\. ignored/.test(l))
        .join("\n"),
    );
    const m = /(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed(?: \| (\d+) ignored)?/.exec(r.out);
    if (!m) return report(0, 1);
    if (m[3]) console.log(`(${m[3]} cases ignored: their export does not exist yet)`);
    report(Number(m[1]), Number(m[2]) + (r.status === 0 || Number(m[2]) > 0 ? 0 : 1));
  },
  "deno-publish"() {
    const r = run(bin("deno"), ["publish", "--dry-run", "--allow-dirty", "--no-check=remote"]);
    process.stdout.write(r.out);
    report(r.status === 0 ? 1 : 0, r.status === 0 ? 0 : 1);
  },
  "bun-test"() {
    needDist();
    // Bun maps `vitest` imports to bun:test; *.test-d.ts type tests are vitest-only
    // (bun does not collect them). --timeout matches vitest.config.ts.
    const r = run(bin("bun"), ["test", "--timeout", "30000", "./test/"], 900_000);
    const lines = r.out.split("\n");
    process.stdout.write(lines.filter((l) => !l.startsWith("(pass)")).join("\n"));
    const pass = /^\s*(\d+) pass$/m.exec(r.out);
    const fail = /^\s*(\d+) fail$/m.exec(r.out);
    if (!pass) return report(0, 1);
    const failed = Number(fail?.[1] ?? 0);
    console.log(`bun test: ${pass[1]} passed, ${failed} failed (${r.seconds.toFixed(1)} s)`);
    // One check: these are the vitest tests again, on another runtime; counting them
    // one by one would double the headline figure without adding distinct tests.
    const ok = failed === 0 && r.status === 0 && Number(pass[1]) > 0;
    report(ok ? 1 : 0, ok ? 0 : 1);
  },
  examples() {
    needDist();
    const expected = ['merged tally: {"promoters":55,"passives":27,"detractors":18}', "first response after 42 min"];
    const runs = [
      ["examples/node.mjs (Node, by package name)", process.execPath, ["examples/node.mjs"]],
      ["examples/deno.ts (Deno, no permissions)", bin("deno"), ["run", "--no-prompt", "examples/deno.ts"]],
      ["examples/bun.ts (Bun, by package name)", bin("bun"), ["examples/bun.ts"]],
    ];
    // Real exports end to end (Node, by package name): each run must print its own lines.
    const own = {
      "examples/servicenow.ts": ["every incident is a ticket or set aside: 69 tickets + 5 set aside = 74"],
      "examples/kaggle.ts": ["inverted timestamps (resolution before first response): 13", "unanswered surveys: 37"],
    };
    for (const file of Object.keys(own)) runs.push([`${file} (Node, real data)`, bin("tsx"), [file]]);
    let passed = 0;
    for (const [name, cmd, args] of runs) {
      const r = run(cmd, args, 60_000);
      const wanted = own[args[0]] ?? expected;
      const missing = wanted.filter((line) => !r.out.includes(line));
      const ok = r.status === 0 && missing.length === 0;
      if (ok) passed++;
      console.log(`${ok ? "✓" : "✗"} ${name}`);
      if (!ok) console.log(`  exit ${r.status}; missing ${JSON.stringify(missing)}\n${r.out}`);
    }
    report(passed, runs.length - passed);
  },
};

const task = tasks[process.argv[2]];
if (!task) {
  console.error(`usage: node scripts/runtimes.mjs ${Object.keys(tasks).join(" | ")}`);
  process.exit(2);
}
task();
