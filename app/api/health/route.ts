import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

// Public: says only whether the database answers, nothing about its contents.
export async function GET(): Promise<Response> {
  const ok = await checkDatabase();
  return NextResponse.json(ok ? { ok: true } : { ok: false, error: { code: "unavailable", message: "The database does not answer." } }, {
    status: ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
