import Link from "next/link";
import { can, type Action } from "@/lib/permissions";
import { actorOf, getCurrentUser } from "@/lib/session";

/**
 * On a public page, for a signed-in person who may change what it shows: a link to the record on
 * the desk. Readers never see it, and the cached copy they are served never holds it: that copy
 * is rendered with no request cookies (`force-static`), so no one is signed in there.
 */
export async function EditOnDesk({ href, action, children }: { href: string; action: Action; children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!can(actorOf(user), action)) return null;
  return (
    <p className="no-print mb-4 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm">
      <Link href={href} className="font-medium text-blue-800 underline">
        {children}
      </Link>
    </p>
  );
}
