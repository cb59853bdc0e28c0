import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter an email address like name@example.org."));

export const signInSchema = z.object({
  email: emailSchema,
  // Checked for length only: the policy applies when a password is set, not when one is tried.
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
  next: z.string().max(2000).optional(),
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
  return path;
}
