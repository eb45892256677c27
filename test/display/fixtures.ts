// The results that display themselves, built from small fixed inputs (the
// worked plan of the spec, the contact vector of the Deno cases, a few tickets
// and survey responses), so snapshots stay stable.
import {
  compareNps,
  contactReport,
  evaluatePlan,
  leaderboard,
  npsInterval,
  surveyReport,
  tallyContacts,
  tallySurveys,
  tallyTickets,
  ticketReport,
} from "../../src/index.js";
import { planFixture, planInput } from "../incentives/plan.js";

const hour = 3_600_000;

export function results(): Record<string, object> {
  const responses = [
    { agentId: "ana", csat: 5, nps: 10, ces: 6 },
    { agentId: "ana", csat: 4, nps: 9, ces: 7 },
    { agentId: "ana", csat: 2, nps: 3, ces: 2 },
    { agentId: "bo", csat: 5, nps: 8, ces: 5 },
    { agentId: "bo", csat: null, nps: 6, ces: "" },
    { agentId: "bo", csat: 1, nps: 0, ces: 1, sentiment: "happy" },
  ];
  const contacts = [
    { queue: "sales", waitMs: 10_000, outcome: "answered", talkMs: 240_000, holdMs: 30_000 },
    { queue: "sales", waitMs: 40_000, outcome: "abandoned" },
    { queue: "help", waitMs: 5_000, outcome: "answered", talkMs: 300_000, afterCallWorkMs: 60_000 },
    { queue: "help", waitMs: 25_000, outcome: "answered", talkMs: 200_000 },
  ] as const;
  const tickets = [
    { agentId: "ana", createdAt: 0, firstResponseAt: hour, resolvedAt: 5 * hour, priority: "high" },
    { agentId: "ana", createdAt: 0, firstResponseAt: 3 * hour, resolvedAt: 30 * hour, priority: "high" },
    { agentId: "bo", createdAt: hour, firstResponseAt: 2 * hour, resolvedAt: 9 * hour, priority: "low" },
    { agentId: "bo", createdAt: 2 * hour },
  ];
  const plan = evaluatePlan(planFixture(), planInput());
  return {
    surveyReport: surveyReport(tallySurveys(responses, { by: ["agentId"], onInvalid: "setAside" })),
    ticketReport: ticketReport(
      tallyTickets(tickets, {
        asOf: 48 * hour,
        by: ["agentId"],
        sla: { firstResponseMs: 2 * hour, resolutionMs: 24 * hour },
      }),
    ),
    contactReport: contactReport(tallyContacts(contacts, { by: ["queue"], thresholdMs: 20_000 })),
    leaderboard: leaderboard(
      [
        { id: "ana", csat: { successes: 45, total: 50 } },
        { id: "bo", csat: { successes: 9, total: 10 } },
        { id: "cy", csat: { successes: 70, total: 100 } },
      ],
      { by: "csat", method: "wilson-lower-bound" },
    ),
    npsInterval: npsInterval({ promoters: 50, passives: 30, detractors: 20 }) as object,
    compareNps: compareNps(
      { promoters: 100, passives: 60, detractors: 40 },
      { promoters: 110, passives: 80, detractors: 60 },
    ) as object,
    evaluatePlan: plan,
    agentStatement: plan.agents[0] as object,
  };
}
