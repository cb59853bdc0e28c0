import type { CurrentUser } from "@/lib/session";

type AuthModule = typeof import("@/lib/auth");

/**
 * lib/auth with Better Auth's session lookup answering for `who()` (null: anonymous), for tests
 * that call server actions in-process. The rest of Better Auth stays real (creating accounts
 * goes through it). Use it from a `vi.mock("@/lib/auth", …)` factory.
 */
export function authSignedInAs(actual: AuthModule, who: () => CurrentUser | null): AuthModule {
  const getSession = async () => {
    const user = who();
    if (!user) return null;
    return {
      user: { ...user, banned: false, emailVerified: true, image: null, createdAt: new Date(), updatedAt: new Date() },
      session: { id: `session-${user.id}`, userId: user.id, token: `token-${user.id}`, expiresAt: new Date(Date.now() + 3_600_000) },
    };
  };
  return { ...actual, auth: { ...actual.auth, api: { ...actual.auth.api, getSession } } } as AuthModule;
}
