import { handleApi } from "@/lib/api/responses";
import { atomTagId, buildAtomFeed, type AtomEntry } from "@/lib/atom";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { listFeedItems, type FeedItem } from "@/lib/data/corrections";
import { claimUrl } from "@/lib/data/exports";
import { STATUS_INFO, correctionSentence, updateSentence } from "@/lib/domain/status";
import { appOrigin, organisation } from "@/lib/env";

/**
 * A permanent id: a tag URI on the organisation's host; an origin that is not a DNS name (an
 * IPv6 address) has none, so the entry's address on this origin stands in.
 */
function entryId(host: string, date: Date, specific: string, origin: string): string {
  try {
    return atomTagId(host, date, specific);
  } catch {
    return new URL(`/${specific}`, origin).toString();
  }
}

function entry(item: FeedItem, origin: string, host: string): AtomEntry {
  const status = STATUS_INFO[item.claim.status];
  if (item.kind === "verdict") {
    return {
      id: entryId(host, item.date, `claims/${item.claim.id}/verdict`, origin),
      title: `${status.label}: ${item.claim.summary}`,
      url: claimUrl(origin, item.claim.id),
      published: item.date,
      updated: item.updated,
      summary: `${item.claim.claimant}: rated ${status.label}. ${item.claim.statusReason}`.trim(),
      categories: [{ term: item.claim.status, label: status.label }, { term: "verdict", label: "Verdict" }],
    };
  }
  if (item.kind === "update") {
    const rated = STATUS_INFO[item.newStatus];
    return {
      id: entryId(host, item.date, `claims/${item.claim.id}/updates/${item.eventId}`, origin),
      title: `Update: ${item.claim.summary}: ${rated.label}`,
      url: claimUrl(origin, item.claim.id),
      published: item.date,
      updated: item.date,
      summary: `${item.claim.claimant}: ${updateSentence(item.previousStatus, item.newStatus)} ${item.reason}`.trim(),
      categories: [{ term: item.newStatus, label: rated.label }, { term: "update", label: "Update" }],
    };
  }
  const now = STATUS_INFO[item.newStatus].label;
  return {
    id: entryId(host, item.date, `claims/${item.claim.id}/corrections/${item.correctionId}`, origin),
    title: `Correction: ${item.claim.summary}`,
    url: `${claimUrl(origin, item.claim.id)}#corrections`,
    published: item.date,
    updated: item.date,
    summary: `${correctionSentence(item.previousStatus, item.newStatus)} ${item.note}`,
    categories: [{ term: item.newStatus, label: now }, { term: "correction", label: "Correction" }],
  };
}

// Per request for signed-in people; readers get the cached copy, app/cached/[edition]/feed.atom (ADR 014).
export const dynamic = "force-dynamic";

/** Newly published verdicts, updates and corrections, for feed readers (Atom 1.0, RFC 4287). */
export async function GET(): Promise<Response> {
  return handleApi(async () => {
    const origin = appOrigin();
    const org = organisation();
    // Entry ids are tag URIs on the organisation's domain, which outlives the app's address.
    const host = new URL(org.url).hostname;
    // Verdicts and corrections across all published claims: expired by any write readers can see.
    await dependOn([tag.published()]);
    const items = await listFeedItems();
    const xml = buildAtomFeed({
      id: new URL("/feed.atom", origin).toString(),
      title: `${org.name}: verdicts and corrections`,
      subtitle: "Claims we have rated, and every change to a published rating.",
      selfUrl: new URL("/feed.atom", origin).toString(),
      alternateUrl: new URL("/corrections", origin).toString(),
      // buildAtomFeed takes the newest entry's date when there is one, so the feed's date moves
      // only when an entry does; an empty feed still needs a fixed one.
      updated: new Date("2026-01-01T00:00:00Z"),
      author: { name: org.name, uri: org.url },
      entries: items.map((item) => entry(item, origin, host)),
    });
    return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
  });
}
