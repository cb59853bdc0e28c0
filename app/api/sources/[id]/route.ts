import { NextResponse, type NextRequest } from "next/server";
import { appOrigin } from "@/lib/env";
import { handleApi, jsonError } from "@/lib/api/responses";
import { sourceDetailJson } from "@/lib/api/serialize";
import { getSource } from "@/lib/data/sources";
import { isRecordId } from "@/lib/validation/record-id";

// Public, read-only: only published claims appear among a source's backlinks.
export async function GET(request: NextRequest, ctx: RouteContext<"/api/sources/[id]">): Promise<Response> {
  return handleApi(async () => {
    const { id } = await ctx.params;
    const source = isRecordId(id) ? await getSource(id) : null;
    // Only an id is echoed: anything else may hold characters that garble the sentence (NUL,
    // a right-to-left override, half an emoji).
    if (!source) return jsonError("not_found", isRecordId(id) ? `No source has the id "${id}".` : "No source has that id.");
    return NextResponse.json(sourceDetailJson(source, appOrigin()));
  });
}
