// A cached copy of /stories/[slug] (see app/cached/[edition]/layout.tsx).
export { default, generateMetadata } from "@/app/stories/[slug]/page";
export const dynamic = "force-static";
