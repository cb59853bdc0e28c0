// A cached copy of /claims/[id] (see app/cached/[edition]/layout.tsx).
export { default, generateMetadata } from "@/app/claims/[id]/page";
export const dynamic = "force-static";
