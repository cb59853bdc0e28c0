/**
 * Structured JSON log lines on stdout/stderr. Callers pass ids and codes, never a password,
 * token, cookie or session id; keys that look like secrets are dropped here as a last guard.
 */
type Level = "info" | "warn" | "error";

const SECRET_KEY = /pass(word)?|token|secret|cookie|session(?!Count)|authorization/i;

export function logEvent(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!SECRET_KEY.test(key)) safe[key] = value instanceof Error ? value.message : value;
  }
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...safe });
  if (level === "error") console.error(line);
  else console.log(line);
}
