export function formatSettlement(): string {
  return "";
}
