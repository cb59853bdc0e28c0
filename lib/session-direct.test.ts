import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

// The direct session read (lib/session-direct.ts, ADR 033) against Better Auth itself, with real
// accounts, sessions and signed cookies: on every path the page's answer (getCurrentUser) is the
// one Better Auth gives, and the direct read answers only where it may.
const request = vi.hoisted(() => ({ cookie: null as string | null }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { auth } = await import("@/lib/auth");
const { createAccount } = await import("@/lib/accounts");
const { readSessionDirect: readDirect, verifiedToken } = await import("@/lib/session-direct");
const readSessionDirect = (cookieHeader: string | null) => readDirect(new Headers(cookieHeader ? { cookie: cookieHeader } : {}));
const { getCurrentUser } = await import("@/lib/session");

const PASSWORD = "lantern quiet ferns harbour";
let email: string;
let userId: string;
let cookie: string;
let token: string;
const context = await auth.$context;
const cookieName = context.authCookies.sessionToken.name;
const DAY = 24 * 60 * 60 * 1000;

async function signIn(): Promise<string> {
  const { headers } = await auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
  const set = headers.getSetCookie().find((line) => line.startsWith(`${cookieName}=`));
  if (!set) throw new Error("no session cookie was set");
  return set.split(";")[0]!;
}

/** What a page is told: Better Auth's answer, through the direct read where it answers. */
async function pageUser(cookieHeader: string | null) {
  request.cookie = cookieHeader;
  return getCurrentUser();
}

async function betterAuthUser(cookieHeader: string) {
  return (await auth.api.getSession({ headers: new Headers({ cookie: cookieHeader }) }))?.user ?? null;
}

beforeAll(async () => {
  email = `direct-${Date.now()}@example.org`;
  userId = (await createAccount({ email, name: "A reviewer", role: "reviewer", password: PASSWORD })).id;
});

beforeEach(async () => {
  await db.user.update({ where: { id: userId }, data: { banned: false, role: "reviewer" } });
  cookie = await signIn();
  token = decodeURIComponent(cookie.slice(cookieName.length + 1)).split(".")[0]!;
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

describe("reading a session directly", () => {
  it("answers for a fresh session with the user Better Auth names", async () => {
    const direct = await readSessionDirect(cookie);
    expect(direct).toMatchObject({ id: userId, email, name: "A reviewer", role: "reviewer", banned: false });
    expect((await betterAuthUser(cookie))?.id).toBe(userId);
    expect(await pageUser(cookie)).toEqual({ id: userId, email, name: "A reviewer", role: "reviewer" });
  });

  it("reads the role and the disabled flag as they are now, not as they were at sign-in", async () => {
    await db.user.update({ where: { id: userId }, data: { role: "editor" } });
    expect((await pageUser(cookie))?.role).toBe("editor");
    await db.user.update({ where: { id: userId }, data: { banned: true } });
    expect((await readSessionDirect(cookie))?.banned).toBe(true);
    expect(await pageUser(cookie)).toBeNull();
  });

  it("leaves a cookie whose signature is not this app's to Better Auth, which refuses it", async () => {
    const [name, value] = [cookie.slice(0, cookieName.length), decodeURIComponent(cookie.slice(cookieName.length + 1))];
    const signature = value.slice(value.lastIndexOf(".") + 1);
    const flipped = `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`;
    const forged = `${name}=${encodeURIComponent(`${token}.${flipped}`)}`;
    const unsigned = `${name}=${token}`;
    for (const bad of [forged, unsigned, `${name}=${encodeURIComponent(`other-token.${signature}`)}`]) {
      expect(await readSessionDirect(bad)).toBeUndefined();
      expect(await betterAuthUser(bad)).toBeNull();
      expect(await pageUser(bad)).toBeNull();
    }
  });

  it("leaves an ended, expired or missing session to Better Auth", async () => {
    await db.session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await readSessionDirect(cookie)).toBeUndefined();
    expect(await pageUser(cookie)).toBeNull();

    cookie = await signIn();
    token = decodeURIComponent(cookie.slice(cookieName.length + 1)).split(".")[0]!;
    await db.session.delete({ where: { token } });
    expect(await readSessionDirect(cookie)).toBeUndefined();
    expect(await pageUser(cookie)).toBeNull();
  });

  it("leaves a session due for its refresh to Better Auth, which extends it", async () => {
    const { expiresIn, updateAge } = context.sessionConfig;
    // Signed in a little over updateAge ago: Better Auth moves the expiry on.
    const due = new Date(Date.now() + expiresIn * 1000 - updateAge * 1000 - 60_000);
    await db.session.update({ where: { token }, data: { expiresAt: due } });
    expect(await readSessionDirect(cookie)).toBeUndefined();
    expect((await pageUser(cookie))?.id).toBe(userId);
    const after = await db.session.findUniqueOrThrow({ where: { token } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(due.getTime() + DAY / 2);
    // Refreshed, it is read directly again.
    expect((await readSessionDirect(cookie))?.id).toBe(userId);
  });

  it("reads the same one of two cookies of the session's name as Better Auth does", async () => {
    const other = await signIn();
    const otherToken = decodeURIComponent(other.slice(cookieName.length + 1)).split(".")[0]!;
    await db.session.update({ where: { token: otherToken }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // The first is the one: live first, the session; ended first, nobody, though a live one follows.
    expect((await readSessionDirect(`${cookie}; ${other}`))?.id).toBe(userId);
    expect((await betterAuthUser(`${cookie}; ${other}`))?.id).toBe(userId);
    expect(await readSessionDirect(`${other}; ${cookie}`)).toBeUndefined();
    expect(await pageUser(`${other}; ${cookie}`)).toBeNull();
    // However the name is spaced: a made-up first cookie is what Better Auth reads, and refuses.
    for (const spaced of [`${cookieName} =made-up`, `${cookieName}\t=made-up`, ` ${cookieName}=made-up`]) {
      expect(await readSessionDirect(`${spaced}; ${cookie}`)).toBeUndefined();
      expect(await pageUser(`${spaced}; ${cookie}`)).toBeNull();
    }
  });

  it("leaves a request without the session's cookie to Better Auth", async () => {
    expect(await readSessionDirect(null)).toBeUndefined();
    expect(await readSessionDirect("theme=dark")).toBeUndefined();
    expect(await pageUser(null)).toBeNull();
  });

  it("checks a signature as better-call makes it", () => {
    expect(verifiedToken(`${token}.`, context.secret)).toBeNull();
    const signed = decodeURIComponent(cookie.slice(cookieName.length + 1));
    expect(verifiedToken(signed, context.secret)).toBe(token);
    expect(verifiedToken(signed, `${context.secret}x`)).toBeNull();
    expect(verifiedToken(`.${signed.split(".")[1]}`, context.secret)).toBeNull();
  });
});
