import type { Metadata } from "next";
import Link from "next/link";
import { DESK_CONTENT_ID } from "@/lib/skip-target";

// The tab's title says so too (WCAG 2.4.2), not just the heading.
export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  // The desk's skip link aims past its menu, at DESK_CONTENT_ID; this page replaces the desk's
  // layout on a desk address, so it carries the target itself (reader pages aim at <main>).
  return (
    <div id={DESK_CONTENT_ID}>
      <h1 className="mb-4 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mb-4">
        We have no page at this address. The claim, source or claimant may never have existed, or it is not
        published.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href="/" className="text-blue-800 underline">
            Home
          </Link>
        </li>
        <li>
          <Link href="/claims" className="text-blue-800 underline">
            Browse and search all claims
          </Link>
        </li>
      </ul>
    </div>
  );
}
