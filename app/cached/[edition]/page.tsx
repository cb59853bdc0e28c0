// A cached copy of the home page (see app/cached/[edition]/layout.tsx).
export { default } from "@/app/page";
export const dynamic = "force-static";
