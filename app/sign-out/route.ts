import { getCurrentUser } from "@/lib/session";
import { signOutRequest } from "@/lib/sign-out";

// Answered for each request, as every page and route outside the cached tree (ADR 009, ADR 014).
export const dynamic = "force-dynamic";

// Signing out is a plain form post here, not a server action (docs/decisions/035-sign-out-is-never-rate-limited.md):
// the proxy knows it by its address, so the write limits never keep anyone signed in. Cross-site
// posts are refused by the proxy before this runs.
export async function POST(request: Request): Promise<Response> {
  return signOutRequest(request.headers);
}

// A visit (a bookmark, a typed address) signs no one out, since a link or a prefetch could: it
// leads someone signed in to the desk's page that asks for the post, and anyone else home, as
// signing out does. It answered an empty 405 before, which a browser shows as "This page isn't
// working". Any other method is answered 405 by Next.js.
export async function GET(): Promise<Response> {
  const location = (await getCurrentUser()) ? "/desk/sign-out" : "/";
  return new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
}
