/**
 * The worked plan of the incentive specification (docs/spec/INCENTIVES.md; copied
 * here so that tests never read outside the repo) and its team of four for June 2025. Fresh copies each call, so a
 * function that mutated its input could not pass a later case.
 */
export function planFixture(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(PLAN));
}

export function planInput(): {
  agents: { id: string; metrics: Record<string, number> }[];
  teamMetrics: Record<string, number>;
} {
  const columns = [
    "active_days",
    "tickets_resolved",
    "csat_score",
    "csat_responses",
    "sla_compliance",
    "frt_median_min",
    "qa_score",
    "escalations",
  ];
  const rows: [string, number[]][] = [
    ["ava", [30, 620, 96, 64, 97, 20, 93, 1]],
    ["ben", [12, 190, 94, 14, 96.5, 41, 88, 0]],
    ["cleo", [30, 413, 88, 45, 94, 33, 84, 2]],
    ["dev", [30, 413, 88, 30, 95, 30, 90, 4]],
  ];
  return {
    agents: rows.map(([id, values]) => ({
      id,
      metrics: Object.fromEntries(columns.map((c, i) => [c, values[i] as number])),
    })),
    teamMetrics: { team_sla_compliance: 96.2 },
  };
}

const PLAN = {
  schema: "cs-incentive-plan/1",
  id: "cs-agent-monthly",
  version: 3,
  effective: {
    from: "2025-06-01",
    to: "2025-06-30",
  },
  period: {
    days: 30,
  },
  currency: {
    code: "USD",
    exponent: 2,
  },
  rounding: {
    mode: "halfAwayFromZero",
  },
  metrics: {
    tickets_resolved: {
      type: "count",
    },
    csat_score: {
      type: "percent",
    },
    csat_responses: {
      type: "count",
    },
    sla_compliance: {
      type: "percent",
    },
    frt_median_min: {
      type: "minutes",
      better: "lower",
    },
    qa_score: {
      type: "percent",
    },
    escalations: {
      type: "count",
    },
    active_days: {
      type: "days",
    },
  },
  teamMetrics: {
    team_sla_compliance: {
      type: "percent",
    },
  },
  onMissingMetric: "error",
  proration: {
    activeDaysMetric: "active_days",
  },
  components: [
    {
      id: "resolution_commission",
      type: "tiered",
      mode: "graduated",
      basis: "tickets_resolved",
      target: {
        value: 400,
        prorate: true,
      },
      bands: [
        {
          fromPct: 0,
          toPct: 50,
          ratePerUnitMinor: "50",
        },
        {
          fromPct: 50,
          toPct: 100,
          ratePerUnitMinor: "75",
        },
        {
          fromPct: 100,
          ratePerUnitMinor: "112.5",
          label: "accelerator 1.5x",
        },
      ],
      cap: {
        amountMinor: 45000,
      },
    },
    {
      id: "quality_scorecard",
      type: "scorecard",
      targetIncentiveMinor: 40000,
      prorate: true,
      kpis: [
        {
          id: "csat",
          metric: "csat_score",
          weight: 40,
          curve: [
            [80, 50],
            [90, 100],
            [95, 150],
          ],
          gate: {
            when: {
              metric: "csat_responses",
              op: "gte",
              value: 20,
            },
            reason: "min_sample",
          },
        },
        {
          id: "sla",
          metric: "sla_compliance",
          weight: 35,
          curve: [
            [90, 50],
            [95, 100],
            [98, 150],
          ],
        },
        {
          id: "frt",
          metric: "frt_median_min",
          weight: 25,
          better: "lower",
          curve: [
            [60, 50],
            [30, 100],
            [15, 150],
          ],
        },
      ],
      gate: {
        minWeightedPct: 60,
      },
      payoutCurve: [
        [0, 0],
        [100, 100],
        [150, 200],
      ],
      cap: {
        pctOfTarget: 175,
      },
    },
    {
      id: "quality_kicker",
      type: "flat",
      amountMinor: 7500,
      prorate: false,
      when: {
        all: [
          {
            metric: "qa_score",
            op: "between",
            value: [85, 100],
          },
          {
            any: [
              {
                all: [
                  {
                    metric: "csat_score",
                    op: "gte",
                    value: 92,
                  },
                  {
                    metric: "csat_responses",
                    op: "gte",
                    value: 20,
                  },
                ],
              },
              {
                metric: "escalations",
                op: "eq",
                value: 0,
              },
            ],
          },
          {
            not: {
              metric: "escalations",
              op: "gt",
              value: 3,
            },
          },
        ],
      },
    },
  ],
  planCap: {
    amountMinor: 120000,
  },
  teamAwards: [
    {
      id: "top_resolvers",
      type: "rank",
      metric: "tickets_resolved",
      order: "desc",
      top: 2,
      eligible: {
        all: [
          {
            metric: "csat_responses",
            op: "gte",
            value: 20,
          },
          {
            metric: "qa_score",
            op: "gte",
            value: 80,
          },
        ],
      },
      tieBreakers: [
        {
          metric: "csat_score",
          order: "desc",
        },
      ],
      tiePolicy: "includeAllTiedAtCutoff",
      reward: {
        kind: "paidTimeOff",
        quantity: 1,
        unit: "day",
        costModelMinor: 20000,
      },
    },
    {
      id: "team_sla_pool",
      type: "pool",
      amountMinor: 100000,
      fundedWhen: {
        teamMetric: "team_sla_compliance",
        op: "gte",
        value: 95,
      },
      eligible: {
        metric: "active_days",
        op: "gte",
        value: 10,
      },
      splitBy: {
        metric: "tickets_resolved",
      },
    },
  ],
};
