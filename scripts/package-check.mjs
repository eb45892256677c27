#!/usr/bin/env node
// Package hygiene (part of `npm test`): publint --strict, attw --pack, zero
// runtime dependencies, `sideEffects: false`, what `npm pack` ships, jsr.json in
// step with package.json, and the size budget measured with esbuild from the
// built ESM: the whole library minified + gzip, and a consumer importing one
// function (`nps`, or `mergeCounts` until `nps` exists) tree-shaken.
// `node scripts/package-check.mjs --size` prints only the size figures.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

/** Budgets in bytes after minify + gzip -9. Lower them as the library allows; never raise past the issue's 30 kB / 1.5 kB. */
export const BUDGET = { wholeGzip: 30_000, singleGzip: 1_500 };

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

function tool(cmd, args) {
  const run = spawnSync(cmd, args, {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  const out = `${run.stdout ?? ""}${run.stderr ?? ""}`
    .split("\n")
    .filter((l) => !l.startsWith("npm warn"))
    .join("\n");
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${run.status ?? run.signal}\n${out}`);
  return out;
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
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, meta: result.metafile };
}

/** Minified and gzipped sizes of the whole library and of a one-function consumer. */
export async function measureSizes() {
  const lib = await import(join(root, "dist/index.js"));
  const single = typeof lib.nps === "function" ? "nps" : "mergeCounts";
  const whole = await bundle({ entryPoints: ["dist/index.js"] });
  const one = await bundle({
    stdin: { contents: `export { ${single} } from "./dist/index.js";`, resolveDir: root, sourcefile: "consumer.js" },
  });
  // What every importer pays for whatever it imports: top-level code esbuild must
  // keep (a call or `new` at module level). `/* @__PURE__ */` or lazy init removes it.
  const kept = await build({
    stdin: { contents: 'import "./dist/index.js";', resolveDir: root },
    bundle: true,
    format: "esm",
    platform: "neutral",
    write: false,
    ignoreAnnotations: true, // ignore `sideEffects: false` so the kept top-level code shows
    logLevel: "silent",
  });
  const residue = kept.outputFiles[0].text
    .split("\n")
    .filter((line) => /^(var|let|const) [\w$]+ = .*(\(|\bnew\b)/.test(line) || /^[\w$.]+\(/.test(line));
  return { single, whole, one, residue };
}

const kb = (n) => `${(n / 1000).toFixed(2)} kB`;

if (process.argv.includes("--size")) {
  const { single, whole, one, residue } = await measureSizes();
  console.log(`whole library: ${kb(whole.min)} min, ${kb(whole.gzip)} min+gzip (budget ${kb(BUDGET.wholeGzip)})`);
  console.log(`${single} alone: ${one.min} B min, ${one.gzip} B min+gzip (budget ${BUDGET.singleGzip} B)`);
  if (residue.length > 0) console.log(`top-level code every importer keeps:\n  ${residue.join("\n  ")}`);
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
  for (const file of ["dist/index.js", "dist/index.cjs"]) {
    const { meta } = await bundle({ entryPoints: [file], format: file.endsWith(".cjs") ? "cjs" : "esm" });
    const inputs = Object.keys(meta.inputs);
    assert.deepEqual(inputs, [file], `${file} pulls in ${inputs.join(", ")}`);
    const imports = Object.values(meta.outputs).flatMap((o) => o.imports.map((i) => i.path));
    assert.deepEqual(imports, [], `${file} imports ${imports.join(", ")}`);
  }
  const text = readFileSync(join(root, "dist/index.cjs"), "utf8");
  assert.doesNotMatch(text, /\brequire\(/, "dist/index.cjs calls require()");
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
    "src/index.ts",
  ]) {
    assert.ok(files.includes(need), `missing ${need}`);
  }
  const stray = files.filter((f) => /^(test|bench|docs|examples|scripts|reports)\//.test(f) || f.endsWith(".test.ts"));
  assert.deepEqual(stray, [], `ships ${stray.join(", ")}`);
  return `${files.length} files, ${kb(packed.size)} packed`;
});
await check("jsr.json matches package.json (name, version, license, entry)", () => {
  const jsr = JSON.parse(readFileSync(join(root, "jsr.json"), "utf8"));
  assert.equal(jsr.version, pkg.version, "version: run `node scripts/sync-jsr.mjs` after `changeset version`");
  assert.equal(jsr.license, pkg.license);
  assert.equal(jsr.exports, "./src/index.ts");
  assert.match(jsr.name, new RegExp(`^@[a-z0-9-]+/${pkg.name}$`));
});
let sizes;
await check(`size budget: whole library ≤ ${kb(BUDGET.wholeGzip)} min+gzip`, async () => {
  sizes = await measureSizes();
  assert.ok(sizes.whole.gzip <= BUDGET.wholeGzip, `${kb(sizes.whole.gzip)} is over the budget`);
  return `${kb(sizes.whole.min)} min, ${kb(sizes.whole.gzip)} min+gzip`;
});
await check(`size budget: one function tree-shaken ≤ ${BUDGET.singleGzip} B min+gzip`, () => {
  const { single, one, whole, residue } = sizes;
  assert.ok(
    one.gzip <= BUDGET.singleGzip,
    `${single} alone is ${one.gzip} B; top-level code every importer keeps:\n    ${residue.join("\n    ")}`,
  );
  // Tree-shaking must actually drop the rest once there is a rest to drop.
  if (whole.min > 4 * one.min) assert.ok(one.min < whole.min / 2, `${single} pulled in most of the library`);
  return `import { ${single} }: ${one.min} B min, ${one.gzip} B min+gzip`;
});

const failed = results.filter(([, ok]) => !ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
