import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";

/**
 * The judgment list search relevance is held to (docs/decisions/023-fast-first-search.md):
 * queries a reader would type, each with the claims a person reading the data judged must be
 * among the first `top` results, and claims that must never be found. Not a copy of what the
 * ranking happens to return: an order among the other results is free to change.
 * lib/search/judgments.test.ts runs every judgment on both engines.
 */
export interface Judgment {
  query: string;
  filters?: ClaimFilters;
  top: number;
  mustInclude: string[];
  mustExclude?: string[];
  why: string;
}

const GUARDIAN = ["ice-tripled-azure-data", "ice-azure-growth-matched-budget-and-staff", "ice-used-microsoft-ai-tools-on-azure-data"];
const MASS_SURVEILLANCE = ["microsoft-terms-forbid-mass-surveillance", "microsoft-doubts-ice-mass-surveillance", "microsoft-disabled-israeli-unit-services"];

/** On the seed story (prisma/seed.ts): twelve claims about Microsoft, ICE and their contractors. */
export const SEED_JUDGMENTS: Judgment[] = [
  { query: "palantir", top: 1, mustInclude: ["palantir-ice-case-management-2022"], why: "the only Palantir claim" },
  { query: "PALANTÍR", top: 1, mustInclude: ["palantir-ice-case-management-2022"], why: "case and accents folded" },
  { query: "palantir contract", top: 1, mustInclude: ["palantir-ice-case-management-2022"], why: "both words in its summary" },
  { query: "$139.3m", top: 1, mustInclude: ["palantir-ice-case-management-2022"], why: "a sum with a decimal point" },
  { query: "139.3", top: 1, mustInclude: ["palantir-ice-case-management-2022"], why: "the sum without its unit" },
  { query: "tripled", top: 1, mustInclude: ["ice-tripled-azure-data"], why: "the only claim with the word" },
  { query: "tripl", top: 1, mustInclude: ["ice-tripled-azure-data"], why: "the start of a word" },
  { query: "azure", top: 3, mustInclude: GUARDIAN, why: "the three claims with Azure in the summary, before any other" },
  { query: "mass surveillance", top: 3, mustInclude: MASS_SURVEILLANCE, why: "the three summaries about mass surveillance" },
  { query: "surveillance mass", top: 3, mustInclude: MASS_SURVEILLANCE, why: "word order changes nothing" },
  { query: "israeli", top: 1, mustInclude: ["microsoft-disabled-israeli-unit-services"], why: "the Israeli unit claim" },
  { query: "israeli military unit", top: 1, mustInclude: ["microsoft-disabled-israeli-unit-services"], why: "all three words in its summary" },
  { query: "palestinian", top: 1, mustInclude: ["microsoft-disabled-israeli-unit-services"], why: "a word only in its text" },
  { query: "dell", top: 1, mustInclude: ["dell-ice-microsoft-licenses-2025"], why: "the Dell claim" },
  { query: "$18.8M", top: 1, mustInclude: ["dell-ice-microsoft-licenses-2025"], why: "its sum" },
  { query: "licenses", top: 1, mustInclude: ["dell-ice-microsoft-licenses-2025"], why: "licenses in its summary" },
  { query: "enterprise", top: 1, mustInclude: ["dell-ice-microsoft-licenses-2025"], why: "Microsoft Enterprise licenses" },
  { query: "AT&T", top: 1, mustInclude: ["att-ice-network-contract-2021"], why: "the AT&T claim, newest of those with both pieces in the summary" },
  { query: "2032", top: 1, mustInclude: ["att-ice-network-contract-2021"], why: "a year in its summary" },
  { query: "$165.2M", top: 1, mustInclude: ["att-ice-network-contract-2021"], why: "its sum" },
  { query: "90.7m", top: 1, mustInclude: ["att-ice-network-contract-2021"], why: "its other sum" },
  { query: "congress", top: 1, mustInclude: ["microsoft-calls-for-legal-boundaries"], why: "the claim about Congress" },
  { query: "law enforcement", top: 1, mustInclude: ["microsoft-calls-for-legal-boundaries"], why: "both words in its summary; ICE's claimant name has only one" },
  { query: "dhs", top: 1, mustInclude: ["microsoft-supplies-dhs-through-partners"], why: "DHS in its summary" },
  { query: "partners", top: 1, mustInclude: ["microsoft-supplies-dhs-through-partners"], why: "through partners" },
  { query: "declined comment", top: 1, mustInclude: ["ice-declines-to-comment-on-tools"], why: "ICE declined to comment" },
  { query: "investigative tools", top: 1, mustInclude: ["ice-declines-to-comment-on-tools"], why: "both in its summary; Palantir's has only one" },
  { query: "apprehensions", top: 1, mustInclude: ["ice-declines-to-comment-on-tools"], why: "a word only in its text" },
  { query: "immigration", top: 1, mustInclude: ["ice-declines-to-comment-on-tools"], why: "in ICE's name as claimant, before a claim with it only in the text" },
  { query: "guardian", top: 3, mustInclude: GUARDIAN, why: "the Guardian's three reports" },
  {
    query: "microsoft ice",
    top: 5,
    mustInclude: ["microsoft-doubts-ice-mass-surveillance", "microsoft-supplies-dhs-through-partners", "ice-tripled-azure-data", "ice-used-microsoft-ai-tools-on-azure-data", "dell-ice-microsoft-licenses-2025"],
    why: "the five summaries naming both, before those naming one",
  },
  { query: "civilians", top: 2, mustInclude: ["microsoft-terms-forbid-mass-surveillance", "microsoft-doubts-ice-mass-surveillance"], why: "surveillance of civilians" },
  { query: "budget", top: 1, mustInclude: ["ice-azure-growth-matched-budget-and-staff"], why: "budget increases" },
  { query: "workforce", top: 1, mustInclude: ["ice-azure-growth-matched-budget-and-staff"], why: "workforce growth" },
  { query: "january 2026", top: 1, mustInclude: ["ice-tripled-azure-data"], why: "the six months to January 2026" },
  { query: "six-month", top: 1, mustInclude: ["ice-tripled-azure-data"], why: "a hyphenated word, in its text" },
  { query: "Microsoft’s azure", top: 1, mustInclude: ["ice-tripled-azure-data"], why: "a typographic apostrophe, matched whole" },
  { query: "ICE's", top: 2, mustInclude: ["dell-ice-microsoft-licenses-2025", "ice-azure-growth-matched-budget-and-staff"], why: "ICE's in both summaries" },
  { query: "case management", top: 1, mustInclude: ["palantir-ice-case-management-2022"], why: "investigative case management" },
  {
    query: "technologies",
    top: 3,
    mustInclude: ["dell-ice-microsoft-licenses-2025", "palantir-ice-case-management-2022", "ice-declines-to-comment-on-tools"],
    why: "three summaries say technologies; a fourth claim only in its text",
  },
  { query: "microsoft", filters: { claimant: "the-guardian" }, top: 2, mustInclude: ["ice-tripled-azure-data", "ice-used-microsoft-ai-tools-on-azure-data"], why: "the Guardian's reports naming Microsoft" },
  { query: "microsoft", filters: { status: "not-checkable" }, top: 1, mustInclude: ["microsoft-calls-for-legal-boundaries"], why: "the one not-checkable claim" },
];

/**
 * Claims written into the synthetic benchmark data (scripts/bench/synthetic-data.ts) after it,
 * in this order, so each is newer than every synthetic claim and than the ones before it.
 */
const JUDGED: { id: string; summary: string; text: string; quote?: string; claimant?: string; status?: string; story?: string; published?: boolean }[] = [
  { id: "judged-summary", summary: "Government rail budget doubled, the minister says", text: "The budget for rail doubled.", status: "false", story: "bench-story-3" },
  // Newer than judged-summary, but the words are only in a quote: it must come after.
  { id: "judged-quote", summary: "Ferry timetable changed", text: "Ferries now leave every hour.", quote: "the government rail budget" },
  { id: "judged-number", summary: "Council spent 1,400 on audits last year", text: "An audit of the council." },
  { id: "judged-accents", summary: "Café rents in Zürich doubled", text: "Rents for cafés rose." },
  { id: "judged-claimant", summary: "Water prices rose", text: "Prices for water rose.", claimant: "Ottoline Quist" },
  { id: "judged-prefix", summary: "Hedgehogs counted in parks", text: "A census of hedgehogs." },
  { id: "judged-rare", summary: "Budget report published", text: "The zephyrine ledger was found in the audit." },
  { id: "judged-draft", summary: "Zephyrine draft not yet checked", text: "Zephyrine, government, rail.", published: false },
];

/** On the synthetic data at a small size, with the claims above written after it. */
export const BENCH_JUDGMENTS: Judgment[] = [
  { query: "government rail", top: 1, mustInclude: ["judged-summary"], why: "both words in its summary, the newest such claim" },
  { query: "rail government", top: 1, mustInclude: ["judged-summary"], why: "word order changes nothing" },
  { query: "government rail budget", top: 1, mustInclude: ["judged-summary"], why: "three words in its summary, though a newer claim has them in a quote" },
  { query: "1400", top: 1, mustInclude: ["judged-number"], why: "1,400 written with a comma" },
  { query: "1,400", top: 1, mustInclude: ["judged-number"], why: "as written" },
  { query: "1.400", top: 1, mustInclude: ["judged-number"], why: "a point as the thousands separator" },
  { query: "cafe zurich", top: 1, mustInclude: ["judged-accents"], why: "accents folded" },
  { query: "CAFÉ", top: 1, mustInclude: ["judged-accents"], why: "case folded" },
  { query: "ottoline", top: 1, mustInclude: ["judged-claimant"], why: "the claimant's name" },
  { query: "quist water", top: 1, mustInclude: ["judged-claimant"], why: "the claimant's name and the summary" },
  { query: "hedge", top: 1, mustInclude: ["judged-prefix"], why: "the start of a word" },
  { query: "zephyrine", top: 10, mustInclude: ["judged-rare"], mustExclude: ["judged-draft"], why: "a rare word; a draft is never found" },
  { query: "government", filters: { status: "false" }, top: 1, mustInclude: ["judged-summary"], why: "a status filter" },
  { query: "government", filters: { story: "bench-story-3" }, top: 1, mustInclude: ["judged-summary"], why: "a story filter" },
];

/** Writes the judged claims into a database holding the synthetic data, through the client. */
export async function writeJudgedClaims(db: PrismaClient): Promise<void> {
  for (const claim of JUDGED) {
    const claimantId = claim.claimant
      ? (await db.claimant.create({ data: { name: claim.claimant, kind: "person" }, select: { id: true } })).id
      : "bench-claimant-1";
    await db.claim.create({
      data: {
        id: claim.id,
        summary: claim.summary,
        text: claim.text,
        claimantId,
        storyId: claim.story ?? "bench-story-1",
        status: claim.status ?? "unverified",
        publishedAt: claim.published === false ? null : new Date(),
      },
    });
    if (claim.quote) await db.claimSource.create({ data: { claimId: claim.id, sourceId: "bench-source-1", relation: "appears-in", quote: claim.quote } });
  }
}
