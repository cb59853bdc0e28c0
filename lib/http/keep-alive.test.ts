import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { KEEP_ALIVE_MS, keepIdleConnections } from "@/lib/http/keep-alive.mjs";

// A proxy in front (Varnish, nginx) keeps an idle connection to the app for 60 s and sends the
// next reader's request down it. Node's default closed it after 5 s, so that request met a reset.
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
});

async function listening(server: http.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Two requests on one connection, as a proxy sends them, `idleMs` apart; what each got back. */
async function twoRequestsOneConnection(port: number, idleMs: number): Promise<string[]> {
  const socket = net.connect(port, "127.0.0.1");
  const answers: string[] = [];
  let buffer = "";
  let closed = false;
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    const end = buffer.indexOf("\r\n\r\n");
    if (end >= 0) {
      answers.push(buffer.slice(0, buffer.indexOf("\r\n")));
      buffer = buffer.slice(end + 4 + 2); // the body is "ok"
    }
  });
  socket.on("close", () => { closed = true; });
  socket.on("error", () => undefined);
  const request = "GET / HTTP/1.1\r\nHost: app\r\nConnection: keep-alive\r\n\r\n";
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  socket.write(request);
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  if (!closed) socket.write(request);
  await new Promise((resolve) => setTimeout(resolve, 300));
  socket.destroy();
  return answers;
}

describe("idle keep-alive connections", () => {
  it("outlast a proxy's 60 s, with the header time above them", () => {
    const server = keepIdleConnections(http.createServer());
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_MS);
    expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it("answer a second request sent after 7 s of quiet (Node closed it after 5 s by default)", async () => {
    const port = await listening(keepIdleConnections(http.createServer((_, res) => res.end("ok"))));
    expect(await twoRequestsOneConnection(port, 7_000)).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 200 OK"]);
  }, 15_000);
});
