import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { db, dbEngine } from "@/lib/db";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/password-policy";
import { appOrigin, authSecret, isProduction, trustedOrigins } from "@/lib/env";

/**
 * Accounts and sessions (docs/decisions/008-accounts-with-better-auth.md). Sessions live in the
 * database and are revocable; there is no open sign-up: accounts are made by an admin, in the
 * app or with `npm run user`. The admin plugin's `banned` flag is how an account is disabled,
 * and banning deletes all of that user's sessions.
 */
export const auth = betterAuth({
  appName: "Factline",
  baseURL: appOrigin(),
  secret: authSecret(),
  trustedOrigins: trustedOrigins(),
  // Our engine names are the adapter's provider names; on PostgreSQL it may use the engine's
  // own case-insensitive matching, arrays and UUIDs where SQLite needs emulation.
  database: prismaAdapter(db, { provider: dbEngine }),
  emailAndPassword: {
    enabled: true,
    disableSignUp: true,
    // Our policy (lib/password-policy.ts) counts characters as code points; Better Auth counts
    // UTF-16 units, so its ceiling is doubled to let the policy be the one that decides.
    minPasswordLength: MIN_PASSWORD_LENGTH,
    maxPasswordLength: MAX_PASSWORD_LENGTH * 2,
  },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
  },
  advanced: isProduction()
    ? {
        // A real __Host- cookie: Secure, Path=/, no Domain.
        cookiePrefix: "__Host-factline",
        useSecureCookies: false,
        defaultCookieAttributes: { secure: true, httpOnly: true, sameSite: "lax", path: "/" },
      }
    : {
        cookiePrefix: "factline",
        defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
      },
  rateLimit: { enabled: true, window: 60, max: 100 },
  telemetry: { enabled: false },
  plugins: [
    admin({ defaultRole: "reviewer", adminRoles: ["admin"] }),
    // Last: lets server actions set and clear the session cookie.
    nextCookies(),
  ],
});

export type AuthSession = typeof auth.$Infer.Session;
