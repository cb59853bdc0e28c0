import { NextResponse, type NextRequest } from "next/server";
import { handleApi, jsonError } from "@/lib/api/responses";
import { findSimilarClaims, listDuplicateIds } from "@/lib/data/similar-claims";
import { authorize } from "@/lib/session";
import { parseSimilarQuery } from "@/lib/validation/similar-query";

// "Seen before?" for the claim form as the reviewer types (docs/decisions/030-seen-before-duplicates-related.md).
// Desk only: the answer names drafts, so who is asking is checked here, not only on the page.
export async function GET(request: NextRequest): Promise<Response> {
  return handleApi(async () => {
    await authorize("desk:view");
    const parsed = parseSimilarQuery(request.nextUrl.searchParams);
    if (!parsed.ok) return jsonError("bad_request", parsed.message);
    const { text, exclude } = parsed.query;
    const excludeIds = exclude ? [exclude, ...(await listDuplicateIds(exclude))] : [];
    const claims = await findSimilarClaims(text, excludeIds);
    return NextResponse.json(
      { claims },
      // Drafts and who-said-what of the desk: never kept by a shared cache.
      { headers: { "Cache-Control": "private, no-store" } },
    );
  });
}
