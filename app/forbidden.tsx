import type { Metadata } from "next";
import Link from "next/link";
import { FORBIDDEN_PAGE } from "@/lib/http/fallback-pages.mjs";
import { DESK_CONTENT_ID } from "@/lib/skip-target";

export const metadata: Metadata = { title: FORBIDDEN_PAGE.title };

export default function Forbidden() {
  // The desk's skip link aims past its menu, at DESK_CONTENT_ID; this page replaces the desk's
  // layout on a desk address, so it carries the target itself (reader pages aim at <main>).
  return (
    <div id={DESK_CONTENT_ID}>
      <h1 className="mb-4 font-serif text-3xl font-bold">{FORBIDDEN_PAGE.title}</h1>
      <p className="mb-4">{FORBIDDEN_PAGE.text}</p>
      <p>
        <Link href={FORBIDDEN_PAGE.link.href} className="text-blue-800 underline">
          {FORBIDDEN_PAGE.link.label}
        </Link>
      </p>
    </div>
  );
}
