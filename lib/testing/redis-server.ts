import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// A real Redis for tests (vitest and Playwright alike): Debian's redis-server, found or installed
// with apt-get (root on Debian, as scripts/ensure-chromium.mjs does for Chromium), started on a
// free loopback port with no persistence, in a temporary folder of its own. Nothing is downloaded
// but Debian's package.

const CANDIDATES = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

export function findRedisServer(): string | null {
  if (process.env.REDIS_SERVER_PATH) return fs.existsSync(process.env.REDIS_SERVER_PATH) ? process.env.REDIS_SERVER_PATH : null;
  return CANDIDATES.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/** Finds redis-server, installing Debian's package when it is missing and we may; otherwise says what to install. */
export function ensureRedisServer(): string {
  const found = findRedisServer();
  if (found) return found;
  if (process.getuid?.() !== 0 || !fs.existsSync("/usr/bin/apt-get")) {
    throw new Error("These tests need Debian's redis-server: apt-get install -y redis-server (or set REDIS_SERVER_PATH).");
  }
  const apt = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (!apt(["update"]) || !apt(["install", "-y", "--no-install-recommends", "redis-server"])) throw new Error("Installing redis-server failed: apt-get update && apt-get install -y redis-server");
  // The package may start a system service; ours are started on ports of their own.
  const installed = findRedisServer();
  if (!installed) throw new Error("redis-server is still missing after apt-get install.");
  return installed;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export interface TestRedis {
  port: number;
  url: string;
  /** Starts it (again, on the same port, empty) after a stop. */
  start(): Promise<void>;
  /** Stops it and waits until nothing answers on its port. */
  stop(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as a hung server. */
  freeze(): void;
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void;
  /** Stops it for good and removes its folder. */
  dispose(): Promise<void>;
}

/** Starts a redis-server of the test's own on a free loopback port; it keeps nothing on disk. */
export async function startRedis(): Promise<TestRedis> {
  const binary = ensureRedisServer();
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-redis-"));
  const pidFile = path.join(dir, "redis.pid");
  const pid = () => {
    try {
      return Number(fs.readFileSync(pidFile, "utf8").trim()) || null;
    } catch {
      return null;
    }
  };
  const redis: TestRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      execFileSync(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--pidfile", pidFile, "--daemonize", "yes", "--logfile", path.join(dir, "redis.log")]);
      await waitFor(() => answersPing(port), `redis-server on port ${port}`);
    },
    async stop() {
      const running = pid();
      if (running) {
        try {
          process.kill(running, "SIGKILL");
        } catch {
          // already gone
        }
      }
      await waitFor(async () => !(await answersPing(port)), `redis-server on port ${port} to stop`);
      fs.rmSync(pidFile, { force: true });
    },
    freeze() {
      const running = pid();
      if (!running) throw new Error("redis-server is not running");
      process.kill(running, "SIGSTOP");
    },
    thaw() {
      const running = pid();
      if (running) process.kill(running, "SIGCONT");
    },
    async dispose() {
      redis.thaw();
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}
