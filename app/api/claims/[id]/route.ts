import { NextResponse, type NextRequest } from "next/server";
import { appOrigin } from "@/lib/env";
import { handleApi, jsonError } from "@/lib/api/responses";
import { claimDetailJson } from "@/lib/api/serialize";
import { getClaim } from "@/lib/data/claims";
import { isRecordId } from "@/lib/validation/record-id";

// Public, read-only: a draft answers 404 exactly like an unknown id.
export async function GET(request: NextRequest, ctx: RouteContext<"/api/claims/[id]">): Promise<Response> {
  return handleApi(async () => {
    const { id } = await ctx.params;
    const claim = isRecordId(id) ? await getClaim(id) : null;
    // Only an id is echoed: anything else may hold characters that garble the sentence (NUL,
    // a right-to-left override, half an emoji).
    if (!claim) return jsonError("not_found", isRecordId(id) ? `No published claim has the id "${id}".` : "No published claim has that id.");
    return NextResponse.json(claimDetailJson(claim, appOrigin()));
  });
}
