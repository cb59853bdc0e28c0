// A cached copy of /sources (see app/cached/[edition]/layout.tsx).
export { default, metadata } from "@/app/sources/page";
export const dynamic = "force-static";
