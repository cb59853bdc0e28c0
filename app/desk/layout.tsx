import { headers } from "next/headers";
import type { ReactNode } from "react";
import { DeskShell } from "@/components/desk/desk-shell";
import { requirePageUser } from "@/lib/session";
import { PAGE_ADDRESS_HEADER, deskReturnPath } from "@/lib/validation/auth";

// Rendered for each request, with its CSP nonce (docs/decisions/009-content-security-policy.md).
// The insights and claim finders may come from a person's copy instead (ADR 041), drawn in the
// same shell by app/cached/[edition]/desk-*.
export const dynamic = "force-dynamic";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  // A layout is not told its page's address; the proxy passes it on, so signing in leads back
  // to the page asked for (each page also names itself, for its own permission check).
  const user = await requirePageUser("desk:view", deskReturnPath((await headers()).get(PAGE_ADDRESS_HEADER)));
  return <DeskShell user={user}>{children}</DeskShell>;
}
