// A cached copy of /sources/[id] (see app/cached/[edition]/layout.tsx).
export { default, generateMetadata } from "@/app/sources/[id]/page";
export const dynamic = "force-static";
