// A cached copy of /feed.atom (see app/cached/[edition]/layout.tsx).
export { GET } from "@/app/feed.atom/route";
export const dynamic = "force-static";
