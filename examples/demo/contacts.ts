/** The contacts section of the demo (`npm run demo`): returns the lines to print. */
export function contactsSection(): string[] {
  return [];
}
