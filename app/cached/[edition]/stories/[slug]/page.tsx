// A cached copy of /stories/[slug] (see app/cached/[edition]/layout.tsx).
export { default, generateMetadata } from "@/app/stories/[slug]/page";
export const dynamic = "force-static";
// The safety net for a render that read before a write and was stored after it expired the
// page's tags: kept at most this long (seconds), then rendered again in the background.
export const revalidate = 300;
