import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { callAction, form } from "@/lib/testing/server-actions";
import { createTestDatabase } from "@/lib/testing/test-database";

// The sign-in action with Better Auth and the database as they run (issue 14 §3, ADR 025): a
// stranger who knows a reviewer's email and guesses from one address uses up only their own
// tries; the reviewer signs in from their address all the same. Each call comes from the address
// `request.address` names.
const request = vi.hoisted(() => ({ address: "unknown" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.address }) }));
vi.mock("next/cache", async () => (await import("@/lib/testing/server-actions")).nextCacheMock);
vi.mock("next/navigation", async () => (await import("@/lib/testing/server-actions")).nextNavigationMock);

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { createAccount } = await import("@/lib/accounts");
const { signIn } = await import("@/lib/actions/auth");
const { SIGN_IN_PAIR_LIMIT } = await import("@/lib/rate-limit");

const PASSWORD = "lantern quiet ferns harbour";
const WRONG = "That email and password do not match an active account.";
let email: string;

beforeAll(async () => {
  email = `reviewer-${Date.now()}@example.org`;
  await createAccount({ email, name: "A reviewer", role: "reviewer", password: PASSWORD });
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

async function attempt(address: string, password: string) {
  request.address = address;
  return callAction(signIn, null, form({ email, password, next: "/desk/claims" }));
}

describe("signing in while a stranger guesses the password", () => {
  it("stops the stranger's address after a few tries and lets the owner in from theirs", async () => {
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max; i++) expect((await attempt("203.0.113.66", `guess-${i}`)).state?.formError).toBe(WRONG);
    // Even the right password is not tried from the stranger's address now.
    expect((await attempt("203.0.113.66", PASSWORD)).state?.formError).toBe("Too many wrong passwords for this account from here. Try again in 10 minutes.");
    expect(await attempt("198.51.100.20", PASSWORD)).toEqual({ redirectedTo: "/desk/claims" });
  });

  it("gives the owner's own tries back when they sign in", async () => {
    const owner = "198.51.100.21";
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max - 1; i++) expect((await attempt(owner, `typo-${i}`)).state?.formError).toBe(WRONG);
    expect(await attempt(owner, PASSWORD)).toEqual({ redirectedTo: "/desk/claims" });
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max - 1; i++) expect((await attempt(owner, `typo-${i}`)).state?.formError).toBe(WRONG);
    expect(await attempt(owner, PASSWORD)).toEqual({ redirectedTo: "/desk/claims" });
  });
});
