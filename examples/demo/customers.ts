/** The customers section of the demo (`npm run demo`): returns the lines to print. */
export function customersSection(): string[] {
  return [];
}
