/**
 * Extracts the `@example` blocks from the TSDoc of `src/` and turns each into
 * a runnable check. Conventions inside an example:
 * - `expr; // => value`: `expr` must equal `value`. Integers compare exactly
 *   (and `0` is not `-0`); a decimal with k digits matches to ±0.5·10^-k, the
 *   precision it shows. Objects and arrays compare by their own keys.
 * - `expr; // throws code`: `expr` must throw an error whose `code` is `code`.
 * - `import { … } from "support-metrics"` gives the named exports.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface DocExample {
  file: string;
  line: number;
  symbol: string;
  code: string;
}

export function srcFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...srcFiles(p));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) out.push(p);
  }
  return out.sort();
}

/** Every `@example` fenced block in the doc comments of `file`. */
export function extractExamples(file: string, root: string): DocExample[] {
  const text = readFileSync(file, "utf8");
  const out: DocExample[] = [];
  const commentRe = /\/\*\*([\s\S]*?)\*\//g;
  for (let m = commentRe.exec(text); m !== null; m = commentRe.exec(text)) {
    const body = m[1]!.replace(/^[ \t]*\* ?/gm, "");
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 300);
    const decl =
      /export\s+(?:declare\s+)?(?:abstract\s+)?(?:function\*?|class|const|let|interface|type|enum)\s+([A-Za-z0-9_$]+)/.exec(
        after,
      );
    const symbol = decl?.[1] ?? "(unknown)";
    const exRe = /@example[^\n]*\n\s*```(?:ts|typescript|js)?\n([\s\S]*?)```/g;
    for (let e = exRe.exec(body); e !== null; e = exRe.exec(body)) {
      const line = text.slice(0, m.index).split("\n").length;
      out.push({ file: relative(root, file), line, symbol, code: e[1]! });
    }
  }
  return out;
}

/** Does this doc comment precede an exported function or class without an example? */
export function exportedWithoutExample(file: string, root: string): string[] {
  const text = readFileSync(file, "utf8");
  const missing: string[] = [];
  const re = /(\/\*\*[\s\S]*?\*\/\s*)?export\s+(?:function|class)\s+([A-Za-z0-9_$]+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!m[1]?.includes("@example")) missing.push(`${relative(root, file)}: ${m[2]}`);
  }
  return missing;
}

/** Turns an example into JavaScript calling `__check`, `__throws`, `__num` and reading `__lib`. */
export function compileExample(code: string): { js: string; checks: number } {
  const sf = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  let checks = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const names: string[] = [];
      const bindings = node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          names.push(el.propertyName ? `${el.propertyName.text}: ${el.name.text}` : el.name.text);
        }
      }
      const typeOnly = node.importClause?.isTypeOnly;
      edits.push({
        start: node.getStart(sf),
        end: node.end,
        text: typeOnly || names.length === 0 ? "" : `const { ${names.join(", ")} } = __lib;`,
      });
      return;
    }
    if (ts.isExpressionStatement(node)) {
      const comments = ts.getTrailingCommentRanges(code, node.end) ?? [];
      const c = comments[0];
      if (c) {
        const comment = code.slice(c.pos, c.end);
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        const expr = node.expression.getText(sf);
        const arrow = /^\/\/\s*=>\s*([\s\S]*)$/.exec(comment);
        const throws = /^\/\/\s*throws\s+([a-z_]+)\s*$/.exec(comment);
        if (arrow) {
          checks++;
          edits.push({
            start: node.getStart(sf),
            end: c.end,
            text: `__check(() => (${expr}), ${numbersToMarkers(arrow[1]!.trim())}, ${line}, ${JSON.stringify(expr)});`,
          });
        } else if (throws) {
          checks++;
          edits.push({
            start: node.getStart(sf),
            end: c.end,
            text: `__throws(() => { ${expr}; }, ${JSON.stringify(throws[1])}, ${line}, ${JSON.stringify(expr)});`,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const js = ts.transpileModule(out, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return { js, checks };
}

function numbersToMarkers(expected: string): string {
  const sf = ts.createSourceFile("e.ts", `(${expected})`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPrefixUnaryExpression(node) &&
      node.operator === ts.SyntaxKind.MinusToken &&
      ts.isNumericLiteral(node.operand)
    ) {
      edits.push({
        start: node.getStart(sf),
        end: node.end,
        text: `__num(${JSON.stringify(`-${node.operand.text}`)})`,
      });
      return;
    }
    if (ts.isNumericLiteral(node)) {
      edits.push({ start: node.getStart(sf), end: node.end, text: `__num(${JSON.stringify(node.getText(sf))})` });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = `(${expected})`;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** A number written in an example, with the precision it shows. */
export class Approx {
  readonly value: number;
  readonly tolerance: number;
  constructor(readonly text: string) {
    this.value = Number(text.replace(/_/g, ""));
    const frac = /\.(\d+)(?:e|$)/i.exec(text);
    this.tolerance = frac ? 0.5 * 10 ** -frac[1]!.length * (1 + 1e-9) : 0;
  }
}

/** Compares `actual` with an expected value containing `Approx` markers; returns a reason or null. */
export function mismatch(actual: unknown, expected: unknown, path = "result"): string | null {
  if (expected instanceof Approx) {
    if (typeof actual !== "number") return `${path}: expected number ${expected.text} but got ${String(actual)}`;
    if (expected.tolerance === 0) {
      return Object.is(actual, expected.value) ? null : `${path}: expected exactly ${expected.text} but got ${actual}`;
    }
    return Math.abs(actual - expected.value) <= expected.tolerance
      ? null
      : `${path}: expected ${expected.text} (±${expected.tolerance}) but got ${actual}`;
  }
  if (expected === null || typeof expected !== "object") {
    return Object.is(actual, expected)
      ? null
      : `${path}: expected ${JSON.stringify(expected)} but got ${JSON.stringify(actual)}`;
  }
  if (actual === null || typeof actual !== "object") return `${path}: expected an object but got ${String(actual)}`;
  if (Array.isArray(expected)) {
    const arr = actual as unknown[];
    if (!Array.isArray(actual) && !ArrayBuffer.isView(actual)) return `${path}: expected an array`;
    if (arr.length !== expected.length) return `${path}: expected length ${expected.length} but got ${arr.length}`;
    for (let i = 0; i < expected.length; i++) {
      const r = mismatch(arr[i], expected[i], `${path}[${i}]`);
      if (r) return r;
    }
    return null;
  }
  const ek = Object.keys(expected).sort();
  const ak = Object.keys(actual)
    .filter((k) => (actual as Record<string, unknown>)[k] !== undefined)
    .sort();
  if (ek.join() !== ak.join()) return `${path}: expected keys ${ek.join(", ")} but got ${ak.join(", ")}`;
  for (const k of ek) {
    const r = mismatch(
      (actual as Record<string, unknown>)[k],
      (expected as Record<string, unknown>)[k],
      `${path}.${k}`,
    );
    if (r) return r;
  }
  return null;
}
