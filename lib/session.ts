import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { isRole, type Role } from "@/lib/domain/role";
import { AppError } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { can, type Action, type Actor } from "@/lib/permissions";
import { readSessionDirect } from "@/lib/session-direct";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/**
 * The signed-in user of this request, or null. A disabled account has no session. Asked once per
 * page render (React's cache): a desk page's layout and the page itself both ask, and each answer
 * is a session and a user read. Outside a render (actions, route handlers) every call reads.
 */
export const getCurrentUser: () => Promise<CurrentUser | null> = cache(readCurrentUser);

async function readCurrentUser(): Promise<CurrentUser | null> {
  const requestHeaders = await headers();
  // Read directly on the common path; Better Auth answers (and refreshes or cleans up) the rest
  // (lib/session-direct.ts, ADR 033).
  const user = (await readSessionDirect(requestHeaders)) ?? (await auth.api.getSession({ headers: requestHeaders }))?.user;
  if (!user) return null;
  const { id, name, email, role, banned } = user as typeof user & { role?: string | null; banned?: boolean | null };
  if (banned || !isRole(role)) return null;
  return { id, name, email, role };
}

export function actorOf(user: CurrentUser | null): Actor {
  return user ? user.role : "anonymous";
}

/**
 * The first line of every server action and mutating route: who is asking, and may they?
 * Throws AppError("unauthenticated" | "forbidden"); the refusal is logged.
 */
export async function authorize(action: Action): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    logEvent("warn", "permission refused", { action, actor: "anonymous" });
    throw new AppError("unauthenticated", "Please sign in to do this.");
  }
  if (!can(user.role, action)) {
    logEvent("warn", "permission refused", { action, actor: user.role, userId: user.id });
    throw new AppError("forbidden", "Your role does not allow this.");
  }
  return user;
}

/** For desk pages: the signed-in user allowed to `action`, or off to sign in. */
export async function requirePageUser(action: Action, returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (!can(user.role, action)) {
    logEvent("warn", "permission refused", { action, actor: user.role, userId: user.id, page: returnTo });
    forbidden();
  }
  return user;
}
