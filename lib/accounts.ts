import { APIError } from "better-auth/api";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import type { Role } from "@/lib/domain/role";
import { AppError } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { checkPassword } from "@/lib/password-policy";
import { emailSchema } from "@/lib/validation/auth";
import { createUserSchema } from "@/lib/validation/user";

/**
 * Creates an account with a password, through Better Auth so the password is hashed its way.
 * Used by the admin screen and by `npm run user`; the caller has checked who is asking.
 */
export async function createAccount(input: { email: string; name: string; role: Role; password: string }) {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) throw new AppError("bad_request", email.error.issues[0]?.message ?? "Invalid email.");
  const parsedName = createUserSchema.shape.name.safeParse(input.name);
  if (!parsedName.success) throw new AppError("bad_request", parsedName.error.issues[0]?.message ?? "Give the account a name.");
  const name = parsedName.data;
  const policy = checkPassword(input.password, { email: email.data, name });
  if (!policy.ok) throw new AppError("bad_request", policy.message);
  if (await db.user.findUnique({ where: { email: email.data }, select: { id: true } })) {
    throw new AppError("conflict", `An account with the email ${email.data} already exists.`);
  }
  try {
    const { user } = await auth.api.createUser({
      body: { email: email.data, name, password: input.password, role: input.role as "admin" },
    });
    logEvent("info", "account created", { userId: user.id, role: input.role });
    return { id: user.id, email: user.email, name: user.name, role: input.role };
  } catch (error) {
    if (error instanceof APIError) throw new AppError("bad_request", error.message);
    throw error;
  }
}

/**
 * Lets a disabled account sign in again, with the password it had: a mistaken or ended
 * disabling is undone, not worked around with a second account (its email is taken).
 */
export async function enableAccount(rawEmail: string) {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) throw new AppError("bad_request", "Invalid email.");
  const user = await db.user.findUnique({ where: { email: email.data }, select: { id: true, banned: true } });
  if (!user) throw new AppError("not_found", `No account has the email ${email.data}.`);
  if (!user.banned) return { email: email.data, wasDisabled: false };
  await db.user.update({ where: { id: user.id }, data: { banned: false, banReason: null, banExpires: null } });
  logEvent("info", "account enabled", { userId: user.id });
  return { email: email.data, wasDisabled: true };
}

/** Disables an account and ends every one of its sessions, in one transaction. */
export async function disableAccount(rawEmail: string) {
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success) throw new AppError("bad_request", "Invalid email.");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.data }, select: { id: true } });
    if (!user) throw new AppError("not_found", `No account has the email ${email.data}.`);
    await tx.user.update({ where: { id: user.id }, data: { banned: true, banReason: "Disabled by an administrator" } });
    const { count } = await tx.session.deleteMany({ where: { userId: user.id } });
    logEvent("info", "account disabled", { userId: user.id, endedCount: count });
    return { email: email.data, sessionsEnded: count };
  });
}
