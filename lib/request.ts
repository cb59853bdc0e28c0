/**
 * The client's address for rate limits and logs. Next.js's server sets x-forwarded-for from the
 * socket; behind a reverse proxy, the proxy must overwrite (not append to) that header.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
