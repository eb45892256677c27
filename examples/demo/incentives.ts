/** The incentives section of the demo (`npm run demo`): returns the lines to print. */
export function incentivesSection(): string[] {
  return [];
}
