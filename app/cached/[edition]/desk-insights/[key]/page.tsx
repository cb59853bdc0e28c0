// A person's copy of the insights for one set of filters (docs/decisions/041-desk-copies-with-
// fresh-nonces.md). proxy.ts names the filters, the person and a stamp of the stories in a key
// (lib/cache/desk-copies.ts) once it has read their session, and the rewrite in next.config.ts
// sends their request here. The figures are kept a minute (ADR 031), and so is the copy.
import { notFound } from "next/navigation";
import { DeskShell } from "@/components/desk/desk-shell";
import { InsightsView } from "@/components/insights/insights-view";
import { readDeskCopyKey } from "@/lib/cache/desk-copies";
import { isRole } from "@/lib/domain/role";
import { DEFAULT_PERIOD, INSIGHT_PERIODS, type InsightPeriod } from "@/lib/insights/period";

export const dynamic = "force-static";
// INSIGHTS_KEPT_SECONDS: Next.js reads this as a literal.
export const revalidate = 60;

export { metadata } from "@/app/desk/insights/page";

export default async function CachedDeskInsights({ params }: PageProps<"/cached/[edition]/desk-insights/[key]">) {
  const copy = readDeskCopyKey(decodeURIComponent((await params).key), "insights");
  // Only the proxy makes keys; anything else did not come through it.
  if (!copy || !isRole(copy.person.role)) notFound();
  const weeks = (INSIGHT_PERIODS as readonly number[]).includes(copy.weeks) ? (copy.weeks as InsightPeriod) : DEFAULT_PERIOD;
  return (
    <DeskShell user={{ name: copy.person.name, role: copy.person.role }}>
      <InsightsView query={{ storyId: copy.storyId, weeks }} problem={null} />
    </DeskShell>
  );
}
