// A cached copy of /claimants (see app/cached/[edition]/layout.tsx).
export { default, metadata } from "@/app/claimants/page";
export const dynamic = "force-static";
