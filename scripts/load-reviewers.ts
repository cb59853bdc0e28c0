// npm run load:reviewers: 20 simulated reviewers, signed in, change the status of claims for 60
// seconds against the production server: each has a claim of their own, and all of them share a
// few. It reports throughput and latency, and checks the record afterwards: no 5xx, every change
// the server accepted is in the claim's history (no lost update), and every change it refused
// got the conflict answer and is not (no silent overwrite). Exits 1 if any check fails.
//
// Options: --reviewers N (20), --duration S (60), --shared N (5 claims all reviewers edit),
// --think-ms MS (250, a pause after each change), --port P (3401), --out FILE, --no-build,
// --db sqlite|postgres (sqlite), --processes N (1). With `--db postgres --processes 2` the app
// runs as two processes on a PostgreSQL and a Redis of the script's own (scripts/serve.ts), and
// each reviewer signs in on one process and then sends every other change to the other.
import fs from "node:fs";
import path from "node:path";
import { Visitor, formFields } from "./load/no-js-form";
import { deploymentOptions, ensureBuild, startBackingServices, startProductionServers, type BackingServices } from "./serve";

const root = path.resolve(import.meta.dirname, "..");

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : process.argv[at + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
  return value;
}

const reviewers = Number(option("reviewers", "20"));
const duration = Number(option("duration", "60"));
const sharedCount = Number(option("shared", "5"));
const thinkMs = Number(option("think-ms", "250"));
const port = Number(option("port", "3401"));
const out = path.resolve(option("out", path.join(root, ".tmp", "load", "reviewers.json")));
const { engine, processes } = deploymentOptions(option);
for (const [name, value] of Object.entries({ reviewers, duration, sharedCount, thinkMs, port })) {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got ${value}`);
}
const origins = Array.from({ length: processes }, (_, i) => `http://127.0.0.1:${port + i}`);
const dir = path.join(root, ".tmp", "load");
const file = path.join(dir, "reviewers.db");
const PASSWORD = "harbour lantern quiet ferns";
// Both of the desk's conflict answers ("… after you opened it", "… a moment ago") begin so.
const CONFLICT = "Someone else saved this claim";
// Statuses a reviewer may set on a draft, cycled through.
const STATUSES = ["in-review", "accurate", "mostly-accurate", "misleading", "false", "unsupported"];

interface Claim {
  id: string;
  shared: boolean;
}

async function prepare(databaseUrl: string): Promise<{ claims: Claim[]; own: string[] }> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.LOG_LEVEL ??= "warn";
  const { prepareDatabase } = await import("./prepare-db");
  await prepareDatabase({ log: () => {} });
  const { createAccount } = await import("../lib/accounts");
  const { db } = await import("../lib/db");
  const { createClaim } = await import("../lib/operations/claims");
  const editor = await createAccount({ email: "load-editor@example.org", name: "Load editor", role: "editor", password: PASSWORD });
  const actor = { id: editor.id, name: "Load editor", email: "load-editor@example.org", role: "editor" as const };
  const story = await db.story.findFirstOrThrow({ select: { id: true } });
  const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
  const draft = async (label: string) =>
    (await createClaim(actor, { text: `${label}: the harbour's traffic fell by half.`, summary: label, claimantId: claimant.id, newClaimantName: null, newClaimantKind: undefined, newClaimantUrl: null, claimDate: null, storyId: story.id })).id;
  const claims: Claim[] = [];
  for (let i = 0; i < sharedCount; i++) claims.push({ id: await draft(`Shared load claim ${i + 1}`), shared: true });
  const own: string[] = [];
  for (let i = 0; i < reviewers; i++) {
    await createAccount({ email: `reviewer-${i + 1}@load.example.org`, name: `Load reviewer ${i + 1}`, role: "reviewer", password: PASSWORD });
    const id = await draft(`Reviewer ${i + 1}'s load claim`);
    own.push(id);
    claims.push({ id, shared: false });
  }
  await db.$disconnect();
  return { claims, own };
}

interface Outcome {
  reviewer: number;
  claimId: string;
  reason: string;
  /** The claim's version the reviewer's form was based on. */
  version: string;
  kind: "accepted" | "conflict" | "rate-limited" | "server-error" | "unexpected";
  ms: number;
  detail?: string;
}

async function signIn(visitor: Visitor, n: number): Promise<void> {
  const page = await visitor.get("/sign-in");
  const fields = formFields(page.html, 'name="password"');
  fields.set("email", `reviewer-${n}@load.example.org`);
  fields.set("password", PASSWORD);
  const result = await visitor.post("/sign-in", fields);
  if (result.status !== 303 || !result.location?.includes("/desk")) throw new Error(`reviewer ${n} could not sign in (HTTP ${result.status})`);
}

async function reviewer(n: number, ownClaim: string, shared: Claim[], deadline: number, outcomes: Outcome[]): Promise<void> {
  // Signed in on one process; then each change goes to the next process in turn, with the same cookie.
  const home = new Visitor(origins[n % origins.length]!, `10.20.0.${n}`);
  await signIn(home, n);
  for (let step = 0; Date.now() < deadline; step++) {
    const visitor = home.at(origins[(n + step) % origins.length]!);
    const claimId = shared.length > 0 && step % 2 === 1 ? shared[(n + step) % shared.length]!.id : ownClaim;
    const page = await visitor.get(`/desk/claims/${claimId}`);
    if (page.status !== 200) {
      outcomes.push({ reviewer: n, claimId, reason: "", version: "", kind: page.status >= 500 ? "server-error" : "unexpected", ms: 0, detail: `GET ${page.status}` });
      continue;
    }
    const fields = formFields(page.html, "Change the status");
    const reason = `Reviewer ${n}, change ${step + 1}`;
    fields.set("status", STATUSES[(n + step) % STATUSES.length]!);
    fields.set("reason", reason);
    const started = performance.now();
    const result = await visitor.post(`/desk/claims/${claimId}`, fields);
    const ms = performance.now() - started;
    let kind: Outcome["kind"];
    if (result.status === 303 && result.location?.includes(`/desk/claims/${claimId}`)) kind = "accepted";
    else if (result.status === 200 && result.html.includes(CONFLICT)) kind = "conflict";
    else if (result.status === 429) kind = "rate-limited";
    else if (result.status >= 500) kind = "server-error";
    else kind = "unexpected";
    outcomes.push({ reviewer: n, claimId, reason, version: fields.get("version") ?? "", kind, ms, ...(kind === "unexpected" ? { detail: `HTTP ${result.status} ${result.html.slice(0, 120)}` } : {}) });
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs));
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Every accepted change is in its claim's history; no refused one is; nothing else is. And no two
 * accepted changes to a claim were made from the same version of it: the second would have been
 * saved over a change its author never saw, which is what a lost update is.
 */
async function checkRecord(databaseUrl: string, outcomes: Outcome[]): Promise<{ lost: string[]; overwritten: string[]; unknown: string[]; unseen: string[] }> {
  const { createPrismaClient } = await import("../lib/db");
  const db = createPrismaClient(databaseUrl);
  try {
    const rows = await db.$queryRaw<{ claimId: string; reason: string }[]>`SELECT "claimId", reason FROM "ClaimEvent" WHERE kind = 'status-changed'`;
    const recorded = new Set(rows.map((row) => `${row.claimId} ${row.reason}`));
    const key = (o: Outcome) => `${o.claimId} ${o.reason}`;
    const accepted = outcomes.filter((o) => o.kind === "accepted");
    const refused = outcomes.filter((o) => o.kind !== "accepted" && o.reason !== "");
    const sent = new Set(outcomes.map(key));
    const seenVersions = new Set<string>();
    const unseen: string[] = [];
    for (const o of accepted) {
      const base = `${o.claimId} v${o.version}`;
      if (seenVersions.has(base)) unseen.push(`${key(o)} (from ${base})`);
      seenVersions.add(base);
    }
    return {
      unseen,
      lost: accepted.filter((o) => !recorded.has(key(o))).map(key),
      overwritten: refused.filter((o) => recorded.has(key(o))).map(key),
      unknown: [...recorded].filter((k) => !sent.has(k)),
    };
  } finally {
    await db.$disconnect();
  }
}

async function main(): Promise<void> {
  ensureBuild();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const services: BackingServices = await startBackingServices(engine, processes, file, "factline_load");
  const outcomes: Outcome[] = [];
  let elapsed = 0;
  let record: Awaited<ReturnType<typeof checkRecord>>;
  let shared: Claim[] = [];
  try {
    const prepared = await prepare(services.databaseUrl);
    shared = prepared.claims.filter((c) => c.shared);
    const servers = await startProductionServers(port, processes, services, { LOG_LEVEL: "error" });
    try {
      const where = `${processes} process${processes > 1 ? "es" : ""} on ${engine === "postgres" ? "PostgreSQL" : "SQLite"}${services.redisUrl ? " and Redis" : ""}`;
      console.log(`${reviewers} reviewers for ${duration} s against ${where}: each edits their own claim and ${shared.length} shared ones, pausing ${thinkMs} ms after each change…`);
      const started = Date.now();
      const deadline = started + duration * 1000;
      await Promise.all(prepared.own.map((claimId, i) => reviewer(i + 1, claimId, shared, deadline, outcomes)));
      elapsed = (Date.now() - started) / 1000;
    } finally {
      for (const server of servers) server.kill("SIGTERM");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    record = await checkRecord(services.databaseUrl, outcomes);
  } finally {
    await services.stop();
  }

  const count = (kind: Outcome["kind"]) => outcomes.filter((o) => o.kind === kind).length;
  const answered = outcomes.filter((o) => o.kind === "accepted" || o.kind === "conflict");
  const { lost, overwritten, unknown, unseen } = record;
  const result = {
    engine,
    processes,
    reviewers,
    seconds: Number(elapsed.toFixed(1)),
    writes: outcomes.length,
    accepted: count("accepted"),
    conflicts: count("conflict"),
    rateLimited: count("rate-limited"),
    serverErrors: count("server-error"),
    unexpected: count("unexpected"),
    writesPerSecond: Number((outcomes.length / elapsed).toFixed(1)),
    p50Ms: Number(percentile(answered.map((o) => o.ms), 50).toFixed(1)),
    p99Ms: Number(percentile(answered.map((o) => o.ms), 99).toFixed(1)),
    lostUpdates: lost.length,
    refusedButWritten: overwritten.length,
    unexplainedEvents: unknown.length,
    savedOverUnseen: unseen.length,
    samples: { unexpected: outcomes.filter((o) => o.kind === "unexpected").slice(0, 3).map((o) => o.detail), lost: lost.slice(0, 3), overwritten: overwritten.slice(0, 3), savedOverUnseen: unseen.slice(0, 3) },
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);

  const checks: [string, boolean][] = [
    ["no 5xx responses", result.serverErrors === 0],
    ["no unexpected responses", result.unexpected === 0],
    ["every accepted change is in the history", result.lostUpdates === 0],
    ["no refused change was written", result.refusedButWritten === 0],
    ["every history event is a change a reviewer sent", result.unexplainedEvents === 0],
    ["no change was saved over one its author had not seen", result.savedOverUnseen === 0],
    ["the shared claims saw conflicts (the test raced)", shared.length === 0 || result.conflicts > 0],
  ];
  console.log(
    [
      `writes sent          ${result.writes} in ${result.seconds} s (${result.writesPerSecond}/s)`,
      `accepted             ${result.accepted}`,
      `refused as conflicts ${result.conflicts}`,
      `rate-limited (429)   ${result.rateLimited}`,
      `5xx                  ${result.serverErrors}`,
      `latency of a change  p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`,
      ...checks.map(([name, ok]) => `${ok ? "ok  " : "FAIL"} ${name}`),
      `Written to ${path.relative(root, out)}.`,
    ].join("\n"),
  );
  if (checks.some(([, ok]) => !ok)) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
