import "server-only";
import { keptWhilePublishedUnchanged } from "@/lib/cache/kept";
import { databaseEngine, type DatabaseEngine } from "@/lib/database-url";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";
import { searchPostgres } from "./postgres";
import type { PageRequest, SearchPage } from "./query";
import { searchSqlite } from "./sqlite";

export type { SearchPage } from "./query";
export { matchPhrase } from "./sqlite";

/**
 * Claim search (docs/decisions/013-full-text-search.md, 018-postgresql.md): what a query means,
 * here; how the index answers it, in one module per engine (./sqlite.ts with FTS5, ./postgres.ts
 * with tsvector), each the only place with its search SQL.
 *
 * Every word must match somewhere, as a word or the start of one ("tripl" finds "tripled"), and a
 * number however its thousands are written ("1400", "1,400", "1.400"). Ranking is by tiers of
 * where the words matched (./query.ts TIERS, ADR 023): all in the summary, what the claim is
 * about, first; then with the claimant; then with the verbatim text; last with the quotes in
 * sources; the newest claim first within a tier. Totals are exact up to COUNT_CAP.
 */
const MAX_TERMS = 8;

const SEARCH_BY_ENGINE: Record<DatabaseEngine, (db: PrismaClient, terms: string[], filters: ClaimFilters, page: PageRequest) => Promise<SearchPage>> = {
  sqlite: searchSqlite,
  postgresql: searchPostgres,
};

const noAnswer = (): SearchPage => ({ ids: [], total: 0, totalIsCapped: false });

/**
 * Lower-cased words of the query, punctuation dropped, duplicates removed. A word keeps the
 * `$ % . ' ’ -` inside it ("$139.3m", "ice's", "six-month"); a piece with no letter or digit
 * ("$", "%") is not a word, since the index holds letters and digits only. A comma or point
 * between a digit and exactly three more is a thousands separator and is dropped ("1,400" and
 * "1.400" are "1400"; "$139.3m" and "2.5" are kept as they are).
 */
export function searchTerms(query: string): string[] {
  const words = query
    .toLowerCase()
    .normalize("NFKC")
    .replace(/(?<=\p{N})[,.](?=\p{N}{3}(?!\p{N}))/gu, "")
    .split(/[^\p{L}\p{N}$%.'’-]+/u)
    .map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, ""))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** Published claims matching every word of `query` and the filters, best first. */
export async function searchClaimIds(query: string, filters: ClaimFilters, page: PageRequest): Promise<SearchPage> {
  return searchByTerms(searchTerms(query), filters, page);
}

/** The same search through a client of one's own (tests compare the engines with it). */
export async function searchClaimIdsWith(client: PrismaClient, engine: DatabaseEngine, query: string, filters: ClaimFilters, page: PageRequest): Promise<SearchPage> {
  const terms = searchTerms(query);
  if (terms.length === 0) return noAnswer();
  return SEARCH_BY_ENGINE[engine](client, terms, filters, page);
}

async function searchByTerms(terms: string[], filters: ClaimFilters, page: PageRequest): Promise<SearchPage> {
  if (terms.length === 0) return noAnswer();
  return SEARCH_BY_ENGINE[databaseEngine()](db, terms, filters, page);
}

const keptSearch = keptWhilePublishedUnchanged(searchByTerms, "claim-search");

/**
 * searchClaimIds for readers' requests (the claims page and the API), kept in Next.js's data
 * cache: readers ask for the same few names again and again, and a kept answer costs nothing
 * to give again. The answer is a page of ids and a total, which depends
 * only on which claims are published and what they say (lib/cache/kept.ts). It is kept by the
 * words, not their spelling or order ("ICE Microsoft" and "microsoft ice" are one entry), the
 * filters and the page. The claims themselves are read fresh for each request.
 */
export async function keptSearchClaimIds(
  query: string,
  filters: ClaimFilters,
  page: { offset: number; limit: number },
): Promise<SearchPage> {
  const terms = searchTerms(query);
  if (terms.length === 0) return noAnswer();
  const { status, claimant, story, source } = filters;
  // Every word must match and the tiers ask where all of them are, so their order changes nothing.
  return keptSearch(terms.toSorted(), { status, claimant, story, source }, { offset: page.offset, limit: page.limit });
}
