import { correctionJson } from "@/lib/export-json";
import { isoPartialDate } from "@/lib/domain/partial-date";
import type { ClaimDetail, ClaimListItem } from "@/lib/data/claims";
import type { SourceDetail } from "@/lib/data/sources";

/**
 * Absolute URL of a reader page at `origin`: the app's public address (appOrigin()), as in the
 * exports, the feed and ClaimReview; never the address a request names, which behind a proxy is
 * an inner one, and in a shared cache one a visitor chose.
 */
export function publicUrl(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

/** A claim's story: its id (what the `story` filter takes), title, address and page. */
function storyJson(story: { id: string; title: string; slug: string }, origin: string) {
  return { id: story.id, title: story.title, slug: story.slug, url: publicUrl(origin, `/stories/${encodeURIComponent(story.slug)}`) };
}

export function claimListItemJson(item: ClaimListItem, origin: string) {
  return {
    id: item.id,
    summary: item.summary,
    text: item.text,
    status: item.status,
    claimant: { id: item.claimant.id, name: item.claimant.name },
    claimDate: isoPartialDate(item.claimDate, item.claimDatePrecision),
    story: storyJson(item.story, origin),
    sourceCount: item.sourceCount,
    url: publicUrl(origin, `/claims/${encodeURIComponent(item.id)}`),
    // Only for a search (`q`): where its words are, as ranges of `text` to highlight.
    ...(item.snippet !== undefined ? { snippet: item.snippet } : {}),
  };
}

export function claimDetailJson(claim: ClaimDetail, origin: string) {
  return {
    id: claim.id,
    summary: claim.summary,
    text: claim.text,
    status: claim.status,
    statusReason: claim.statusReason,
    claimant: { id: claim.claimant.id, name: claim.claimant.name, kind: claim.claimant.kind },
    claimDate: isoPartialDate(claim.claimDate, claim.claimDatePrecision),
    story: storyJson(claim.story, origin),
    sourceCount: claim.sourceCount,
    publishedAt: claim.publishedAt.toISOString(),
    updatedAt: claim.updatedAt.toISOString(),
    url: publicUrl(origin, `/claims/${encodeURIComponent(claim.id)}`),
    // The published claim this one repeats (ADR 030), where its reader page redirects; else null.
    duplicateOf: claim.duplicateOfId ? { id: claim.duplicateOfId, url: publicUrl(origin, `/claims/${encodeURIComponent(claim.duplicateOfId)}`) } : null,
    sources: claim.sources.map((link) => ({
      relation: link.relation,
      quote: link.quote,
      quotePrefix: link.quotePrefix,
      quoteSuffix: link.quoteSuffix,
      note: link.note,
      quoteCheck: link.quoteCheck.status,
      source: {
        id: link.source.id,
        title: link.source.title,
        publisher: link.source.publisher,
        url: link.source.url,
        kind: link.source.kind,
        publishedAt: isoPartialDate(link.source.publishedAt, link.source.publishedAtPrecision),
      },
    })),
    // Public notes only, and the public history: getClaim never reads the desk's for readers.
    annotations: claim.annotations.map((a) => ({
      id: a.id,
      body: a.body,
      author: a.author ? { name: a.author.name } : null,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    })),
    corrections: claim.corrections.map(correctionJson),
    events: claim.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actor ? { name: e.actor.name } : null,
      before: e.before,
      after: e.after,
      reason: e.reason,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}

export function sourceDetailJson(source: SourceDetail, origin: string) {
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    author: source.author,
    url: source.url,
    archivedUrl: source.archivedUrl,
    kind: source.kind,
    description: source.description,
    publishedAt: isoPartialDate(source.publishedAt, source.publishedAtPrecision),
    pageUrl: publicUrl(origin, `/sources/${encodeURIComponent(source.id)}`),
    // `claims` holds the first links only (as the page shows them). How many claims cite it, each
    // once, as `allClaimsUrl` (the claims API, a page at a time) lists them; and how many links,
    // since a claim may cite a source twice (two quotes, or support and dispute).
    claimsTotal: source.claimCount,
    linksTotal: source.backlinkCount,
    allClaimsUrl: publicUrl(origin, `/api/claims?source=${encodeURIComponent(source.id)}`),
    claims: source.claims.map((link) => ({
      relation: link.relation,
      quote: link.quote,
      quoteCheck: link.quoteCheck.status,
      claim: {
        id: link.claim.id,
        summary: link.claim.summary,
        status: link.claim.status,
        url: publicUrl(origin, `/claims/${encodeURIComponent(link.claim.id)}`),
      },
    })),
  };
}
