import type { Metadata } from "next";
import { notFound } from "next/navigation";

// An address no other route answers. Without this route Next.js would serve its "not found" page
// prerendered at build, whose scripts carry no nonce and so would be refused by the policy; here
// it is rendered for each request, with the nonce (docs/decisions/009-content-security-policy.md).
export const dynamic = "force-dynamic";
// The not-found page's title; without it the tab said only "Factline" once scripts had run.
export const metadata: Metadata = { title: "Page not found" };

export default function MissingPage(): never {
  notFound();
}
