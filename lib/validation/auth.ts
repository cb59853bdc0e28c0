import { z } from "zod";
import { NOTICE_PARAMETERS } from "@/lib/domain/desk-notice";

export const emailSchema = z
  .string({ error: "Enter an email address like name@example.org." })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter an email address like name@example.org."));

export const signInSchema = z.object({
  email: emailSchema,
  // Checked for length only: the policy applies when a password is set, not when one is tried.
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
  // Where to go afterwards, from the page's own link: one that will not do is dropped (the person
  // lands on the desk), not a reason to refuse the sign-in.
  next: z.string().max(2000).optional().catch(undefined),
});

/**
 * A path on this site to go back to after signing in; anything else goes to the desk. Checked
 * after normalising, so "/.//evil.example" cannot turn into a protocol-relative "//evil.example".
 */
export function safeReturnPath(next: string | undefined | null): string {
  const fallback = "/desk";
  if (!next || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, "http://factline.invalid");
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}`;
  if (url.origin !== "http://factline.invalid" || !path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return fallback;
  // Not a page a person reads: signing in to land on sign-out, sign-in again, or an API's JSON.
  if (NOT_PAGES.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return fallback;
  return path;
}

/** Addresses that are no page to come back to after signing in. */
const NOT_PAGES = ["/sign-out", "/desk/sign-out", "/sign-in", "/api", "/_next"];

/**
 * The request header the proxy sets on each page it has rendered per request: the address asked
 * for (path and query, never the client's own header of that name). The desk's layout sends a
 * signed-out visitor to sign in with it, so a colleague's link to a claim leads back to that
 * claim, not to "Needs review".
 */
export const PAGE_ADDRESS_HEADER = "x-factline-page";

/** The page a proxy-set address names, without Next.js's own `_rsc` parameter, when it is on the desk. */
export function deskReturnPath(address: string | null): string {
  if (!address) return "/desk";
  let url: URL;
  try {
    url = new URL(address, "http://factline.invalid");
  } catch {
    return "/desk";
  }
  if (url.origin !== "http://factline.invalid") return "/desk";
  // Nor the notice of an action done before the session ended: "Note added." for nothing.
  for (const name of ["_rsc", ...NOTICE_PARAMETERS]) url.searchParams.delete(name);
  const path = safeReturnPath(`${url.pathname}${url.search}`);
  return path === "/desk" || path.startsWith("/desk/") || path.startsWith("/desk?") ? path : "/desk";
}
