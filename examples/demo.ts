/**
 * `npm run demo`: a report a support team would read, computed by
 * support-metrics from the sample data bundled in `examples/data/`.
 * Each area contributes one section from `examples/demo/`.
 */
import { contactsSection } from "./demo/contacts.ts";
import { customersSection } from "./demo/customers.ts";
import { incentivesSection } from "./demo/incentives.ts";
import { surveySection } from "./demo/survey.ts";
import { ticketsSection } from "./demo/tickets.ts";

const sections: [string, () => string[]][] = [
  ["Survey: CSAT, NPS, CES, sentiment", surveySection],
  ["Customers: churn, retention, revenue retention, lifetime value", customersSection],
  ["Contact centre: handle time, abandonment, service level, staffing", contactsSection],
  ["Tickets: response and resolution times, SLA, backlog", ticketsSection],
  ["Incentives: this month's payout run", incentivesSection],
];
for (const [title, section] of sections) {
  const lines = section();
  if (lines.length === 0) continue;
  console.log(`\n${"=".repeat(title.length)}\n${title}\n${"=".repeat(title.length)}`);
  for (const line of lines) console.log(line);
}
