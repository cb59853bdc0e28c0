import Link from "next/link";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { ActionNotice } from "@/components/desk/action-notice";
import { DESK_CONTENT_ID } from "@/lib/skip-target";
import { ROLE_LABEL } from "@/lib/domain/role";
import { can } from "@/lib/permissions";
import { requirePageUser } from "@/lib/session";
import { SIGN_OUT_PATH } from "@/lib/sign-out-path";
import { PAGE_ADDRESS_HEADER, deskReturnPath } from "@/lib/validation/auth";

// Rendered for each request, with its CSP nonce (docs/decisions/009-content-security-policy.md).
export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  // A layout is not told its page's address; the proxy passes it on, so signing in leads back
  // to the page asked for (each page also names itself, for its own permission check).
  const user = await requirePageUser("desk:view", deskReturnPath((await headers()).get(PAGE_ADDRESS_HEADER)));
  return (
    <div>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-3 rounded border border-stone-300 bg-white px-4 py-3">
        <nav aria-label="Desk">
          <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
            <li><Link href="/desk" className="text-blue-800 underline">Needs review</Link></li>
            <li><Link href="/desk/queue" className="text-blue-800 underline">My queue</Link></li>
            <li><Link href="/desk/claims/new" className="text-blue-800 underline">New claim</Link></li>
            <li><Link href="/desk/sources" className="text-blue-800 underline">Sources</Link></li>
            <li><Link href="/desk/search" className="text-blue-800 underline">Search</Link></li>
            {can(user.role, "insights:view") ? <li><Link href="/desk/insights" className="text-blue-800 underline">Insights</Link></li> : null}
            {can(user.role, "story:manage") ? <li><Link href="/desk/stories" className="text-blue-800 underline">Stories</Link></li> : null}
            {can(user.role, "export:run") ? <li><Link href="/desk/export" className="text-blue-800 underline">Export</Link></li> : null}
            {can(user.role, "user:manage") ? <li><Link href="/desk/admin/users" className="text-blue-800 underline">Accounts</Link></li> : null}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span>
            {user.name} · {ROLE_LABEL[user.role]}
          </span>
          {/* A plain post, not a server action: the write limits never hold it up (app/sign-out/route.ts). */}
          <form method="post" action={SIGN_OUT_PATH}>
            <button type="submit" className="rounded border border-stone-500 px-3 py-1 hover:bg-stone-100">
              Sign out
            </button>
          </form>
        </div>
      </div>
      <div id={DESK_CONTENT_ID}>
        <ActionNotice />
        {children}
      </div>
    </div>
  );
}
