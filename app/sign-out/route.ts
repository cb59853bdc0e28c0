import { signOutRequest } from "@/lib/sign-out";

// Answered for each request, as every page and route outside the cached tree (ADR 009, ADR 014).
export const dynamic = "force-dynamic";

// Signing out is a plain form post here, not a server action (docs/decisions/035-sign-out-is-never-rate-limited.md):
// the proxy knows it by its address, so the write limits never keep anyone signed in; any other
// method is answered 405 by Next.js. Cross-site posts are refused by the proxy before this runs.
export async function POST(request: Request): Promise<Response> {
  return signOutRequest(request.headers);
}
