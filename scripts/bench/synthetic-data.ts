// A deterministic newsroom-sized data set for the benchmark: the same seed gives the same rows,
// so figures from two machines or two commits compare like with like. Written straight through
// better-sqlite3 in one transaction (the app's own write path would take hours at this size);
// the database's triggers (history append-only, search index) run as for any write.
import type Database from "better-sqlite3";

export interface SyntheticSize {
  claims: number;
  sources: number;
  claimants: number;
  stories: number;
  linksPerClaim: number;
}

export function defaultSize(claims: number): SyntheticSize {
  // The proportions at 100,000 claims: 5,000 sources, 2,000 claimants, 200 stories.
  const scale = claims / 100_000;
  return {
    claims,
    sources: Math.max(50, Math.round(5_000 * scale)),
    claimants: Math.max(20, Math.round(2_000 * scale)),
    stories: Math.max(5, Math.round(200 * scale)),
    linksPerClaim: 3,
  };
}

/** mulberry32: small, fast and good enough to spread rows; the seed fixes the data set. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYNTHETIC_WORDS =
  "budget contract cloud data agency storage minister council police school hospital report figure percent million billion rose fell doubled tripled tax spending court ruling election vote campaign housing rent energy price inflation wages jobs border migration health vaccine climate emissions water transport rail road crime prison audit survey study census poll filing statement interview record award licence network platform service privacy surveillance software contractor procurement".split(
    " ",
  );
/** In about three claims in ten: the search benchmark's common word. */
export const COMMON_WORD = "government";
/** In a handful of claims: the search benchmark's rare word. */
export const RARE_WORD = "zephyrine";
const FIRST = "Amina Bruno Chen Dara Elena Farid Grace Hugo Ines Jonas Kemi Luca Maya Nils Omar Priya Rosa Sami Tara Ugo".split(" ");
const LAST = "Adeyemi Barros Costa Dubois Eriksen Fischer Garcia Haddad Ivanova Jensen Kowalski Lopez Moreau Novak Okafor".split(" ");
export const SYNTHETIC_STATUSES = ["unverified", "in-review", "accurate", "mostly-accurate", "misleading", "false", "unsupported", "not-checkable"];
const STATUS_WEIGHTS = [0.2, 0.05, 0.15, 0.15, 0.15, 0.15, 0.1, 0.05];

/** Dates as Prisma's SQLite adapter stores them, so keyset comparisons order alike. */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export interface SyntheticIds {
  /** A published claim with three sources: the claim page and claim API scenarios read it. */
  claim: string;
  /** A source cited by many published claims: the backlinks scenario reads it. */
  popularSource: string;
  popularSourceBacklinks: number;
  story: string;
}

export function writeSyntheticData(db: Database.Database, size: SyntheticSize, seed = 20261129): SyntheticIds {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(SYNTHETIC_WORDS)).join(" ");
  const start = Date.UTC(2025, 0, 1);
  const statusOf = () => {
    let r = rnd();
    for (let i = 0; i < SYNTHETIC_STATUSES.length; i++) {
      r -= STATUS_WEIGHTS[i]!;
      if (r <= 0) return SYNTHETIC_STATUSES[i]!;
    }
    return SYNTHETIC_STATUSES[0]!;
  };

  const insertStory = db.prepare(`INSERT INTO "Story" (id, slug, title, summary, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`);
  const insertClaimant = db.prepare(`INSERT INTO "Claimant" (id, name, kind, description, "createdAt", "updatedAt") VALUES (?, ?, ?, '', ?, ?)`);
  const insertSource = db.prepare(
    `INSERT INTO "Source" (id, title, publisher, url, "publishedAt", kind, description, "capturedText", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 'article', '', ?, ?, ?)`,
  );
  const insertClaim = db.prepare(
    `INSERT INTO "Claim" (id, text, summary, "claimantId", "storyId", "claimDate", "claimDatePrecision", status, "statusReason", "publishedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, 'day', ?, ?, ?, ?, ?)`,
  );
  const insertLink = db.prepare(
    `INSERT INTO "ClaimSource" (id, "claimId", "sourceId", relation, quote, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNote = db.prepare(`INSERT INTO "Annotation" (id, "claimId", "authorId", body, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(`INSERT INTO "ClaimEvent" (id, "claimId", "actorId", kind, "after", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`);

  const sourceTexts: string[] = [];
  const ids: SyntheticIds = { claim: "", popularSource: "bench-source-0", popularSourceBacklinks: 0, story: "bench-story-0" };

  db.transaction(() => {
    const at = iso(start);
    db.prepare(`INSERT INTO "User" (id, name, email, role, "createdAt", "updatedAt") VALUES ('bench-user', 'Bench Reviewer', 'bench@factline.invalid', 'reviewer', ?, ?)`).run(at, at);
    for (let i = 0; i < size.stories; i++) insertStory.run(`bench-story-${i}`, `bench-story-${i}`, `Story ${i}: ${words(5)}`, words(20), at, at);
    for (let i = 0; i < size.claimants; i++) {
      insertClaimant.run(`bench-claimant-${i}`, i % 3 === 0 ? `${pick(LAST)} ${words(1)} office ${i}` : `${pick(FIRST)} ${pick(LAST)} ${i}`, i % 3 === 0 ? "organization" : "person", at, at);
    }
    for (let i = 0; i < size.sources; i++) {
      const text = `${words(120)}.`;
      sourceTexts.push(text);
      insertSource.run(`bench-source-${i}`, `Source ${i}: ${words(6)}`, `Publisher ${i % 97}`, `https://news.example/${i}`, iso(start + i * 60_000), text, at, at);
    }
    for (let i = 0; i < size.claims; i++) {
      const id = `bench-claim-${i}`;
      const created = iso(start + i * 1_000);
      const published = rnd() < 0.9;
      const status = statusOf();
      const extra = rnd() < 0.3 ? ` ${COMMON_WORD}` : "";
      const rare = i % Math.max(1, Math.floor(size.claims / 5)) === 7 ? ` ${RARE_WORD}` : "";
      const summary = `${words(8)}${extra}${rare}`.slice(0, 120);
      insertClaim.run(
        id,
        `${words(25)}${extra}${rare}.`,
        summary,
        `bench-claimant-${Math.floor(rnd() * size.claimants)}`,
        `bench-story-${Math.floor(rnd() * size.stories)}`,
        iso(Date.UTC(2020, 0, 1) + Math.floor(rnd() * 2_000) * 86_400_000),
        status,
        status === "unverified" ? "" : words(30),
        published ? created : null,
        created,
        created,
      );
      const used = new Set<number>();
      // One claim in 60 cites the popular source: hundreds of backlinks at the default size.
      const popular = i % 60 === 0;
      for (let l = 0; l < size.linksPerClaim; l++) {
        let source = l === 0 && popular ? 0 : 1 + Math.floor(rnd() * (size.sources - 1));
        while (used.has(source)) source = 1 + ((source + 1) % (size.sources - 1));
        used.add(source);
        const relation = l === 0 ? "appears-in" : l === 1 ? (rnd() < 0.5 ? "supports" : "disputes") : "context";
        const text = sourceTexts[source]!.split(" ");
        const from = Math.floor(rnd() * (text.length - 8));
        const quote = relation === "context" ? "" : text.slice(from, from + 6).join(" ");
        insertLink.run(`${id}-l${l}`, id, `bench-source-${source}`, relation, quote, created, created);
        if (source === 0 && published) ids.popularSourceBacklinks++;
      }
      insertNote.run(`${id}-n`, id, "bench-user", `Checked **${words(3)}** against the filing.`, created, created);
      insertEvent.run(`${id}-e0`, id, "bench-user", "created", JSON.stringify({ summary }), created);
      if (published) {
        insertEvent.run(`${id}-e1`, id, "bench-user", "published", JSON.stringify({ publishedAt: created }), created);
        if (!ids.claim && i > size.claims / 2) ids.claim = id;
      }
    }
  })();
  return ids;
}
