// How long the production server (scripts/next-server.mjs) keeps an idle keep-alive connection.
// Node's own default is 5 s, shorter than what proxies in front of it keep theirs: Varnish's
// backend_idle_timeout and nginx's upstream keepalive_timeout are both 60 s. A proxy that sends
// the next request down a connection Node has just closed gets a reset, and its reader a 503
// (or, for a client of the app's own, "socket hang up"). The server must be the side that waits
// longer, so it closes only connections nobody is about to use.
export const KEEP_ALIVE_MS = 65_000;

/** Sets the server's idle keep-alive time above the proxies', with the header time above it. */
export function keepIdleConnections(server) {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A request's headers may take this long from its first byte; kept above the keep-alive time,
  // as Node's documentation asks, so an idle connection is never cut as a slow request.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
