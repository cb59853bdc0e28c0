import { NextResponse, type NextRequest } from "next/server";
import { handleApi, jsonError } from "@/lib/api/responses";
import { sourceDetailJson } from "@/lib/api/serialize";
import { getSource } from "@/lib/data/sources";
import { isRecordId } from "@/lib/validation/record-id";

// Public, read-only: only published claims appear among a source's backlinks.
export async function GET(request: NextRequest, ctx: RouteContext<"/api/sources/[id]">): Promise<Response> {
  return handleApi(async () => {
    const { id } = await ctx.params;
    const source = isRecordId(id) ? await getSource(id) : null;
    if (!source) return jsonError("not_found", `No source has the id "${id.slice(0, 64)}".`);
    return NextResponse.json(sourceDetailJson(source, request.nextUrl.origin));
  });
}
