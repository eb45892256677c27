// What the page computes with the library, shared by the page (in Chromium) and
// the test (in Node) so the two results can be compared value for value.
// Plain JavaScript: the browser loads this file as it is.
export function compute(lib) {
  const result = {
    exports: Object.keys(lib).sort(),
    merged: lib.mergeCounts(
      { promoters: 30, passives: 12, detractors: 8 },
      { promoters: 25, passives: 15, detractors: 10 },
    ),
    instant: lib.parseInstant("2024-03-20T10:42:00+01:00"),
    z975: lib.normalQuantile(0.975),
    errorCode: null,
  };
  try {
    lib.parseInstant("2024-03-20T09:00");
  } catch (error) {
    result.errorCode = error instanceof lib.MetricInputError ? error.code : `not a MetricInputError: ${error}`;
  }
  if (typeof lib.nps === "function") result.nps = lib.nps([10, 9, 9, 8, 7, 7, 6, 5, 3, 0]);
  if (typeof lib.npsFromCounts === "function") result.mergedNps = lib.npsFromCounts(result.merged);
  return result;
}
