// Test harness: loads survey responses into the table survey_responses of an engine
// (test/sql/engines.ts). Score columns of three numeric types: csat DOUBLE PRECISION
// (NaN, infinities, fractions), nps BIGINT, ces DECIMAL(6,2) (fractions). The help-desk
// states a JS response may carry for "unanswered" ("offered", "unoffered", "") load as NULL.
import type { SurveyResponse } from "../../src/index.js";
import type { Engine } from "./engines.js";

export type Row = SurveyResponse & { readonly team?: string | null };

const CREATE = `CREATE TABLE survey_responses (id BIGINT, "at" TIMESTAMPTZ, agent_id VARCHAR, channel VARCHAR,
  team VARCHAR, csat DOUBLE PRECISION, nps BIGINT, ces DECIMAL(6,2), sentiment VARCHAR)`;
const UNANSWERED = ["offered", "unoffered", ""];

const text = (v: unknown): string =>
  v === undefined || v === null ? "NULL" : `CAST('${String(v).replace(/'/g, "''")}' AS VARCHAR)`;
const score = (v: unknown, type: string): string => {
  if (v === undefined || v === null || (typeof v === "string" && UNANSWERED.includes(v))) return "NULL";
  if (typeof v !== "number") throw new Error(`a test score must be a number: ${String(v)}`);
  return `CAST('${Number.isNaN(v) ? "NaN" : v === Infinity ? "Infinity" : v === -Infinity ? "-Infinity" : String(v)}' AS ${type})`;
};
const instant = (v: unknown): string =>
  v === undefined || v === null
    ? "NULL"
    : `CAST('${new Date(typeof v === "number" ? v : Date.parse(String(v))).toISOString()}' AS TIMESTAMPTZ)`;

/** Replaces survey_responses with `responses` (every value a literal: test data only). */
export async function loadResponses(engine: Engine, responses: readonly Row[]): Promise<void> {
  await engine.query("DROP TABLE IF EXISTS survey_responses", []);
  await engine.query(CREATE, []);
  for (let i = 0; i < responses.length; i += 500) {
    const values = responses.slice(i, i + 500).map((r, j) => {
      const cells = [
        String(i + j),
        instant(r.at),
        text(r.agentId),
        text(r.channel),
        text(r.team),
        score(r.csat, "DOUBLE PRECISION"),
        score(r.nps, "BIGINT"),
        score(r.ces, "DECIMAL(6,2)"),
        text(r.sentiment),
      ];
      return `(${cells.join(", ")})`;
    });
    await engine.query(`INSERT INTO survey_responses VALUES ${values.join(", ")}`, []);
  }
}
