export { type Instant, parseInstant } from "./instant.js";
