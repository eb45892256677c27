/** The tickets section of the demo (`npm run demo`): returns the lines to print. */
export function ticketsSection(): string[] {
  return [];
}
