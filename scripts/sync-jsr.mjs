#!/usr/bin/env node
// Copies package.json's version into jsr.json (run after `changeset version`,
// which bumps package.json only). `npm test` fails while the two differ.
import { readFileSync, writeFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const jsr = JSON.parse(readFileSync("jsr.json", "utf8"));
if (jsr.version !== pkg.version) {
  jsr.version = pkg.version;
  writeFileSync("jsr.json", `${JSON.stringify(jsr, null, 2)}\n`);
  console.log(`jsr.json: version ${pkg.version}`);
}
