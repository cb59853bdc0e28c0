/**
 * schema.org ClaimReview for published verdicts: embedded in claim pages as JSON-LD and served
 * as a feed that search engines and fact-check aggregators read.
 *
 * An optional property is left out rather than written empty, because consumers treat "" or
 * null as a value (an empty name, a rating explanation of nothing).
 */
import { BEST_VERDICT_RANK, STATUS_INFO, WORST_VERDICT_RANK } from "@/lib/domain/status";
import type { ExportClaim, ExportSource, Organisation } from "@/lib/export-types";

export interface SchemaOrganization {
  "@type": "Organization";
  name: string;
  url?: string;
}

export interface SchemaPerson {
  "@type": "Person";
  name: string;
  url?: string;
}

export interface SchemaCreativeWork {
  "@type": "CreativeWork";
  name?: string;
  url?: string;
  datePublished?: string;
  publisher?: SchemaOrganization;
}

export interface SchemaRating {
  "@type": "Rating";
  ratingValue: number;
  bestRating: number;
  worstRating: number;
  alternateName: string;
  ratingExplanation?: string;
}

export interface SchemaClaim {
  "@type": "Claim";
  text?: string;
  author: SchemaOrganization | SchemaPerson;
  datePublished?: string;
  firstAppearance?: SchemaCreativeWork;
  appearance?: SchemaCreativeWork[];
}

export interface SchemaCorrectionComment {
  "@type": "CorrectionComment";
  text?: string;
  datePublished: string;
}

export interface ClaimReview {
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
  dateModified: string;
  author: SchemaOrganization;
  reviewRating: SchemaRating;
  itemReviewed: SchemaClaim;
  correction?: SchemaCorrectionComment[];
}

export const SCHEMA_ORG_CONTEXT = "https://schema.org";

export type ClaimReviewDocument = { "@context": typeof SCHEMA_ORG_CONTEXT } & ClaimReview;

/** The value when it has any text, for spreading into an object; nothing otherwise. */
function present<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value != null && value.trim() !== "" ? ({ [key]: value } as Record<K, string>) : {};
}

function organization(name: string, url: string | null): SchemaOrganization {
  return { "@type": "Organization", name, ...present("url", url) };
}

function creativeWork(source: ExportSource): SchemaCreativeWork {
  return {
    "@type": "CreativeWork",
    ...present("name", source.title),
    ...present("url", source.url),
    ...present("datePublished", source.publishedAt),
    ...(source.publisher?.trim() ? { publisher: { "@type": "Organization", name: source.publisher } } : {}),
  };
}

function claimAuthor(claimant: ExportClaim["claimant"]): SchemaOrganization | SchemaPerson {
  const name = claimant.name;
  return claimant.kind === "person"
    ? { "@type": "Person", name, ...present("url", claimant.url) }
    : organization(name, claimant.url);
}

function claimItem(claim: ExportClaim): SchemaClaim {
  // A source quoted twice for the same claim is still one appearance.
  const appearances = [
    ...new Map(
      claim.links.filter((link) => link.relation === "appears-in").map((link) => [link.source.id, link.source]),
    ).values(),
  ].map(creativeWork);
  const [firstAppearance] = appearances;
  return {
    "@type": "Claim",
    ...present("text", claim.text),
    author: claimAuthor(claim.claimant),
    ...present("datePublished", claim.claimDate),
    ...(firstAppearance ? { firstAppearance, appearance: appearances } : {}),
  };
}

/**
 * The ClaimReview of a published verdict; null for a draft or for a status that is not a
 * verdict (unverified, in review, not checkable), which has no rating to publish.
 * `verdictShownAt` is when readers first saw a verdict on the claim (firstVerdictShownAt,
 * lib/public-record.ts), the review's datePublished: a claim published pending and rated later
 * was not reviewed when first published. Without it (history older than its events), the
 * claim's first publication stands in.
 */
export function buildClaimReview(claim: ExportClaim, org: Organisation, verdictShownAt: Date | null = null): ClaimReview | null {
  // verdictRank is what isVerdict tests; reading it directly also gives the rating its value.
  const { verdictRank, label } = STATUS_INFO[claim.status];
  if (claim.publishedAt === null || verdictRank === null) return null;

  // A correction changes what readers see, so it counts as a modification even when it did not
  // touch the claim row itself.
  const publishedAt = verdictShownAt ?? claim.publishedAt;
  // Never before the review itself (history written a moment apart by older versions).
  const modifiedAt = Math.max(publishedAt.getTime(), claim.updatedAt.getTime(), ...claim.corrections.map((c) => c.createdAt.getTime()));
  // Corrections of this review: those after readers first saw its verdict. The correction that
  // gave the first verdict (a claim published "not checkable", corrected to False) changed a
  // status that had no review; listed, it read as a correction of a review that never existed.
  const corrections = claim.corrections.filter((correction) => correction.createdAt.getTime() > publishedAt.getTime()).map(
    (correction): SchemaCorrectionComment => ({
      "@type": "CorrectionComment",
      ...present("text", correction.note),
      datePublished: correction.createdAt.toISOString(),
    }),
  );

  return {
    "@type": "ClaimReview",
    url: claim.url,
    claimReviewed: claim.summary,
    datePublished: publishedAt.toISOString(),
    dateModified: new Date(modifiedAt).toISOString(),
    author: organization(org.name, org.url),
    reviewRating: {
      "@type": "Rating",
      ratingValue: verdictRank,
      bestRating: BEST_VERDICT_RANK,
      worstRating: WORST_VERDICT_RANK,
      alternateName: label,
      ...present("ratingExplanation", claim.statusReason),
    },
    itemReviewed: claimItem(claim),
    ...(corrections.length > 0 ? { correction: corrections } : {}),
  };
}

/** A standalone JSON-LD document, for a claim page's script tag. */
export function claimReviewDocument(review: ClaimReview): ClaimReviewDocument {
  return { "@context": SCHEMA_ORG_CONTEXT, ...review };
}

/*
 * A feed of many reviews is one JSON-LD document streamed page by page:
 *   JSONLD_GRAPH_OPEN, then jsonLdGraphItems(page, hasWrittenItems) for each page, then
 *   JSONLD_GRAPH_CLOSE.
 * The items share the graph's @context, so they are written without one.
 */
export const JSONLD_GRAPH_OPEN = `{"@context":${JSON.stringify(SCHEMA_ORG_CONTEXT)},"@graph":[`;
export const JSONLD_GRAPH_CLOSE = "]}";

/**
 * One page of @graph items, comma-separated. `precededByItems` says whether earlier pages wrote
 * any item (not whether this is the first page: a page can have no published verdicts), so that
 * the page starts with the comma that separates it from them.
 */
export function jsonLdGraphItems(items: readonly ClaimReview[], precededByItems: boolean): string {
  if (items.length === 0) return "";
  return (precededByItems ? "," : "") + items.map(serializeJsonLd).join(",");
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON that is safe as the text of an HTML <script type="application/ld+json">: with no "<" the
 * content cannot close the tag or open a comment, and U+2028/U+2029 are escaped for scripts that
 * treat them as line ends. Those characters only occur inside JSON strings, where a \u escape
 * means the same character, so the text still parses to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  const json: string | undefined = JSON.stringify(value);
  if (json === undefined) throw new TypeError("serializeJsonLd: the value has no JSON form");
  return json.replace(SCRIPT_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
