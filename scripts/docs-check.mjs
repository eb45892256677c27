#!/usr/bin/env node
// Docs site structure (part of `npm test`; the strict typedoc build, with
// undocumented exports and broken links as errors, is its own step): builds the
// site into a temporary folder and checks that every hand-written guide in
// docs/guides/ is a page of the site and in its search index, that every runtime
// export has a page and is in one of the areas' categories (not left without
// `@category`), and that the search index covers the exports.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inflateSync } from "node:zlib";

const root = resolve(import.meta.dirname, "..");
const config = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8"));
const lib = await import(join(root, "dist/index.js"));
const out = mkdtempSync(join(tmpdir(), "support-metrics-docs-"));
const results = [];
const check = (name, fn) => {
  try {
    const note = fn();
    results.push(true);
    console.log(`✓ ${name}${note ? `: ${note}` : ""}`);
  } catch (error) {
    results.push(false);
    console.log(`✗ ${name}: ${error.message}`);
  }
};

try {
  const run = spawnSync(
    join(root, "node_modules/.bin/typedoc"),
    [
      "--out",
      join(out, "site"),
      "--json",
      join(out, "site.json"),
      "--treatWarningsAsErrors",
      "false",
      "--treatValidationWarningsAsErrors",
      "false",
      "--logLevel",
      "Error",
    ],
    { cwd: root, encoding: "utf8", timeout: 180_000, killSignal: "SIGKILL" },
  );
  check("typedoc builds the site (warnings allowed here; the docs step makes them errors)", () =>
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`),
  );
  if (run.status === 0) {
    const site = join(out, "site");
    const project = JSON.parse(readFileSync(join(out, "site.json"), "utf8"));
    const guideCategory = config.defaultCategory;
    const searchData = /"([^"]+)"/.exec(readFileSync(join(site, "assets/search.js"), "utf8"))?.[1] ?? "";
    const search = JSON.parse(inflateSync(Buffer.from(searchData, "base64")).toString("utf8"));
    const searchNames = new Set(search.rows.map((r) => r.name));

    const guides = readdirSync(join(root, "docs/guides")).filter((f) => f.endsWith(".md"));
    check(`every guide in docs/guides (${guides.length}) is a page of the site and searchable`, () => {
      for (const file of guides) {
        const text = readFileSync(join(root, "docs/guides", file), "utf8");
        const title = /^---\n[\s\S]*?^title:\s*(.+)$[\s\S]*?^---$/m.exec(text)?.[1]?.trim();
        assert.ok(title, `${file} has no front-matter title`);
        const doc = (project.documents ?? []).find((d) => d.name === title);
        assert.ok(doc, `${file} ("${title}") is not in the site`);
        assert.ok(searchNames.has(title), `${file} ("${title}") is not in the search index`);
      }
      return guides.join(", ");
    });
    check(`the guides are listed under "${guideCategory}"`, () => {
      const docIds = new Set((project.documents ?? []).map((d) => d.id));
      const category = (project.categories ?? []).find((c) => c.title === guideCategory);
      const ids = category?.children ?? [];
      const strays = (project.children ?? []).filter((c) => ids.includes(c.id)).map((c) => c.name);
      assert.deepEqual(strays, [], `exports without @category: ${strays.join(", ")}`);
      assert.deepEqual(
        [...docIds].filter((id) => !ids.includes(id)),
        [],
      );
    });
    check("every runtime export has a page, a known @category and a search entry", () => {
      const known = new Set(config.categoryOrder.filter((c) => c !== "*" && c !== guideCategory));
      const categoryOf = new Map();
      for (const c of project.categories ?? []) for (const id of c.children) categoryOf.set(id, c.title);
      const problems = [];
      const names = readdirSync(join(site, "functions"))
        .concat(existsSync(join(site, "classes")) ? readdirSync(join(site, "classes")) : [])
        .map((f) => f.replace(/\.html$/, ""));
      for (const name of Object.keys(lib)) {
        const reflection = (project.children ?? []).find((c) => c.name === name);
        if (!reflection) problems.push(`${name}: not in the docs`);
        else if (!known.has(categoryOf.get(reflection.id))) {
          problems.push(`${name}: category ${categoryOf.get(reflection.id)}`);
        }
        if (!names.includes(name)) problems.push(`${name}: no page`);
        if (!searchNames.has(name)) problems.push(`${name}: not searchable`);
      }
      assert.deepEqual(problems, []);
      return `${Object.keys(lib).length} exports`;
    });
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
const failed = results.filter((ok) => !ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
