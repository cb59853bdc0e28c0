// `npm run bench:search [-- --db FILE --runs N]`: how long a search nobody asked before takes,
// by kind of query, in one process with no cache in front (lib/data/claims listClaims with the
// plain searchClaimIds: the search, then the page's claims, as /api/claims does without the kept
// answers of ADR 017). Prints p50 and p99 in milliseconds per kind, and the same for reading
// one claim (getClaim, what the claim API does), the baseline `npm run bench` compares with.
// The default database is the 100,000-claim set `npm run bench` builds (.tmp/bench); a
// postgresql:// URL in --db measures PostgreSQL (a copy made with `npm run db:copy`).
import path from "node:path";
import { COMMON_WORD, RARE_WORD } from "./bench/synthetic-data";

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

const root = path.resolve(import.meta.dirname, "..");
const target = option("db", path.join(root, ".tmp", "bench", "bench-100000.db"));
const runs = Number(option("runs", "40"));
if (!Number.isInteger(runs) || runs < 2) throw new Error("--runs takes a whole number of 2 or more");
process.env.DATABASE_URL = target.startsWith("postgresql://") ? target : `file:${path.resolve(target)}`;

const { db } = await import("@/lib/db");
const { listClaims, getClaim } = await import("@/lib/data/claims");

const someClaim = await db.claim.findFirstOrThrow({ where: { publishedAt: { not: null } }, orderBy: { createdAt: "desc" }, select: { id: true, storyId: true } });

const CASES: { name: string; q: string; filters?: Record<string, string>; page?: number }[] = [
  { name: "common word", q: COMMON_WORD },
  { name: "common word, page 5", q: COMMON_WORD, page: 5 },
  { name: "common prefix (3 letters)", q: COMMON_WORD.slice(0, 3) },
  { name: "rare word", q: RARE_WORD },
  { name: "two words", q: `${COMMON_WORD} budget` },
  { name: "number", q: "1,400" },
  { name: "common word + status", q: COMMON_WORD, filters: { status: "false" } },
  { name: "common word + story", q: COMMON_WORD, filters: { story: someClaim.storyId } },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(run: () => Promise<unknown>): Promise<{ p50: number; p99: number; mean: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

const claims = await db.claim.count();
console.log(`Search, ${claims.toLocaleString("en")} claims, ${runs} runs each, ${process.env.DATABASE_URL.split(":")[0]} (${path.basename(target)})`);
const baseline = await measure(() => getClaim(someClaim.id));
const rows: string[][] = [["query", "p50 ms", "p99 ms", "total", "p99 / claim p99"]];
rows.push(["claim read (baseline)", baseline.p50.toFixed(2), baseline.p99.toFixed(2), "", "1.0"]);
for (const c of CASES) {
  const limit = 20;
  const cursor = c.page ? { n: (c.page - 1) * limit } : null;
  let total = "";
  const figures = await measure(async () => {
    const page = await listClaims({ q: c.q, ...c.filters }, { limit, cursor });
    total = `${page.total}${"totalIsCapped" in page && page.totalIsCapped ? "+" : ""}`;
  });
  rows.push([`${c.name} (${c.q})`, figures.p50.toFixed(2), figures.p99.toFixed(2), total, (figures.p99 / baseline.p99).toFixed(1)]);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
await db.$disconnect();
