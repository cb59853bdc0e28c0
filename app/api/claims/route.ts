import { NextResponse, type NextRequest } from "next/server";
import { appOrigin } from "@/lib/env";
import { handleApi, jsonError } from "@/lib/api/responses";
import { claimListItemJson } from "@/lib/api/serialize";
import { listClaims } from "@/lib/data/claims";
import { unseenFilterTarget } from "@/lib/data/filter-targets";
import { keptSearchClaimIds } from "@/lib/search";
import { parseClaimQuery } from "@/lib/validation/claim-query";

// Public, read-only: published claims only, so no session is needed (lib/data never returns drafts).
export async function GET(request: NextRequest): Promise<Response> {
  return handleApi(async () => {
    const query = parseClaimQuery(request.nextUrl.searchParams);
    if (!query.ok) return jsonError("bad_request", query.message);
    const unseen = await unseenFilterTarget(query.filters);
    if (unseen) return jsonError("bad_request", unseen.message);
    const page = await listClaims(query.filters, { limit: query.limit, cursor: query.cursor }, keptSearchClaimIds);
    const origin = appOrigin();
    return NextResponse.json({
      items: page.items.map((item) => claimListItemJson(item, origin)),
      nextCursor: page.nextCursor,
      total: page.total,
      // A search counts up to a cap: true means more than `total` claims match.
      totalIsCapped: page.totalIsCapped,
    });
  });
}
