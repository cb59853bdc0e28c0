import type { Metadata } from "next";
import Link from "next/link";
import { DESK_CONTENT_ID } from "@/lib/skip-target";

export const metadata: Metadata = { title: "Not allowed" };

export default function Forbidden() {
  // The desk's skip link aims past its menu, at DESK_CONTENT_ID; this page replaces the desk's
  // layout on a desk address, so it carries the target itself (reader pages aim at <main>).
  return (
    <div id={DESK_CONTENT_ID}>
      <h1 className="mb-4 font-serif text-3xl font-bold">Not allowed</h1>
      <p className="mb-4">Your role does not give access to this page. Ask an administrator if you need it.</p>
      <p>
        <Link href="/desk" className="text-blue-800 underline">
          Back to the desk
        </Link>
      </p>
    </div>
  );
}
