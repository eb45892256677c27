export { type DisplayBundle, withDisplay } from "./bundle.js";
export {
  type FormatOptions,
  formatDuration,
  formatInterval,
  formatNpsPoints,
  formatPercent,
} from "./format.js";
export type { DurationBucket, HistogramPanel } from "./histogram-chart.js";
export { displayContactReport, displayTicketReport } from "./operations-display.js";
export { displayAgentStatement, displayLeaderboard, displayPlanResult } from "./results-display.js";
export { displayNpsComparison, displayNpsInterval, displaySurveyReport } from "./survey-display.js";
