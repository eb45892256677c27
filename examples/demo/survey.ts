/** The survey section of the demo (`npm run demo`): returns the lines to print. */
export function surveySection(): string[] {
  return [];
}
