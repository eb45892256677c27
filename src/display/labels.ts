/** Internal: labels shared by the report displays. */

/** A group's key as a label: its values joined by " · ", `"(none)"` for `null`, `"All"` for the total. */
export function groupLabel(key: Readonly<Record<string, string | null>>): string {
  const values = Object.values(key);
  return values.length === 0 ? "All" : values.map((v) => v ?? "(none)").join(" · ");
}

/** The set-aside line of a report, or nothing when no record was set aside. */
export function setAsideNote(s: {
  readonly count: number;
  readonly byCode: Readonly<Record<string, number>>;
}): string[] {
  if (s.count === 0) return [];
  const codes = Object.keys(s.byCode)
    .map((code) => `${code} ${s.byCode[code]}`)
    .join(", ");
  return [`Set aside: ${s.count} record${s.count === 1 ? "" : "s"} left out of every figure (${codes}).`];
}

/** A report's title with its dimensions: `"Survey report by agentId"`, or the title alone for one group. */
export function titleBy(title: string, groups: readonly { readonly key: Readonly<Record<string, unknown>> }[]): string {
  const names = groups[0] === undefined ? [] : Object.keys(groups[0].key);
  return names.length === 0 ? title : `${title} by ${names.join(", ")}`;
}
