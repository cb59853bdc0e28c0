// A cached copy of /open-data (see app/cached/[edition]/layout.tsx).
export { default, metadata } from "@/app/open-data/page";
export const dynamic = "force-static";
