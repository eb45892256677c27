/**
 * Internal: small hand-written SVG charts. Deterministic (same input, same
 * bytes: coordinates are written with one decimal), accessible (`role="img"`,
 * a `<title>` and `<desc>`, text labels on every row and a `<title>` on every
 * mark; meaning never carried by colour alone: patterns and legends say it)
 * and self-contained (no fonts, scripts or images from elsewhere).
 */
import { escapeHtml } from "./table.js";

/** One row of an interval chart: a point estimate and its interval. */
export interface IntervalRow {
  readonly label: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** The row's text, e.g. `"+44.0 [+34.6, +52.4]"`, written right of the plot and in the mark's title. */
  readonly text: string;
}

/** Interval bars (a dot at the estimate, a line from lower to upper bound) per row, on a shared axis. */
export function intervalChart(spec: {
  readonly title: string;
  readonly description: string;
  readonly min: number;
  readonly max: number;
  readonly rows: readonly IntervalRow[];
}): string {
  const { min, max, rows } = spec;
  const x = (v: number): number => PLOT_LEFT + ((v - min) / (max - min)) * PLOT_WIDTH;
  const height = TOP + rows.length * ROW + AXIS;
  const parts: string[] = [open(spec.title, spec.description, height)];
  parts.push(axis(min, max, x, TOP, TOP + rows.length * ROW));
  rows.forEach((r, i) => {
    const y = TOP + i * ROW + ROW / 2;
    parts.push(`<g><title>${escapeHtml(`${r.label}: ${r.text}`)}</title>`);
    parts.push(label(r.label, y));
    if (r.lower !== null && r.upper !== null) {
      const a = x(clamp(r.lower, min, max));
      const b = x(clamp(r.upper, min, max));
      parts.push(
        `<line x1="${n(a)}" y1="${n(y)}" x2="${n(b)}" y2="${n(y)}" stroke="${INK}" stroke-width="2"/>`,
        `<line x1="${n(a)}" y1="${n(y - 5)}" x2="${n(a)}" y2="${n(y + 5)}" stroke="${INK}" stroke-width="2"/>`,
        `<line x1="${n(b)}" y1="${n(y - 5)}" x2="${n(b)}" y2="${n(y + 5)}" stroke="${INK}" stroke-width="2"/>`,
      );
    }
    if (r.value !== null)
      parts.push(`<circle cx="${n(x(clamp(r.value, min, max)))}" cy="${n(y)}" r="4" fill="${INK}"/>`);
    parts.push(valueText(r.text, y), "</g>");
  });
  parts.push("</svg>");
  return parts.join("");
}

/** One row of a bar chart: a value, maybe a marker (a tick) and its text. */
export interface BarRow {
  readonly label: string;
  readonly value: number | null;
  readonly marker?: number | null;
  readonly text: string;
}

/** Horizontal bars from 0 per row, with an optional tick marker (e.g. the p90 past the median bar). */
export function barChart(spec: {
  readonly title: string;
  readonly description: string;
  readonly rows: readonly BarRow[];
  /** What the bar and the marker mean, written as the legend. */
  readonly legend: string;
  /** The value at the right end of the plot (e.g. 100 for percentages). @defaultValue the largest value */
  readonly max?: number;
}): string {
  const top = spec.rows.reduce((m, r) => Math.max(m, r.value ?? 0, r.marker ?? 0), 0);
  const max = spec.max ?? (top > 0 ? top : 1);
  const x = (v: number): number => PLOT_LEFT + (v / max) * PLOT_WIDTH;
  const height = TOP + spec.rows.length * ROW + LEGEND;
  const parts: string[] = [open(spec.title, spec.description, height)];
  spec.rows.forEach((r, i) => {
    const y = TOP + i * ROW + ROW / 2;
    parts.push(`<g><title>${escapeHtml(`${r.label}: ${r.text}`)}</title>`, label(r.label, y));
    if (r.value !== null) {
      parts.push(
        `<rect x="${PLOT_LEFT}" y="${n(y - 7)}" width="${n(x(r.value) - PLOT_LEFT)}" height="14" fill="${FILL}" stroke="${INK}"/>`,
      );
    }
    if (r.marker !== undefined && r.marker !== null) {
      const m = x(r.marker);
      parts.push(
        `<line x1="${n(m)}" y1="${n(y - 9)}" x2="${n(m)}" y2="${n(y + 9)}" stroke="${INK}" stroke-width="3"/>`,
      );
    }
    parts.push(valueText(r.text, y), "</g>");
  });
  parts.push(legendText(spec.legend, TOP + spec.rows.length * ROW + 18), "</svg>");
  return parts.join("");
}

/** One row of a stacked bar chart: counts per part, and its text. */
export interface StackRow {
  readonly label: string;
  readonly counts: readonly number[];
  readonly text: string;
}

/** 100 % stacked bars: each part a share of the row, told apart by pattern and named in the legend. */
export function stackedChart(spec: {
  readonly title: string;
  readonly description: string;
  readonly parts: readonly string[];
  readonly rows: readonly StackRow[];
}): string {
  const height = TOP + spec.rows.length * ROW + LEGEND;
  const out: string[] = [open(spec.title, spec.description, height), PATTERNS];
  spec.rows.forEach((r, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const total = r.counts.reduce((s, c) => s + c, 0);
    out.push(`<g><title>${escapeHtml(`${r.label}: ${r.text}`)}</title>`, label(r.label, y));
    let left = PLOT_LEFT;
    r.counts.forEach((c, k) => {
      if (total === 0 || c === 0) return;
      const w = (c / total) * PLOT_WIDTH;
      out.push(
        `<rect x="${n(left)}" y="${n(y - 7)}" width="${n(w)}" height="14" fill="${FILLS[k % FILLS.length]}" stroke="${INK}"><title>${escapeHtml(`${r.label}, ${spec.parts[k] ?? ""}: ${c}`)}</title></rect>`,
      );
      left += w;
    });
    out.push(valueText(r.text, y), "</g>");
  });
  const ly = TOP + spec.rows.length * ROW + 12;
  let lx = PLOT_LEFT;
  spec.parts.forEach((name, k) => {
    out.push(
      `<rect x="${n(lx)}" y="${n(ly)}" width="12" height="12" fill="${FILLS[k % FILLS.length]}" stroke="${INK}"/>`,
      `<text x="${n(lx + 16)}" y="${n(ly + 10)}" font-size="12" fill="${INK}">${escapeHtml(name)}</text>`,
    );
    lx += 24 + name.length * 7;
  });
  out.push("</svg>");
  return out.join("");
}

export const WIDTH = 640;
const PLOT_LEFT = 120;
const PLOT_WIDTH = 360;
export const TOP = 30;
const ROW = 24;
const AXIS = 30;
const LEGEND = 32;
export const INK = "#1a1a1a";
export const FILL = "#7fa7d9";
/** Solid, hatched and dotted fills: the parts differ in pattern as well as in colour. */
const FILLS = ["#5b8fd1", "url(#sm-hatch)", "url(#sm-dots)"];
const PATTERNS =
  '<defs><pattern id="sm-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  '<rect width="6" height="6" fill="#f2b8a0"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a2d0b" stroke-width="2"/></pattern>' +
  '<pattern id="sm-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#eeeeee"/>' +
  '<circle cx="2.5" cy="2.5" r="1.2" fill="#555555"/></pattern></defs>';

/** The opening tag, title and description; the id is a hash of the content so a page can hold many. */
export function open(title: string, description: string, height: number): string {
  const id = `sm-${hash(`${title}\n${description}`)}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" font-family="system-ui, sans-serif">` +
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(description)}</desc>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    `<text x="8" y="18" font-size="14" font-weight="600" fill="${INK}">${escapeHtml(title)}</text>`
  );
}

function label(text: string, y: number): string {
  return `<text x="${PLOT_LEFT - 8}" y="${n(y + 4)}" font-size="12" text-anchor="end" fill="${INK}">${escapeHtml(text)}</text>`;
}

function valueText(text: string, y: number): string {
  return `<text x="${PLOT_LEFT + PLOT_WIDTH + 8}" y="${n(y + 4)}" font-size="12" fill="${INK}">${escapeHtml(text)}</text>`;
}

function legendText(text: string, y: number): string {
  return `<text x="${PLOT_LEFT}" y="${n(y)}" font-size="12" fill="${INK}">${escapeHtml(text)}</text>`;
}

/** The axis: ticks at a round step, a label on each, a stronger line at 0 when 0 is in range. */
function axis(min: number, max: number, x: (v: number) => number, top: number, bottom: number): string {
  const step = niceStep((max - min) / 5);
  const out: string[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) {
    const at = n(x(v));
    const zero = Math.abs(v) < 1e-9;
    out.push(
      `<line x1="${at}" y1="${top}" x2="${at}" y2="${bottom}" stroke="${zero ? "#555555" : "#dddddd"}" stroke-width="1"/>`,
      `<text x="${at}" y="${bottom + 16}" font-size="11" text-anchor="middle" fill="${INK}">${n0(v)}</text>`,
    );
  }
  return out.join("");
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

export function clamp(v: number, min: number, max: number): number {
  return v < min ? min : v > max ? max : v;
}

/** A coordinate with one decimal, never `-0`. */
export function n(v: number): string {
  const text = v.toFixed(1);
  return text === "-0.0" ? "0.0" : text;
}

/** An axis label: the shortest exact spelling of a round tick. */
function n0(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return String(r === 0 ? 0 : r);
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
