import { parseCookies } from "better-call";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sessionCookie, sessionCookieName } from "./request";

// The write limit's session key must be the cookie the session lookup reads (issue 14 §3): held
// here to the parser Better Auth reads it with, on headers made to tell the two apart.

const HOSTILE_HEADERS = (name: string) => [
  `${name}=first; ${name}=second`,
  `${name}=; ${name}=second`,
  `other.session_token=decoy; ${name}=real`,
  `factline.session_token=decoy; __Host-factline.session_token=real`,
  `__Host-factline.session_token=real; factline.session_token=decoy`,
  `${name}="quoted"; ${name}=plain`,
  `${name}="unclosed`,
  `${name}=%72%65%61%6c`,
  `${name}=%E0%A4%A; ${name}=x`,
  `  ${name}  =  spaced  ;${name}=x`,
  `junk; ${name}=after-junk`,
  `a="x;${name}=inside-quotes"; ${name}=real`,
  `${name}=a=b=c`,
  `${name}`,
  ``,
];

afterEach(() => vi.unstubAllEnvs());

describe("sessionCookie", () => {
  for (const environment of ["production", "development"] as const) {
    it(`reads the session cookie as Better Auth's parser does (${environment})`, () => {
      vi.stubEnv("NODE_ENV", environment);
      const name = sessionCookieName();
      for (const cookie of [...HOSTILE_HEADERS(name), ...HOSTILE_HEADERS("__Host-factline.session_token"), ...HOSTILE_HEADERS("factline.session_token")]) {
        expect(sessionCookie(new Headers({ cookie })), cookie).toBe(parseCookies(cookie).get(name) || null);
      }
    });
  }

  it("is the name Better Auth sets", async () => {
    const { auth } = await import("@/lib/auth");
    expect((await auth.$context).authCookies.sessionToken.name).toBe(sessionCookieName());
  });
});
