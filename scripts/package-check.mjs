#!/usr/bin/env node
// Package hygiene (part of `npm test`): publint --strict, attw --pack, zero
// runtime dependencies, `sideEffects: false`, what `npm pack` ships, jsr.json in
// step with package.json, and the per-import size budgets of `.size-limit.json`
// (size-limit with esbuild: one named import, tree-shaken, minified, gzipped).
// `node scripts/package-check.mjs --size` prints only the size figures.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const bin = (name) => join(root, "node_modules/.bin", name);
const results = [];

async function check(name, fn) {
  try {
    const note = await fn();
    results.push([name, true]);
    console.log(`✓ ${name}${note ? `: ${note}` : ""}`);
  } catch (error) {
    results.push([name, false]);
    console.log(`✗ ${name}: ${error.message}`);
  }
}

function tool(cmd, args, { allowFailure = false, cwd = root } = {}) {
  const run = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const out = `${run.stdout ?? ""}${run.stderr ?? ""}`
    .split("\n")
    .filter((l) => !l.startsWith("npm warn"))
    .join("\n");
  if (run.status !== 0 && !allowFailure)
    throw new Error(`${cmd} ${args.join(" ")} exited ${run.status ?? run.signal}\n${out}`);
  return out;
}

function toolIn(cwd, cmd, args) {
  return tool(cmd, args, { cwd });
}

async function bundle(options) {
  const result = await build({
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: root,
    ...options,
  });
  return { meta: result.metafile };
}

/**
 * Per-import sizes from size-limit (`.size-limit.json`): what a consumer's bundle
 * grows by when it imports one entry, tree-shaken by esbuild, minified and gzipped.
 */
export function measureSizes() {
  const out = tool(bin("size-limit"), ["--json"], { allowFailure: true });
  const start = out.indexOf("[");
  if (start < 0) throw new Error(`size-limit printed no results:\n${out}`);
  return JSON.parse(out.slice(start));
}

const kb = (n) => `${(n / 1000).toFixed(2)} kB`;

if (process.argv.includes("--readme")) {
  // Rewrites the README's size table (between <!-- size:start --> and <!-- size:end -->).
  const bytes = (n) => (n < 1000 ? `${n} B` : kb(n));
  const rows = [
    ["import", "size", "budget"],
    ...measureSizes().map((e) => [e.name, bytes(e.size), bytes(e.sizeLimit)]),
  ];
  // Columns padded to their widest cell, as a Markdown formatter would leave them.
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (cells) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  const table = [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const updated = readme.replace(/(<!-- size:start -->\n)[\s\S]*?(\n<!-- size:end -->)/, `$1${table}$2`);
  writeFileSync(join(root, "README.md"), updated);
  process.exit(0);
}

if (process.argv.includes("--size")) {
  for (const entry of measureSizes()) {
    console.log(`${entry.name}: ${entry.size} B min+gzip (budget ${entry.sizeLimit} B)${entry.passed ? "" : "  OVER"}`);
  }
  process.exit(0);
}

await check("publint --strict", () => {
  const out = tool(bin("publint"), ["--strict"]);
  assert.match(out, /All good/, out);
});
await check("attw --pack (types resolve for node10, node16 CJS/ESM, bundler)", () => {
  const out = tool(bin("attw"), ["--pack", ".", "--format", "ascii"]);
  assert.match(out, /No problems found/, out);
});
await check("zero runtime dependencies", () => {
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "bundleDependencies"]) {
    const deps = Object.keys(pkg[field] ?? {});
    assert.deepEqual(deps, [], `package.json ${field}: ${deps.join(", ")}`);
  }
});
await check("the build imports nothing (no package, no node: builtin)", async () => {
  // Each public entry bundles to itself plus, for ESM, the chunks the entries share
  // (dist/chunk-*.js: one MetricInputError class for both entries); nothing else.
  for (const file of ["dist/index.js", "dist/index.cjs", "dist/adapters.js", "dist/adapters.cjs"]) {
    const { meta } = await bundle({ entryPoints: [file], format: file.endsWith(".cjs") ? "cjs" : "esm" });
    const inputs = Object.keys(meta.inputs).filter((input) => !/^dist\/chunk-[\w-]+\.js$/.test(input));
    assert.deepEqual(inputs, [file], `${file} pulls in ${inputs.join(", ")}`);
    const imports = Object.values(meta.outputs).flatMap((o) => o.imports.map((i) => i.path));
    assert.deepEqual(imports, [], `${file} imports ${imports.join(", ")}`);
  }
  for (const file of ["dist/index.cjs", "dist/adapters.cjs"]) {
    const text = readFileSync(join(root, file), "utf8");
    assert.doesNotMatch(text, /\brequire\(/, `${file} calls require()`);
  }
});
await check('"sideEffects": false', () => assert.equal(pkg.sideEffects, false));
await check("npm pack ships dist and src, no tests, no docs build", () => {
  const [packed] = JSON.parse(tool("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"]));
  const files = packed.files.map((f) => f.path);
  for (const need of [
    "package.json",
    "README.md",
    "dist/index.js",
    "dist/index.cjs",
    "dist/index.d.ts",
    "dist/index.d.cts",
    "dist/adapters.js",
    "dist/adapters.cjs",
    "dist/adapters.d.ts",
    "dist/adapters.d.cts",
    "src/index.ts",
    "src/adapters/index.ts",
    "adapters/package.json",
  ]) {
    assert.ok(files.includes(need), `missing ${need}`);
  }
  const stray = files.filter((f) => /^(test|bench|docs|examples|scripts|reports)\//.test(f) || f.endsWith(".test.ts"));
  assert.deepEqual(stray, [], `ships ${stray.join(", ")}`);
  return `${files.length} files, ${kb(packed.size)} packed`;
});
await check("jsr.json matches package.json (name, version, license, entries)", () => {
  const jsr = JSON.parse(readFileSync(join(root, "jsr.json"), "utf8"));
  assert.equal(jsr.version, pkg.version, "version: run `node scripts/sync-jsr.mjs` after `changeset version`");
  assert.equal(jsr.license, pkg.license);
  assert.deepEqual(jsr.exports, { ".": "./src/index.ts", "./adapters": "./src/adapters/index.ts" });
  const subpaths = Object.keys(pkg.exports).filter((key) => key !== "./package.json");
  assert.deepEqual(Object.keys(jsr.exports), subpaths, "jsr.json exports the same entries as package.json");
  assert.match(jsr.name, new RegExp(`^@[a-z0-9-]+/${pkg.name}$`));
});
await check("a fresh git clone packs and installs without a manual build (prepare)", () => {
  // What `npm install github:…` or `npm install ../support-metrics` does: npm runs
  // `prepare` (the build) in a clone that has no dist/. The clone borrows this
  // checkout's node_modules; the packed tarball is then installed in an empty
  // project and imported as ESM and CJS.
  const work = mkdtempSync(join(tmpdir(), "support-metrics-pack-"));
  try {
    const clone = join(work, "clone");
    tool("git", ["clone", "--quiet", "--no-local", root, clone]);
    symlinkSync(join(root, "node_modules"), join(clone, "node_modules"), "dir");
    assert.ok(!existsSync(join(clone, "dist")), "a fresh clone has no dist/");
    toolIn(clone, "npm", ["pack", "--pack-destination", work]);
    const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
    assert.ok(tarball, "npm pack wrote no tarball");
    const consumer = join(work, "consumer");
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), '{ "name": "consumer", "private": true }\n');
    toolIn(consumer, "npm", ["install", "--offline", "--no-audit", "--no-fund", join(work, tarball)]);
    const probe =
      'import("support-metrics").then((m) => console.log(m.nps([10, 9, 0]), require("support-metrics").csat([5, 4, 1])))';
    const out = toolIn(consumer, "node", ["-e", probe]).trim();
    assert.equal(out, "33.333333333333336 66.66666666666667");
    return `${tarball} from a fresh clone`;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
await check("size budgets per import (size-limit, .size-limit.json)", () => {
  const entries = measureSizes();
  const over = entries.filter((entry) => !entry.passed);
  assert.deepEqual(
    over.map((entry) => `${entry.name}: ${entry.size} B > ${entry.sizeLimit} B`),
    [],
    "over budget",
  );
  return entries.map((entry) => `${entry.name} ${entry.size} B`).join(", ");
});

const failed = results.filter(([, ok]) => !ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
