import { describe, expect, it } from "vitest";
import { safeReturnPath, deskReturnPath, signInSchema } from "./auth";

describe("safeReturnPath", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeReturnPath("/desk/claims/abc")).toBe("/desk/claims/abc");
    expect(safeReturnPath("/claims?q=tripled&status=false")).toBe("/claims?q=tripled&status=false");
    expect(safeReturnPath("/apis-explained")).toBe("/apis-explained");
  });

  it.each([
    null,
    undefined,
    "",
    "desk",
    "https://evil.example/desk",
    "//evil.example",
    "/\\evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "/%2e//evil.example",
    "/./\\evil.example",
    "javascript:alert(1)",
    // On this site, but no page to come back to: a sign-out, a sign-in, JSON.
    "/sign-out",
    "/desk/sign-out",
    "/sign-in?next=/desk",
    "/api/claims",
    "/api/desk/similar-claims?text=x",
    "/_next/static/chunks/a.js",
  ])("sends %s to the desk instead", (next) => {
    expect(safeReturnPath(next)).toBe("/desk");
  });
});

describe("sign-in form", () => {
  it("lower-cases and trims the email, and never checks the password's strength here", () => {
    expect(signInSchema.parse({ email: "  Rita@Example.ORG ", password: "x" })).toEqual({ email: "rita@example.org", password: "x" });
  });

  it("reports a malformed email and an empty password together", () => {
    const result = signInSchema.safeParse({ email: "not-an-email", password: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["email", "password"]);
  });
});

describe("deskReturnPath", () => {
  it("leads back to the desk page asked for, with its query, without Next.js's _rsc", () => {
    expect(deskReturnPath("/desk/claims/ice-tripled-azure-data")).toBe("/desk/claims/ice-tripled-azure-data");
    expect(deskReturnPath("/desk/claims/c1?source=s2")).toBe("/desk/claims/c1?source=s2");
    expect(deskReturnPath("/desk/insights?_rsc=1x2y&weeks=26")).toBe("/desk/insights?weeks=26");
    expect(deskReturnPath("/desk?cursor=abc")).toBe("/desk?cursor=abc");
    // Not the notice of an action done before the session ended.
    expect(deskReturnPath("/desk/claims/c1?done=note-added&at=k2&source=s2")).toBe("/desk/claims/c1?source=s2");
  });

  it("goes to the desk for anything else", () => {
    for (const address of [null, "", "/claims", "/desktop", "//evil.example/desk", "https://evil.example/desk/claims", "/\\evil.example"]) {
      expect(deskReturnPath(address), String(address)).toBe("/desk");
    }
  });
});
