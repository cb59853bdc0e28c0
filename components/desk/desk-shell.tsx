import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { ActionNotice } from "@/components/desk/action-notice";
import { ROLE_LABEL, type Role } from "@/lib/domain/role";
import { can } from "@/lib/permissions";
import { SIGN_OUT_PATH } from "@/lib/sign-out-path";
import { DESK_CONTENT_ID } from "@/lib/skip-target";

/**
 * The desk's menu, who is signed in, and the live region for notices, around a desk page: the
 * desk's layout draws it for each request, and a desk page's cached copy (ADR 041) for the
 * person the copy is for.
 */
export function DeskShell({ user, children }: { user: { name: string; role: Role }; children: ReactNode }) {
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
        {/* The notice reads the address: a copy, rendered once for every address, draws it in the browser. */}
        <Suspense fallback={<div role="status" />}>
          <ActionNotice />
        </Suspense>
        {children}
      </div>
    </div>
  );
}
