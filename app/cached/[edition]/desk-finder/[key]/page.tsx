// A person's copy of a source's claim finder, one page of candidates (docs/decisions/041-desk-
// copies-with-fresh-nonces.md). proxy.ts names the source, the page, the person and a stamp of
// the source, the claimants and the claims quoting it in a key (lib/cache/desk-copies.ts) once it
// has read their session, and the rewrite in next.config.ts sends their request here.
import { notFound } from "next/navigation";
import { DeskShell } from "@/components/desk/desk-shell";
import { FinderView } from "@/components/finder/finder-view";
import { readDeskCopyKey } from "@/lib/cache/desk-copies";
import { isRole } from "@/lib/domain/role";

export const dynamic = "force-static";
// The safety net for a render that read before a write its stamp did not see yet.
export const revalidate = 300;

export { metadata } from "@/app/desk/sources/[id]/finder/page";

export default async function CachedClaimFinder({ params }: PageProps<"/cached/[edition]/desk-finder/[key]">) {
  const copy = readDeskCopyKey(decodeURIComponent((await params).key), "finder");
  // Only the proxy makes keys; anything else did not come through it.
  if (!copy || !isRole(copy.person.role)) notFound();
  return (
    <DeskShell user={{ name: copy.person.name, role: copy.person.role }}>
      <FinderView sourceId={copy.sourceId} asked={String(copy.page)} />
    </DeskShell>
  );
}
