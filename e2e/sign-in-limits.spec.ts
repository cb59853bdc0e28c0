import { expect, test } from "@playwright/test";
import { Visitor, formFields } from "../scripts/load/no-js-form";
import { TEST_ACCOUNTS } from "./fixtures/accounts";
import { uniqueAddress } from "./fixtures/auth";

// Sign-in limits and the session cookie over raw HTTP against the production server (issue 14 §3,
// docs/decisions/025-sign-in-limits.md), as a form without JavaScript posts them. Each visitor
// has an address of its own, so no other test's tries count against these.

const SESSION_COOKIE = "__Host-factline.session_token";
const WRONG = "That email and password do not match an active account.";

function visitor(): Visitor {
  return new Visitor(test.info().project.use.baseURL!, uniqueAddress());
}

/** Sends the sign-in form as the server rendered it, with these credentials. */
async function signIn(from: Visitor, email: string, password: string) {
  const fields = formFields((await from.get("/sign-in")).html, 'name="password"');
  fields.set("email", email);
  fields.set("password", password);
  return from.post("/sign-in", fields);
}

test("a stranger's wrong passwords from one address are answered 429 with Retry-After, and the owner still signs in from theirs", async () => {
  const { email, password } = TEST_ACCOUNTS.reviewer;
  const stranger = visitor();
  for (let i = 0; i < 5; i++) {
    const guess = await signIn(stranger, email, `guess-${i}`);
    expect(guess.status, `guess ${i + 1}`).toBe(200);
    expect(guess.html).toContain(WRONG);
  }
  // Refused before the password is tried, even the right one, however the email is spelt.
  const response = await signIn(stranger, `  ${email.toUpperCase()} `, password);
  expect(response.status).toBe(429);
  const wait = Number(response.headers.get("retry-after"));
  expect(wait).toBeGreaterThan(500);
  expect(wait).toBeLessThanOrEqual(600);
  expect(response.html).toBe("Too many wrong passwords for this account from here. Try again in 10 minutes.");
  expect(response.headers.get("set-cookie")).toBeNull();

  const owner = visitor();
  const signedIn = await signIn(owner, email, password);
  expect(signedIn.status).toBe(303);
  expect(owner.jar.has(SESSION_COOKIE)).toBe(true);
});

test("a session's writes are counted on the cookie the session is read from, however the cookie is sent twice", async () => {
  const owner = visitor();
  expect((await signIn(owner, TEST_ACCOUNTS.editor.email, TEST_ACCOUNTS.editor.password)).status).toBe(303);
  const token = owner.jar.get(SESSION_COOKIE)!;
  const address = uniqueAddress();
  const send = (cookie: string, init: RequestInit = {}) =>
    fetch(`${test.info().project.use.baseURL}${init.method === "POST" ? "/corrections" : "/desk"}`, { ...init, headers: { "x-forwarded-for": address, cookie }, redirect: "manual" });
  // Before the real one: another session's name, a second cookie of the same name, another spelling.
  const spellings = [
    (n: number) => `factline.session_token=decoy-${n}; ${SESSION_COOKIE}=${token}`,
    (n: number) => `${SESSION_COOKIE}=${token}; ${SESSION_COOKIE}=decoy-${n}`,
    () => `${SESSION_COOKIE}="${token}"`,
    () => `${SESSION_COOKIE}=${token.replace(/\./g, "%2E")}`,
  ];
  // The session lookup reads the editor's session from each.
  for (const spelling of spellings) {
    const desk = await send(spelling(0));
    expect(desk.status, spelling(0)).toBe(200);
    expect(await desk.text()).toContain('aria-label="Desk"');
  }
  // So the write limit counts them all as that one session: 120 a minute (lib/rate-limit.ts).
  const statuses: number[] = [];
  for (let i = 0; i < 121; i++) statuses.push((await send(spellings[i % spellings.length]!(i), { method: "POST", body: new URLSearchParams({ x: "1" }) })).status);
  expect(statuses.slice(0, 120).filter((status) => status === 429)).toEqual([]);
  expect(statuses[120]).toBe(429);
});

test("a script's call of a server action runs at any page path, so each action checks who is asking itself (docs/security.md)", async () => {
  const from = visitor();
  const fields = formFields((await from.get("/sign-in")).html, 'name="password"');
  const actionId = (JSON.parse(fields.get("$ACTION_1:0")!) as { id: string }).id;
  for (const path of ["/sign-in", "/methodology", "/no-such-page"]) {
    // The sign-in action called as the app's script calls it, with no form: it answers its form.
    const response = await fetch(`${test.info().project.use.baseURL}${path}`, {
      method: "POST",
      headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", "x-forwarded-for": uniqueAddress() },
      body: JSON.stringify([{ ok: false, fieldErrors: {}, formError: null, values: {} }, "$undefined"]),
    });
    expect(response.status, path).toBe(200);
    expect(await response.text(), path).toContain("Enter an email address like name@example.org.");
  }
});
