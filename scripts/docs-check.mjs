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
const adapters = await import(join(root, "dist/adapters.js"));
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
    // With two entry points (the main entry and `support-metrics/adapters`) the
    // site's top level is one module per entry; each module holds its exports and
    // their categories, and the guides stay at the project level.
    const modules = (project.children ?? []).filter((c) => c.kind === 2);
    const entries =
      modules.length > 0 ? modules : [{ name: "index", children: project.children, categories: project.categories }];
    check(`the guides are project documents, outside every export category`, () => {
      const docIds = new Set((project.documents ?? []).map((d) => d.id));
      assert.equal(docIds.size, (project.documents ?? []).length);
      const inCategories = entries.flatMap((m) => (m.categories ?? []).flatMap((c) => c.children));
      assert.deepEqual(
        [...docIds].filter((id) => inCategories.includes(id)),
        [],
      );
      const category = entries.flatMap((m) => m.categories ?? []).find((c) => c.title === guideCategory);
      const strays = category
        ? entries.flatMap((m) => m.children ?? []).filter((c) => category.children.includes(c.id))
        : [];
      assert.deepEqual(
        strays.map((c) => c.name),
        [],
        "exports without @category",
      );
    });
    check("every runtime export has a page, a known @category and a search entry", () => {
      const known = new Set(config.categoryOrder.filter((c) => c !== "*" && c !== guideCategory));
      const pages = readdirSync(join(site, "functions"))
        .concat(
          ...["classes", "variables"].map((kind) =>
            existsSync(join(site, kind)) ? readdirSync(join(site, kind)) : [],
          ),
        )
        .map((f) => f.replace(/\.html$/, ""));
      const problems = [];
      const libs = { index: lib, adapters: adapters };
      for (const entry of entries) {
        const exports = libs[entry.name];
        assert.ok(exports, `no build for the docs module ${entry.name}`);
        const categoryOf = new Map();
        for (const c of entry.categories ?? []) for (const id of c.children) categoryOf.set(id, c.title);
        for (const name of Object.keys(exports)) {
          const reflection = (entry.children ?? []).find((c) => c.name === name);
          if (!reflection) problems.push(`${entry.name}.${name}: not in the docs`);
          else if (!known.has(categoryOf.get(reflection.id))) {
            problems.push(`${entry.name}.${name}: category ${categoryOf.get(reflection.id)}`);
          }
          const page = modules.length > 0 ? `${entry.name}.${name}` : name;
          if (!pages.includes(page)) problems.push(`${entry.name}.${name}: no page`);
          if (!searchNames.has(name)) problems.push(`${entry.name}.${name}: not searchable`);
        }
      }
      assert.deepEqual(problems, []);
      return `${Object.keys(lib).length} + ${Object.keys(adapters).length} exports`;
    });
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
const failed = results.filter((ok) => !ok).length;
console.log(`checks: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
