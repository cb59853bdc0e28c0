import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/session";
import { SIGN_OUT_PATH } from "@/lib/sign-out-path";

export const metadata: Metadata = { title: "Sign out" };

/**
 * Where `GET /sign-out` leads (a bookmark, a typed address): signing out is a post, never a
 * visit, so a link or a prefetch cannot end a session; this page asks for the post.
 */
export default async function SignOutPage() {
  const user = await requirePageUser("desk:view", "/desk/sign-out");
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Sign out</h1>
      <p className="mb-4">
        You are signed in as {user.name} ({user.email}). Sign out on this device?
      </p>
      <form method="post" action={SIGN_OUT_PATH} className="mb-4">
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
          Sign out of Factline
        </button>
      </form>
      <p>
        <Link href="/desk" className="text-blue-800 underline">
          Back to the desk
        </Link>
      </p>
    </>
  );
}
