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

/** A path on this site to go back to after signing in; anything else goes to the desk. */
export function safeReturnPath(next: string | undefined | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/desk";
  try {
    const url = new URL(next, "http://factline.invalid");
    if (url.origin !== "http://factline.invalid") return "/desk";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/desk";
  }
}
