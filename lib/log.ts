import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Structured JSON logs (pino), one line per event on stdout: errors, sign-ins and sign-outs,
 * refused permissions, rate limits, account changes. Callers pass ids and codes, never a
 * password, token, cookie or session id. Two guards stand behind that rule: any key that looks
 * like a secret is dropped, at any depth, before pino sees the event; and pino's own redaction
 * censors the same names if a caller passes them some other way (an Error's properties, say).
 */
type Level = "info" | "warn" | "error";

const SECRET_KEY = /pass(word)?|token|secret|cookie|session(?!Count)|authorization|api[-_]?key/i;
const REDACTED_PATHS = ["password", "token", "cookie", "authorization", "sessionId", "*.password", "*.token", "*.cookie", "*.authorization", "*.sessionId", "headers.cookie", "headers.authorization"];

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** LOG_LEVEL when it names a level; otherwise (unset, empty, a typo) info, never a crash. */
function logLevel(value: string | undefined): string {
  const level = value?.trim().toLowerCase() ?? "";
  return LEVELS.includes(level) ? level : "info";
}

export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: logLevel(process.env.LOG_LEVEL),
    // Level names and ISO times read better in a newsroom's log viewer than numbers and epochs.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    base: { service: "factline" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

let logger: Logger = createLogger();

/** Swaps the logger (tests only), returning the one it replaced. */
export function setLoggerForTests(next: Logger): Logger {
  const previous = logger;
  logger = next;
  return previous;
}

function withoutSecrets(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return value.message;
  if (value === null || typeof value !== "object") return value;
  if (depth > 4) return "[truncated]";
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, depth + 1));
  const safe: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (!SECRET_KEY.test(key)) safe[key] = withoutSecrets(inner, depth + 1);
  }
  return safe;
}

export function logEvent(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  logger[level](withoutSecrets(fields) as Record<string, unknown>, msg);
}
