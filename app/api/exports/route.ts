import type { NextRequest } from "next/server";
import { exportResponse } from "@/lib/api/exports";
import { handleApi, jsonError } from "@/lib/api/responses";
import { authorize } from "@/lib/session";
import { EXPORT_FORMATS, parseExportQuery } from "@/lib/validation/export-query";

// Editor exports: may hold drafts, reviewers' notes and the full history with names, so the
// editor role is checked here, not only on the export page.
export async function GET(request: NextRequest): Promise<Response> {
  return handleApi(async () => {
    await authorize("export:run");
    const parsed = parseExportQuery(request.nextUrl.searchParams, "editor");
    if (!parsed.ok) return jsonError("bad_request", parsed.message);
    const { format } = parsed.query;
    if (!format) return jsonError("bad_request", `Parameter "format" is required: one of ${EXPORT_FORMATS.join(", ")}.`);
    return exportResponse(format, parsed.query, "editor");
  });
}
