import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./redis-server";

// A real Varnish for tests: Debian's varnishd with the xkey module (packages `varnish` and
// `varnish-modules`), found or installed with apt-get as root (as scripts/ensure-chromium.mjs
// does for Chromium), run with the project's own deploy/varnish/factline.vcl, its backend set to
// the app under test, on a free loopback port, in a temporary folder of its own.

const VARNISHD = "/usr/sbin/varnishd";
const ROOT = path.resolve(import.meta.dirname, "../..");
export const FACTLINE_VCL = path.join(ROOT, "deploy", "varnish", "factline.vcl");

function hasXkey(): boolean {
  const run = spawnSync(VARNISHD, ["-C", "-f", FACTLINE_VCL], { encoding: "utf8" });
  return run.status === 0;
}

/** Finds varnishd with xkey, installing Debian's packages when they are missing and we may. */
export function ensureVarnish(): string {
  if (fs.existsSync(VARNISHD) && hasXkey()) return VARNISHD;
  if (process.getuid?.() !== 0 || !fs.existsSync("/usr/bin/apt-get")) {
    throw new Error("This test needs Debian's Varnish with the xkey module: apt-get install -y varnish varnish-modules");
  }
  const apt = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  if (!apt(["update"]) || !apt(["install", "-y", "--no-install-recommends", "varnish", "varnish-modules"])) {
    throw new Error("Installing Varnish failed: apt-get update && apt-get install -y varnish varnish-modules");
  }
  // The package starts a system varnish on port 6081; ours runs on a port of its own.
  if (!hasXkey()) throw new Error("varnishd cannot load the xkey module after apt-get install varnish-modules.");
  return VARNISHD;
}

export interface TestVarnish {
  origin: string;
  stop(): Promise<void>;
}

async function answers(origin: string): Promise<boolean> {
  try {
    await fetch(origin, { method: "HEAD", signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

/** Varnish in front of the app on `backendPort`, taking purges signed with `purgeSecret`. */
export async function startVarnish({ backendPort, purgeSecret }: { backendPort: number; purgeSecret: string }): Promise<TestVarnish> {
  const varnishd = ensureVarnish();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-varnish-"));
  // varnishd compiles the VCL as its own unprivileged user: it must be able to read it.
  fs.chmodSync(dir, 0o755);
  const vcl = path.join(dir, "factline.vcl");
  const source = fs.readFileSync(FACTLINE_VCL, "utf8");
  const configured = source.replace(/\.port = "\d+";/, `.port = "${backendPort}";`);
  if (configured === source && !source.includes(`.port = "${backendPort}";`)) throw new Error("deploy/varnish/factline.vcl has no backend port to set");
  fs.writeFileSync(vcl, configured, { mode: 0o644 });
  const port = await freePort();
  const pidFile = path.join(dir, "varnishd.pid");
  const args = ["-a", `127.0.0.1:${port}`, "-T", "127.0.0.1:0", "-n", path.join(dir, "work"), "-f", vcl, "-s", "malloc,64m", "-P", pidFile];
  // Without root there is no user to switch to.
  if (process.getuid?.() !== 0) args.push("-j", "none");
  const run = spawnSync(varnishd, args, { encoding: "utf8", env: { ...process.env, FACTLINE_PURGE_SECRET: purgeSecret } });
  if (run.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`varnishd failed to start (${run.status}): ${run.stderr || run.stdout}`);
  }
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (!(await answers(origin))) {
    if (Date.now() > deadline) throw new Error(`varnishd did not answer on ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    async stop() {
      try {
        process.kill(Number(fs.readFileSync(pidFile, "utf8").trim()), "SIGTERM");
      } catch {
        // already gone
      }
      const until = Date.now() + 10_000;
      while ((await answers(origin)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
