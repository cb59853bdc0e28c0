// A cached copy of /feed.atom (see app/cached/[edition]/layout.tsx).
import { GET as renderFeed } from "@/app/feed.atom/route";

export const dynamic = "force-static";
// The safety net for a render that read before a write and was stored after it expired the
// page's tags: kept at most this long (seconds), then rendered again in the background.
export const revalidate = 300;

/**
 * The feed, refusing to be cached when it failed: an error answer (the database busy, say) would
 * otherwise be kept and served to every feed reader. Thrown instead, it leaves Next.js serving
 * the copy it had, if any.
 */
export async function GET(): Promise<Response> {
  const response = await renderFeed();
  if (!response.ok) throw new Error(`The feed could not be rendered (HTTP ${response.status}).`);
  return response;
}
