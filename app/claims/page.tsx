import type { Metadata } from "next";
import { claimsListPage } from "@/components/claims/claims-list-page";
import { toSearchParams } from "@/lib/validation/claim-query";

// Rendered for each request, with its CSP nonce (docs/decisions/009-content-security-policy.md),
// for a signed-in person and for the lists proxy.ts does not key; a reader's list otherwise comes
// from its cached copy (app/cached/[edition]/claim-list/[key], docs/decisions/026-cached-claim-lists.md).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage({ searchParams }: PageProps<"/claims">) {
  return claimsListPage(toSearchParams(await searchParams));
}
