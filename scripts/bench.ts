// `npm run bench [-- --claims N --out FILE --duration S --connections C --port P --no-build
// --db sqlite|postgres --processes N --no-edge]`: builds a synthetic newsroom (scripts/bench/synthetic-data.ts)
// in its own database file, serves the production build on it, loads each reader path with
// autocannon and prints one table (also written as JSON): requests per second, p50, p99 and
// errors, each as a ratio to a static page of similar size served by the same server. With
// `--db postgres` the data set is copied into a PostgreSQL of the bench's own (`db:copy`); with
// `--processes N` N processes serve it, sharing a Redis, and the connections are spread across
// them. See docs/performance.md for what each figure means.
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { encodeCursor } from "../lib/cursor";
import { Visitor, formFields } from "./load/no-js-form";
import { startVarnish, type TestVarnish } from "../lib/testing/varnish-server";
import { deploymentOptions, ensureBuild, startBackingServices, startProductionServers } from "./serve";
import { finderArticle } from "./bench/finder-article";
import { COMMON_WORD, RARE_WORD, SYNTHETIC_STATUSES, SYNTHETIC_WORDS, defaultSize, writeSyntheticData, type SyntheticIds } from "./bench/synthetic-data";

const root = path.resolve(import.meta.dirname, "..");

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? process.argv[at + 1] : undefined;
  if (at >= 0 && (value === undefined || value.startsWith("--"))) throw new Error(`--${name} needs a value`);
  return value ?? fallback;
}

const claims = Number(option("claims", "100000"));
const duration = Number(option("duration", "10"));
const connections = Number(option("connections", "10"));
const out = path.resolve(option("out", path.join(root, ".tmp", "bench", "results.json")));
const port = Number(option("port", "3400"));
const { engine, processes } = deploymentOptions(option);
for (const [name, value] of Object.entries({ claims, duration, connections, port })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0`);
}
const base = `http://127.0.0.1:${port}`;
const origins = Array.from({ length: processes }, (_, i) => `http://127.0.0.1:${port + i}`);
const dir = path.join(root, ".tmp", "bench");
const file = path.join(dir, `bench-${claims}.db`);

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

/** Migrates a new database file the ordinary way, then writes the synthetic rows into it. */
function buildDatabase(): SyntheticIds {
  const marker = `${file}.ids.json`;
  const migrate = () => {
    const run = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (run.status !== 0) throw new Error("prisma migrate deploy failed");
  };
  if (fs.existsSync(file) && fs.existsSync(marker)) {
    log(`Reusing ${path.relative(root, file)} (delete it to rebuild the data set); applying any newer migrations.`);
    migrate();
    return JSON.parse(fs.readFileSync(marker, "utf8")) as SyntheticIds;
  }
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", ".ids.json"]) fs.rmSync(`${file}${suffix}`, { force: true });
  migrate();
  const started = Date.now();
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  const ids = writeSyntheticData(db, defaultSize(claims));
  db.pragma("optimize");
  db.close();
  log(`Wrote ${claims.toLocaleString("en")} claims in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  fs.writeFileSync(marker, JSON.stringify(ids));
  return ids;
}

/**
 * The synthetic data set, copied into the bench's PostgreSQL database the way a newsroom moves
 * (`npm run db:copy`, which checks every table's rows and checksum before it reports success).
 */
function copyInto(databaseUrl: string): void {
  log("Copying the data set into PostgreSQL (npm run db:copy)…");
  const started = Date.now();
  const run = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "scripts", "db-copy.ts"), "--from", `file:${file}`, "--to", databaseUrl], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (run.status !== 0) throw new Error("npm run db:copy failed");
  log(`Copied in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

let edge: TestVarnish | null = null;
const PURGE_SECRET = "bench-purge-secret-0123456789";
/** An editor of the bench's own, who edits a claim to time its purge at the edge. */
const BENCH_EDITOR = { email: "bench-editor@example.org", password: "bench lantern quiet ferns 2026" };
const PURGE_ROUNDS = 10;

/** A source whose captured text is a generated article of about 20,000 words, for the finder's row. */
const FINDER_SOURCE = "bench-finder-article";

/**
 * Makes the bench's editor and the claim finder's long article in the data set's file, once (a
 * PostgreSQL run copies them across).
 */
async function ensureBenchEditor(): Promise<void> {
  process.env.DATABASE_URL = `file:${file}`;
  process.env.LOG_LEVEL ??= "warn";
  const { db } = await import("../lib/db");
  if (!(await db.user.findUnique({ where: { email: BENCH_EDITOR.email }, select: { id: true } }))) {
    const { createAccount } = await import("../lib/accounts");
    await createAccount({ email: BENCH_EDITOR.email, name: "Bench editor", role: "editor", password: BENCH_EDITOR.password });
  }
  if (!(await db.source.findUnique({ where: { id: FINDER_SOURCE }, select: { id: true } }))) {
    await db.source.create({ data: { id: FINDER_SOURCE, title: "A long investigation (bench)", kind: "news-report", capturedText: finderArticle() } });
  }
  await db.$disconnect();
}

/** The bench's editor, signed in on the first process (a form post, as without JavaScript). */
async function signedInEditor(address: string): Promise<Visitor> {
  const editor = new Visitor(origins[0]!, address);
  const signIn = formFields((await editor.get("/sign-in")).html, 'name="password"');
  signIn.set("email", BENCH_EDITOR.email);
  signIn.set("password", BENCH_EDITOR.password);
  const signedIn = await editor.post("/sign-in", signIn);
  if (signedIn.status !== 303) throw new Error(`the bench's editor could not sign in (HTTP ${signedIn.status})`);
  return editor;
}

/** The bench editor's session cookies, for the desk's signed-in rows. */
async function benchEditorCookie(): Promise<string> {
  const editor = await signedInEditor("10.30.0.2");
  return [...editor.jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * What a reviewer types into the claim form, a new text each request (ADR 030): eight of the data
 * set's words and a figure written with a thousands separator, as claims say them.
 */
function similarText(n: number): string {
  const words = Array.from({ length: 8 }, (_, i) => SYNTHETIC_WORDS[(n * 7 + i * 11) % SYNTHETIC_WORDS.length]);
  return `The ${words.slice(0, 3).join(" ")} ${words[3]} to ${1 + (n % 9)},${String(100 + (n % 900))} ${words.slice(4).join(" ")} in 2025`;
}

/**
 * How long after an editor saves a change a reader gets it through the edge: the claim page is
 * warmed to a Varnish HIT, the editor rewrites the claim's summary on the desk (a form post, as
 * without JavaScript), and the page is read through Varnish every 10 ms until it shows the new
 * summary. Timed from the moment the save is sent, so the desk action's own time counts.
 */
async function purgeLatency(edgeOrigin: string, claimId: string): Promise<number[]> {
  const editor = await signedInEditor("10.30.0.1");
  const page = `${edgeOrigin}/claims/${claimId}`;
  const timings: number[] = [];
  for (let round = 1; round <= PURGE_ROUNDS; round++) {
    await (await fetch(page)).arrayBuffer();
    const warm = await fetch(page);
    await warm.arrayBuffer();
    if (warm.headers.get("x-cache") !== "HIT") throw new Error(`the claim page was not kept by the edge (x-cache: ${warm.headers.get("x-cache")})`);
    const fields = formFields((await editor.get(`/desk/claims/${claimId}/edit`)).html, 'name="summary"');
    const summary = `Bench purge check ${round} at ${Date.now()}`;
    fields.set("summary", summary);
    const sent = performance.now();
    const saved = await editor.post(`/desk/claims/${claimId}/edit`, fields);
    if (saved.status !== 303) throw new Error(`the edit was not saved (HTTP ${saved.status}): ${saved.html.slice(0, 200)}`);
    for (;;) {
      if ((await (await fetch(page)).text()).includes(summary)) break;
      if (performance.now() - sent > 30_000) throw new Error("the edit was not on the page through the edge after 30 s");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    timings.push(performance.now() - sent);
  }
  return timings;
}

/** A published claim other than `measured`, the newest, as the API lists them. */
async function anotherPublishedClaim(measured: string): Promise<string> {
  const page = (await (await fetch(`${base}/api/claims?limit=2`)).json()) as { items: { id: string }[] };
  const other = page.items.find((item) => item.id !== measured);
  if (!other) throw new Error("no published claim to edit besides the measured one");
  return other.id;
}

/**
 * Searches for common words, none asked twice in a run: every word of the synthetic data (each in
 * a large share of the claims), then every pair of them, in a fixed order.
 */
function freshQueries(): string[] {
  const singles = [...SYNTHETIC_WORDS];
  const pairs = singles.flatMap((a, i) => singles.slice(i + 1).map((b) => `${a} ${b}`));
  return [...singles, ...pairs];
}

async function startEdge(): Promise<TestVarnish | null> {
  // Varnish listens on a free port of the system's choosing: on a shared machine where each
  // worker keeps to its own ports, --no-edge leaves it (and its rows) out.
  if (process.argv.includes("--no-edge")) {
    log("--no-edge: no Varnish, so no edge row.");
    return null;
  }
  try {
    return await startVarnish({ backendPort: port, purgeSecret: PURGE_SECRET });
  } catch (error) {
    log(`No Varnish, so no edge row: ${error instanceof Error ? error.message : error}`);
    return null;
  }
}

/** Resident memory of a process and its children, from /proc (Linux), in bytes. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${current}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      continue;
    }
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

interface Row {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  ratio: number | null;
  /** Requests per second as a ratio to the claim API's first reading in the same run. */
  apiRatio: number | null;
  /**
   * A row judged against the claim API reads it again just before itself (README, "Performance";
   * docs/performance.md): that reading, and the row's ratio to it. The machine's speed drifts by up to half within a
   * run, so a row late in the run compared with the first reading says as much of the drift as
   * of the row.
   */
  pairedApi?: { rps: number; p99: number };
  pairedRatio?: number;
  target: string;
  met: boolean | null;
  note?: string;
}

/**
 * Loads one path, or with `vary` a new path for every request (the n-th request asks vary(n)),
 * so that no answer kept in a cache is ever asked for again.
 */
async function load(
  pathname: string,
  vary?: (n: number) => string,
  through: string[] = origins,
  headers: Record<string, string> = {},
): Promise<{ rps: number; p50: number; p99: number; errors: number; bytes: number }> {
  const first = await fetch(`${through[0]}${pathname}`, { headers, redirect: "manual" });
  if (!first.ok) throw new Error(`${pathname} answered ${first.status}`);
  const bytes = (await first.arrayBuffer()).byteLength;
  let asked = 0;
  const requests: autocannon.Request[] | undefined = vary ? [{ setupRequest: (request) => ({ ...request, path: vary(asked++) }) }] : undefined;
  // The connections are spread across the processes, as a proxy in front of them would.
  const share = (i: number) => Math.floor(connections / through.length) + (i < connections % through.length ? 1 : 0);
  const run = (seconds: number) =>
    Promise.all(through.map((origin, i) => autocannon({ url: `${origin}${pathname}`, headers, connections: Math.max(1, share(i)), duration: seconds, timeout: 30, requests })));
  await run(2); // warm-up: JIT, caches, connections
  // Each request may take up to 30 s before it counts as a timeout (autocannon's default is 10 s).
  const results = await run(duration);
  // Throughput adds up; each latency is the worst process's (a merged percentile is not at hand).
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0),
    bytes,
  };
}

async function firstLoadJs(pathname: string): Promise<number> {
  const html = await (await fetch(`${base}${pathname}`)).text();
  // What a browser that runs modules loads: not Next.js's polyfills, marked `nomodule` (39 kB of
  // gzip), which every such browser skips. Counting them overstated the figure by that much.
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((tag) => !/\snomodule\b/i.test(tag));
  const sources = [...new Set(scripts.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []))];
  let total = 0;
  for (const src of sources) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 9 }).byteLength;
  return total;
}

async function csvExport(server: ChildProcess): Promise<{ seconds: number; growthMb: number; rows: number }> {
  const before = treeRss(server.pid!);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(server.pid!))), 25);
  const started = performance.now();
  const response = await fetch(`${base}/api/open-data/claims.csv`);
  let rows = 0;
  for await (const chunk of response.body!) for (const byte of chunk as Uint8Array) if (byte === 10) rows++;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { seconds, growthMb: (peak - before) / 1024 / 1024, rows: rows - 1 };
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const wall = Date.now();
  const ids = buildDatabase();
  ensureBuild();
  const services = await startBackingServices(engine, processes, file, "factline_bench");
  let servers: ChildProcess[] = [];
  try {
    await ensureBenchEditor();
    if (engine === "postgres") copyInto(services.databaseUrl);
    // Varnish with deploy/varnish/factline.vcl in front of the first process (installed from
    // Debian when missing, as the edge spec does); where it cannot be, its rows are left out.
    // Started first, so that every process is told where to send its purges.
    edge = await startEdge();
    servers = await startProductionServers(port, processes, services, edge ? { FACTLINE_PURGE_URL: edge.origin, FACTLINE_PURGE_SECRET: PURGE_SECRET } : {});
    const server = servers[0]!;
    const storyFilter = `/claims?status=false&story=${ids.story}`;
    const stories = defaultSize(claims).stories;
    const freshWords = freshQueries();
    // Targets against the claim API's figures in the same run (issue 13): the claim API is
    // measured right after the static page, so every later row can be compared with both.
    const halfClaimApi = (r: Row, _b: Row, api: Row | null): [string, boolean] => [">= 0.5x claim API", api !== null && r.rps >= 0.5 * api.rps];
    const withinApiBudget = (r: Row, _b: Row, api: Row | null): [string, boolean] => [">= 0.5x claim API, p99 <= 2x", api !== null && r.rps >= 0.5 * api.rps && r.p99 <= 2 * api.p99];
    // The desk's rows (issue 15, item 5), signed in as the bench's editor.
    const signedIn = { cookie: await benchEditorCookie() };
    const similarPath = (n: number) => `/api/desk/similar-claims?text=${encodeURIComponent(similarText(n))}`;
    const scenarios: {
      name: string;
      path: string;
      vary?: (n: number) => string;
      through?: string[];
      headers?: Record<string, string>;
      target?: (r: Row, baseline: Row, api: Row | null) => [string, boolean];
    }[] = [
      { name: "static page (baseline)", path: "/static-baseline.html" },
      { name: "claim API", path: `/api/claims/${ids.claim}` },
      { name: "claim page", path: `/claims/${ids.claim}`, target: (r) => [">= 50% of baseline", (r.ratio ?? 0) >= 0.5] },
      ...(edge
        ? [{ name: "claim page through Varnish", path: `/claims/${ids.claim}`, through: [edge.origin], target: (r: Row) => [">= 10x baseline", (r.ratio ?? 0) >= 10] as [string, boolean] }]
        : []),
      { name: "claims list, filtered", path: storyFilter, target: halfClaimApi },
      {
        // Every request another status and story: nothing kept is asked twice.
        name: "claims list, varied filters",
        path: storyFilter,
        vary: (n) => `/claims?status=${SYNTHETIC_STATUSES[n % SYNTHETIC_STATUSES.length]}&story=bench-story-${Math.floor(n / SYNTHETIC_STATUSES.length) % stories}`,
        target: halfClaimApi,
      },
      { name: `source page (${ids.popularSourceBacklinks} backlinks)`, path: `/sources/${ids.popularSource}`, target: halfClaimApi },
      { name: `search API, common word`, path: `/api/claims?q=${COMMON_WORD}`, target: (r) => ["p99 < 50 ms", r.p99 < 50] },
      { name: `search API, rare word`, path: `/api/claims?q=${RARE_WORD}`, target: (r) => ["p99 < 50 ms", r.p99 < 50] },
      // Search answers are kept (lib/search): the rows above are mostly kept answers. Here each
      // request asks for another page or page size of the common word, which costs a full ranking.
      {
        name: `search API, common word, never kept`,
        path: `/api/claims?q=${COMMON_WORD}&limit=1`,
        vary: (n) => `/api/claims?q=${COMMON_WORD}&limit=${1 + (n % 100)}&cursor=${encodeCursor({ n: 1 + Math.floor(n / 100) })}`,
      },
      {
        // A common word (or two) never asked before in this run, on every request.
        name: `search API, fresh common words`,
        path: `/api/claims?q=${encodeURIComponent(freshWords[0]!)}`,
        vary: (n) => `/api/claims?q=${encodeURIComponent(freshWords[(n + 1) % freshWords.length]!)}`,
        target: withinApiBudget,
      },
      // As a reviewer opens it: the finder's candidates on a ~20,000-word captured article,
      // computed on the page (ADR 027).
      { name: "claim finder, 20,000-word article", path: `/desk/sources/${FINDER_SOURCE}/finder`, headers: signedIn, target: withinApiBudget },
      // The editors' insights (ADR 031): every figure counted across all claims, drafts included.
      { name: `insights page, ${claims.toLocaleString("en")} claims (signed in)`, path: "/desk/insights", headers: signedIn, target: withinApiBudget },
      {
        // "Seen before?" (ADR 030): a signed-in desk question, a new text every request.
        name: `similar claims, ${claims.toLocaleString("en")} claims`,
        path: similarPath(0),
        vary: (n) => similarPath(n + 1),
        headers: signedIn,
        target: withinApiBudget,
      },
      // The desk's front page, "Needs review": a quarter of the claims, 200 a page, oldest first
      // (lib/data/desk.ts). No target of its own; the figure to watch as the desk grows.
      { name: `desk "Needs review", first page (signed in)`, path: "/desk", headers: signedIn },
      // The claim API once more, last: how far the machine's speed drifted over the run. On a
      // shared machine it can move by half in a few minutes, and every "vs claim API" figure
      // above is measured against the first reading; read them against both.
      { name: "claim API, again at the end", path: `/api/claims/${ids.claim}` },
    ];
    const judgedByApi = new Set<unknown>([halfClaimApi, withinApiBudget]);
    const rows: Row[] = [];
    let baseline: Row | null = null;
    let claimApi: Row | null = null;
    const sizes: Record<string, number> = {};
    for (const scenario of scenarios) {
      const isPaired = claimApi !== null && judgedByApi.has(scenario.target);
      if (isPaired) log(`Loading ${claimApi!.path} for ${duration} s with ${connections} connections (paired with the next row)…`);
      const paired = isPaired ? await load(claimApi!.path) : null;
      log(`Loading ${scenario.path} for ${duration} s with ${connections} connections…`);
      const result = await load(scenario.path, scenario.vary, scenario.through, scenario.headers);
      sizes[scenario.name] = result.bytes;
      const row: Row = {
        name: scenario.name,
        path: scenario.path,
        ...result,
        ratio: baseline ? result.rps / baseline.rps : 1,
        apiRatio: claimApi ? result.rps / claimApi.rps : null,
        target: "",
        met: null,
        ...(paired ? { pairedApi: { rps: paired.rps, p99: paired.p99 }, pairedRatio: result.rps / paired.rps } : {}),
      };
      if (!baseline) baseline = row;
      if (scenario.name === "claim API") {
        claimApi = row;
        row.apiRatio = 1;
      }
      if (scenario.target) {
        // Judged against the claim API as read just before this row, where it was read again.
        const api = paired && claimApi ? { ...claimApi, rps: paired.rps, p99: paired.p99 } : claimApi;
        [row.target, row.met] = scenario.target(row, baseline, api);
        // Timeouts and error answers are not fast answers: a scenario with any is a miss, and so
        // is one whose paired claim-API reading had any (a failing yardstick is an easy one).
        if (row.errors > 0 || row.rps === 0 || (paired !== null && (paired.errors > 0 || paired.rps === 0))) row.met = false;
      }
      rows.push(row);
    }

    log("Exporting every published claim as CSV…");
    const csv = await csvExport(server);
    // Last, and on another claim than the rows above read: each edit adds to the claim's public
    // history, and a data set is kept from run to run, so editing the measured claim made its
    // page (and the claim API's answer) grow by about 13 kB a run.
    let purge: { p50: number; max: number; rounds: number; met: boolean } | null = null;
    if (edge) {
      log(`Timing ${PURGE_ROUNDS} desk edits until each is on the claim page through Varnish…`);
      const timings = (await purgeLatency(edge.origin, await anotherPublishedClaim(ids.claim))).sort((a, b) => a - b);
      const max = timings.at(-1)!;
      purge = { p50: timings[Math.floor(timings.length / 2)]!, max, rounds: timings.length, met: max < 1000 };
    }
    const js = await firstLoadJs(`/claims/${ids.claim}`);
    const results = {
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version },
      engine,
      processes,
      claims,
      duration,
      connections,
      pageBytes: sizes,
      scenarios: rows,
      csvExport: { ...csv, target: "< 10 s and < 200 MB growth", met: csv.seconds < 10 && csv.growthMb < 200 },
      purgeVisibleThroughEdge: purge ? { ...purge, target: "every edit on the edge's page within 1 s" } : null,
      firstLoadJsGzipKb: js / 1024,
      firstLoadJsMet: js / 1024 < 130,
      wallSeconds: (Date.now() - wall) / 1000,
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

    const table = [
      ["scenario", "req/s", "p50", "p99", "errors", "vs static", "vs claim API", "vs API just before", "target", "met"],
      ...rows.map((r) => [
        r.name,
        r.rps.toFixed(0),
        ms(r.p50),
        ms(r.p99),
        String(r.errors),
        r.ratio === null ? "" : `${(r.ratio * 100).toFixed(0)}%`,
        r.apiRatio === null ? "" : `${r.apiRatio.toFixed(2)}x`,
        r.pairedApi ? `${r.pairedRatio!.toFixed(2)}x of ${r.pairedApi.rps.toFixed(0)}, p99 ${ms(r.pairedApi.p99)}` : "",
        r.target,
        r.met === null ? "" : r.met ? "yes" : "NO",
      ]),
      [`CSV export (${csv.rows.toLocaleString("en")} rows)`, "", "", "", "", "", "", "", results.csvExport.target, results.csvExport.met ? "yes" : "NO"],
      ["", `${csv.seconds.toFixed(1)} s`, `+${csv.growthMb.toFixed(0)} MB peak`, "", "", "", "", "", "", ""],
      ...(purge
        ? [
            [`desk edit visible through Varnish (${purge.rounds} edits)`, "", ms(purge.p50), `max ${ms(purge.max)}`, "", "", "", "", "within 1 s of saving", purge.met ? "yes" : "NO"],
          ]
        : []),
      ["first-load JS, claim page (gzip)", `${results.firstLoadJsGzipKb.toFixed(1)} kB`, "", "", "", "", "", "", "< 130 kB", results.firstLoadJsMet ? "yes" : "NO"],
    ];
    const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
    const line = (row: string[]) => row.map((cell, c) => (c === 0 || c === 8 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
    const where = `${processes} process${processes > 1 ? "es" : ""} on ${engine === "postgres" ? "PostgreSQL" : "SQLite"}${services.redisUrl ? " and Redis" : ""}`;
    console.log(`Factline benchmark: ${where}, ${claims.toLocaleString("en")} claims, ${connections} connections, ${duration} s a scenario, ${results.machine.cpus} CPUs (${results.machine.cpuModel}), Node ${process.version}`);
    console.log(line(table[0]!));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const row of table.slice(1)) console.log(line(row));
    console.log(`Written to ${path.relative(process.cwd(), out)}; ${results.wallSeconds.toFixed(0)} s in all.`);
  } finally {
    await edge?.stop();
    for (const server of servers) server.kill("SIGTERM");
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
