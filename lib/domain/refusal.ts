/**
 * The proxy's refusals of a post by the rate limits (proxy.ts, lib/rate-limit.ts) say what
 * happened in words that start so: "Too many changes in a minute…", "Too many sign-in
 * attempts…", "Too many wrong passwords…". Next.js's script raises the proxy's 429 answer to a
 * server action as an error carrying those words, which a form or an error page may show as they
 * are. Anything else, a network failure or React's "Too many re-renders" among them, is not a
 * sentence for a reporter, and goes on to the page's error boundary.
 */
const LIMIT_REFUSAL = /^Too many (changes|sign-in attempts|wrong passwords) /;

export const isLimitRefusal = (error: unknown): error is Error => error instanceof Error && LIMIT_REFUSAL.test(error.message);
