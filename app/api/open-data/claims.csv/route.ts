import type { NextRequest } from "next/server";
import { openDataResponse } from "@/lib/api/exports";
import { handleApi, jsonError } from "@/lib/api/responses";
import { parseExportQuery } from "@/lib/validation/export-query";

// Open data: anyone may download it, so no session is asked for. parseExportQuery fixes the
// scope to published claims, and open data never carries annotations, history or accounts.
export async function GET(request: NextRequest): Promise<Response> {
  return handleApi(async () => {
    const parsed = parseExportQuery(request.nextUrl.searchParams, "open-csv");
    if (!parsed.ok) return jsonError("bad_request", parsed.message);
    return openDataResponse("csv", parsed.query, request.headers.get("if-none-match"));
  });
}
