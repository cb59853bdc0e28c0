import { notFound } from "next/navigation";

// An address no other route answers. Without this route Next.js would serve its "not found" page
// prerendered at build, whose scripts carry no nonce and so would be refused by the policy; here
// it is rendered for each request, with the nonce (docs/decisions/009-content-security-policy.md).
export const dynamic = "force-dynamic";

export default function MissingPage(): never {
  notFound();
}
