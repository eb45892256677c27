/**
 * `npm run demo`: a report a support team would read, computed by
 * support-metrics from the sample data bundled in `examples/data/`.
 * Each area contributes one section from `examples/demo/`.
 */
import { contactsSection } from "./demo/contacts.ts";
import { customersSection } from "./demo/customers.ts";
import { incentivesSection } from "./demo/incentives.ts";
import { writePage } from "./demo/page.ts";
import { surveySection } from "./demo/survey.ts";
import { ticketsSection } from "./demo/tickets.ts";

const sections: [string, string, () => string[]][] = [
  ["Survey: CSAT, NPS, CES, sentiment", "survey", surveySection],
  ["Customers: churn, retention, revenue retention, lifetime value", "customers", customersSection],
  ["Contact centre: handle time, abandonment, service level, staffing", "contacts", contactsSection],
  ["Tickets: response and resolution times, SLA, backlog", "tickets", ticketsSection],
  ["Incentives: this month's payout run", "incentives", incentivesSection],
];
// `npm run demo -- --html report.html` also writes the month as one self-contained page.
const htmlAt = process.argv.indexOf("--html");
const htmlPath = htmlAt < 0 ? undefined : process.argv[htmlAt + 1];
if (htmlAt >= 0 && (htmlPath === undefined || htmlPath.startsWith("--"))) {
  console.error("usage: npm run demo -- --html <file.html>");
  process.exit(2);
}
const printed: { title: string; key: string; lines: string[] }[] = [];
for (const [title, key, section] of sections) {
  const lines = section();
  if (lines.length === 0) continue;
  printed.push({ title, key, lines });
  console.log(`\n${"=".repeat(title.length)}\n${title}\n${"=".repeat(title.length)}`);
  for (const line of lines) console.log(line);
}
if (htmlPath !== undefined) {
  writePage(htmlPath, printed);
  console.log(`\nWrote ${htmlPath}.`);
}
