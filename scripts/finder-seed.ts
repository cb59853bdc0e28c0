// `npm run finder:seed`: how well the claim finder ranks the seed article's sentences. For each
// of the seed's claims, the rank of the first candidate whose sentence holds the claim's quote
// on the article, and how many are among the first 25. docs/decisions/027-claim-finder.md.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findCandidates } from "../lib/finder";
import { checkQuote } from "../lib/quote-check";
import { ARTICLE_FILE, claimants, claims, sources } from "../prisma/seed-data/microsoft-ice";

export const TOP = 25;

export interface SeedRanking {
  candidates: number;
  ranks: { claimId: string; quote: string; rank: number | null }[];
  inTop: number;
}

export function rankSeedClaims(): SeedRanking {
  const article = sources.find((s) => s.capturesArticle);
  if (!article) throw new Error("The seed has no captured article.");
  const text = fs.readFileSync(path.join(import.meta.dirname, "..", "prisma", "seed-data", ARTICLE_FILE), "utf8");
  const candidates = findCandidates(text, { claimants });
  const ranks = claims.map((claim) => {
    const quote = claim.links.find((link) => link.sourceId === article.id && link.quote !== "")?.quote ?? claim.text;
    const at = candidates.findIndex((c) => checkQuote(quote, c.sentence).status === "found");
    return { claimId: claim.id, quote, rank: at < 0 ? null : at + 1 };
  });
  return { candidates: candidates.length, ranks, inTop: ranks.filter((r) => r.rank !== null && r.rank <= TOP).length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { candidates, ranks, inTop } = rankSeedClaims();
  console.log(`The finder lists ${candidates} candidates in the seed article.`);
  for (const { claimId, rank } of ranks) console.log(`${rank === null ? "  -" : String(rank).padStart(3)}  ${claimId}${rank === null ? " (its quote is in no single candidate sentence)" : ""}`);
  console.log(`${inTop} of ${ranks.length} seed claims' sentences are among the first ${TOP} candidates.`);
}
