import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/session";
import { safeReturnPath } from "@/lib/validation/auth";

// Rendered for each request, with its CSP nonce (docs/decisions/009-content-security-policy.md).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null);
  if (await getCurrentUser()) redirect(returnTo);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 font-serif text-3xl font-bold">Sign in</h1>
      <p className="mb-6 text-stone-800">For the newsroom’s fact-checkers and editors. Readers need no account.</p>
      <SignInForm next={returnTo} />
    </div>
  );
}
