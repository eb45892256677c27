export { type AuditDigests, auditDigests, canonicalJson } from "./canonical.js";
export { SettlementValidationError } from "./errors.js";
export { formatSettlement } from "./format.js";
export { settlePayouts } from "./settle.js";
export type {
  AgentCarry,
  DrawState,
  HeldAmount,
  LedgerLine,
  LedgerLineKind,
  OwedAmount,
  PlanSchedule,
  PlanSegment,
  PriorLine,
  PriorPeriod,
  Restatement,
  SegmentLabel,
  SettledPeriod,
  Settlement,
  SettlementAgent,
  SettlementAgentInput,
  SettlementInput,
  SettlementTotals,
  SettleOptions,
  ToDate,
} from "./types.js";
