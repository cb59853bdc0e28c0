import "server-only";
import { db } from "@/lib/db";
import { logEvent } from "@/lib/log";

/** True when the database answers a trivial query. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch (error) {
    logEvent("error", "health check failed", { error: String(error) });
    return false;
  }
}
