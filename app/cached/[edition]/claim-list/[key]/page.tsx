// A cached copy of /claims for one set of filters (see app/cached/[edition]/layout.tsx). proxy.ts
// names the filters in a key (lib/cache/claim-list.ts) and the rewrite in next.config.ts sends
// the reader's request here; the key is read back into the query the list page reads.
import { notFound } from "next/navigation";
import { claimsListPage } from "@/components/claims/claims-list-page";
import { claimListQuery } from "@/lib/cache/claim-list";

export const dynamic = "force-static";
// The safety net for a render that read before a write and was stored after it expired the
// page's tags: kept at most this long (seconds), then rendered again in the background.
export const revalidate = 300;

export { metadata } from "@/app/claims/page";

export default async function CachedClaimsList({ params }: PageProps<"/cached/[edition]/claim-list/[key]">) {
  const query = claimListQuery(decodeURIComponent((await params).key));
  // Only the proxy makes keys; anything else did not come through it.
  if (!query) notFound();
  return claimsListPage(query);
}
