/**
 * Every refusal of a write by the rate limits starts so (proxy.ts, lib/rate-limit.ts): "Too many
 * sign-in attempts…", "Too many changes in a minute…". Next.js's script raises the proxy's 429
 * answer to a server action as an error carrying those words, which a form or an error page may
 * show as they are. Anything else, a network failure among them, is not a sentence for a reporter.
 */
export const isLimitRefusal = (error: unknown): error is Error => error instanceof Error && error.message.startsWith("Too many ");
