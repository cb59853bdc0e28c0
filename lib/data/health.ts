import "server-only";
import { db } from "@/lib/db";

/** True when the database answers a trivial query. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await db.$queryRaw`SELECT 1`;
    return true;
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "health check failed", error: String(error) }));
    return false;
  }
}
