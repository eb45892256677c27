export { normalCdf, normalQuantile } from "./normal.js";
export { mean, median, quantile } from "./quantile.js";
export {
  type LeaderboardAgent,
  type LeaderboardEntry,
  type LeaderboardOptions,
  leaderboard,
  type RankedLeaderboardEntry,
  type UnrankedLeaderboardEntry,
  type UnrankedReason,
} from "./ranking.js";
