/**
 * The rich-display hook: a non-enumerable `[Symbol.for("Jupyter.display")]()`
 * method returning a MIME bundle, the protocol Deno's Jupyter kernel (and
 * nodejs-polars, among others) uses to render an object. Non-enumerable and
 * symbol-keyed, it is invisible to `JSON.stringify`, `Object.keys`, deep
 * equality and `structuredClone`: the result stays plain data.
 */

/**
 * What a result's `[Symbol.for("Jupyter.display")]()` returns: the same
 * content as an aligned text table, an HTML table and, where one helps, an SVG
 * chart (also inlined in the HTML).
 *
 * @category Display
 */
export interface DisplayBundle {
  /** An aligned plain-text table (monospace). */
  readonly "text/plain": string;
  /** A self-contained HTML fragment: a table with units and intervals, and the chart if any. */
  readonly "text/html": string;
  /** A standalone accessible SVG chart, when the result has one. */
  readonly "image/svg+xml"?: string;
}

/** The symbol Jupyter kernels look for (`Symbol.for`, so every copy of the library shares it). */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display") as never;

/**
 * Internal: gives `value` a non-enumerable display method rendering it with
 * `render`, and returns `value`. A frozen or non-extensible value is returned
 * as it is.
 */
export function withDisplay<T extends object>(value: T, render: (value: T) => DisplayBundle): T {
  if (Object.isExtensible(value)) {
    Object.defineProperty(value, JUPYTER_DISPLAY, {
      value: () => render(value),
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }
  return value;
}
