// A cached copy of /claimants/[id] (see app/cached/[edition]/layout.tsx).
export { default, generateMetadata } from "@/app/claimants/[id]/page";
export const dynamic = "force-static";
