import "server-only";
import { db } from "@/lib/db";

/** Newsroom accounts (those that can sign in), for the admin screen. */
export async function listAccounts() {
  return db.user.findMany({
    where: { accounts: { some: {} } },
    orderBy: [{ banned: "asc" }, { name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, role: true, banned: true, createdAt: true },
  });
}
