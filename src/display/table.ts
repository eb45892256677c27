/**
 * Internal: the tables of the display bundles, as aligned plain text and as
 * HTML. Cells arrive already formatted (strings); HTML is escaped here.
 */

/** A table to render: a title, a header, rows of formatted cells, `l`/`r` per column, and notes below. */
export interface TableSpec {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** One letter per column: `l` (text) or `r` (numbers). */
  readonly align: string;
  /** Lines printed under the table (definitions, set-aside counts). */
  readonly notes?: readonly string[];
}

/** The table as aligned monospace text. */
export function textTable(t: TableSpec): string {
  const widths = t.header.map((h, i) => t.rows.reduce((w, r) => Math.max(w, width(r[i] ?? "")), width(h)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => {
        const gap = " ".repeat((widths[i] as number) - width(c));
        return t.align[i] === "r" ? gap + c : c + gap;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [t.title, line(t.header), rule, ...t.rows.map(line), ...(t.notes ?? [])].join("\n");
}

/** The table as an HTML fragment (with `chart`, an SVG string, under it). */
export function htmlTable(t: TableSpec, chart?: string): string {
  const cell = (tag: "th" | "td", text: string, i: number): string =>
    `<${tag} style="padding:2px 8px;text-align:${t.align[i] === "r" ? "right" : "left"};${
      tag === "th" ? "border-bottom:1px solid #888;" : ""
    }font-variant-numeric:tabular-nums">${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${t.header.map((h, i) => cell("th", h, i)).join("")}</tr>`;
  const body = t.rows.map((r) => `<tr>${r.map((c, i) => cell("td", c, i)).join("")}</tr>`).join("");
  const notes = (t.notes ?? []).map((n) => `<p style="margin:4px 0;font-size:90%">${escapeHtml(n)}</p>`).join("");
  return (
    `<figure class="support-metrics" style="margin:0 0 1em 0">` +
    `<table style="border-collapse:collapse;font-family:system-ui,sans-serif;font-size:14px">` +
    `<caption style="text-align:left;font-weight:600;padding:4px 0">${escapeHtml(t.title)}</caption>` +
    `<thead>${head}</thead><tbody>${body}</tbody></table>${notes}${chart ?? ""}</figure>`
  );
}

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Code points, so that `–` and `é` count as one column. */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
