// A cached copy of /methodology (see app/cached/[edition]/layout.tsx).
export { default, metadata } from "@/app/methodology/page";
export const dynamic = "force-static";
