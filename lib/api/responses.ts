import { NextResponse } from "next/server";
import { AppError, APP_ERROR_STATUS, type AppErrorCode } from "@/lib/errors";
import { logEvent } from "@/lib/log";

/** The one error shape of the API: `{ "error": { "code", "message" } }`. */
export function jsonError(code: AppErrorCode, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status: APP_ERROR_STATUS[code] });
}

/**
 * Runs a route handler body and turns failures into the API's error shape. An AppError is the
 * request's fault and says so; anything else is logged and answered with a plain 500 that
 * shows no internals.
 */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) return jsonError(error.code, error.message);
    logEvent("error", "api request failed", { error: String(error) });
    return NextResponse.json(
      { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
      { status: 500 },
    );
  }
}
