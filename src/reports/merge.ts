import { inputError } from "../internal/messages.js";
import { type ContactTally, mergeContactTallies } from "./contacts.js";
import { sameFingerprint } from "./fingerprint.js";
import { mergeSurveyTallies, type SurveyTally } from "./surveys.js";
import { mergeTicketTallies } from "./ticket-merge.js";
import type { TicketTally } from "./tickets.js";

/**
 * Any tally of the report API: `kind` says which (`"tickets"`, `"surveys"`, `"contacts"`).
 *
 * @category Reports
 */
export type Tally = TicketTally | SurveyTally | ContactTally;

/** The merge of each kind (its tallies already checked to share kind, version and fingerprint). */
const MERGERS: Record<string, (fn: string, tallies: readonly unknown[]) => Tally> = {
  tickets: mergeTicketTallies,
  surveys: mergeSurveyTallies,
  contacts: mergeContactTallies,
};

/**
 * Merges tallies of the same kind and options: the tally of all their records together.
 *
 * Groups are united by key; counts add, exact sums add, sketches add (see
 * {@link mergeSketches}), and the set-aside counts add (keeping the first
 * entries by index). The result does not depend on the order of the tallies or
 * on how the records were split: the tallies of any split of the records, merged
 * in any order, deep-equal the tally of the whole (give each shard its
 * `firstIndex` so set-aside indices are those of the whole). Tallies are plain
 * JSON: merge tallies read back from storage as they are. Tallies made with
 * different options (another `asOf`, calendar, pauses, SLA policy, α or
 * dimensions) count different things and are refused.
 *
 * @param first - A tally (from {@link tallyTickets} or a merge).
 * @param rest - More tallies of the same kind and fingerprint.
 * @returns The merged tally, a new object (the inputs are not changed).
 * @throws {MetricInputError} `inconsistent_counts` when the kinds or fingerprints differ (the message names the options that differ, path `tallies[k].fingerprint`); `missing_value` / `invalid_type` / `out_of_range` for a malformed tally (path inside `tallies[k]`); `invalid_value` for an unknown `kind` or `version`.
 *
 * @example
 * ```ts
 * import { mergeTallies, tallyTickets, ticketReport } from "support-metrics";
 * const hour = 3_600_000;
 * const options = { asOf: 10 * hour, by: ["agentId"] };
 * const monday = tallyTickets([{ createdAt: 0, resolvedAt: 2 * hour, agentId: "ana" }], options);
 * const tuesday = tallyTickets([{ createdAt: hour, resolvedAt: 5 * hour, agentId: "ana" }], options);
 * const week = mergeTallies(monday, tuesday);
 * ticketReport(week).groups[0].resolution.meanMs / hour; // => 3
 * mergeTallies(monday, tallyTickets([], { asOf: 0 })); // throws inconsistent_counts
 * ```
 * @see {@link tallyTickets}, {@link ticketReport}, {@link mergeSketches}
 * @category Reports
 */
export function mergeTallies<T extends Tally>(first: T, ...rest: T[]): T {
  const fn = "mergeTallies";
  const tallies: unknown[] = [first, ...rest];
  let kind: unknown;
  let fingerprint = "";
  for (let k = 0; k < tallies.length; k++) {
    const t = tallies[k];
    const path = `tallies[${k}]`;
    if (t === null || typeof t !== "object" || Array.isArray(t)) {
      throw inputError(t === undefined ? "missing_value" : "invalid_type", fn, path, "a tally (from tallyTickets)", t);
    }
    const o = t as Record<string, unknown>;
    if (typeof o["kind"] !== "string" || MERGERS[o["kind"]] === undefined) {
      throw inputError(
        "invalid_value",
        fn,
        `${path}.kind`,
        `a tally kind: ${Object.keys(MERGERS).join(", ")}`,
        o["kind"],
      );
    }
    if (o["version"] !== 1) throw inputError("invalid_value", fn, `${path}.version`, "version 1", o["version"]);
    if (typeof o["fingerprint"] !== "string") {
      throw inputError("invalid_type", fn, `${path}.fingerprint`, "a fingerprint string", o["fingerprint"]);
    }
    if (k === 0) {
      kind = o["kind"];
      fingerprint = o["fingerprint"];
    } else {
      if (o["kind"] !== kind) {
        throw inputError(
          "inconsistent_counts",
          fn,
          `${path}.kind`,
          `a tally of the same kind as tallies[0] (${String(kind)})`,
          o["kind"],
        );
      }
      sameFingerprint(fn, `${path}.fingerprint`, fingerprint, o["fingerprint"]);
    }
  }
  return (MERGERS[kind as string] as (fn: string, tallies: readonly unknown[]) => Tally)(fn, tallies) as T;
}
