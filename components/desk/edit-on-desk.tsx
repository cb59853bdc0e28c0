import Link from "next/link";
import { can, type Action } from "@/lib/permissions";
import { actorOf, getCurrentUser } from "@/lib/session";

/**
 * Whether the person asking may change what a public page shows, and so gets a link to the desk.
 * Readers never may, and the cached copy they are served never shows it: that copy is rendered
 * with no request cookies (`force-static`), so no one is signed in there.
 */
export async function mayEditOnDesk(action: Action): Promise<boolean> {
  return can(actorOf(await getCurrentUser()), action);
}

/** On a public page, for a signed-in person who may edit it (mayEditOnDesk): the record on the desk. */
export function EditOnDesk({ show, href, children }: { show: boolean; href: string; children: React.ReactNode }) {
  if (!show) return null;
  return (
    <p className="no-print mb-4 rounded border border-blue-200 bg-blue-50 px-3 py-2 text-sm">
      <Link href={href} className="font-medium text-blue-800 underline">
        {children}
      </Link>
    </p>
  );
}
