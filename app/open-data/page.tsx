import Link from "next/link";
import type { Metadata } from "next";
import { CSV_COLUMNS } from "@/lib/csv";
import { CLAIM_STATUSES } from "@/lib/domain/status";
import { EXPORT_JSON_VERSION } from "@/lib/export-json";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Open data" };

const FILES = [
  { href: "/api/open-data/claims.csv", label: "claims.csv", what: "One row per published claim; add ?layout=links for one row per claim–source link with its quote, and bom=1 for Excel." },
  { href: "/api/open-data/claims.json", label: "claims.json", what: `Published claims with their sources, quotes, claimants, stories and corrections (format "factline-export", version ${EXPORT_JSON_VERSION}).` },
  { href: "/api/open-data/claimreview.jsonld", label: "claimreview.jsonld", what: "schema.org ClaimReview markup for every published verdict, for fact-check databases and search engines." },
] as const;

const code = "rounded bg-stone-100 px-1 font-mono text-sm";

export default function OpenDataPage() {
  return (
    <article className="max-w-prose">
      <h1 className="mb-4 font-serif text-3xl font-bold">Open data</h1>
      <p>
        Every claim we have published, free to download without an account. Drafts, reviewers’ notes and anything about our
        staff’s accounts are never in these files. The addresses are stable: link to them or fetch them on a schedule.
      </p>
      <h2 className="mt-8 mb-3 text-xl font-semibold">Files</h2>
      <ul className="space-y-3">
        {FILES.map((file) => (
          <li key={file.href}>
            <a href={file.href} className="font-semibold text-blue-800 underline">
              {file.label}
            </a>
            <p className="text-stone-800">{file.what}</p>
          </li>
        ))}
      </ul>
      <h2 className="mt-8 mb-3 text-xl font-semibold">Filters</h2>
      <p>Each file takes the same filters as query parameters:</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          <code className={code}>story</code>: a story&apos;s id, as the <Link href="/claims" className="text-blue-800 underline">claims list</Link>&apos;s address carries it once filtered by story, and as our API gives it (<code className={code}>story.id</code>); not the words of a story page&apos;s address;
        </li>
        <li>
          <code className={code}>claimant</code>: an id, as in the addresses of our claimant pages;
        </li>
        <li>
          <code className={code}>status</code>, repeatable: {CLAIM_STATUSES.map((s) => s).join(", ")};
        </li>
        <li>
          <code className={code}>from</code> and <code className={code}>to</code>: claim dates, <code className={code}>YYYY-MM-DD</code>, inclusive; a claim known only to its month or year is included when that month or year meets the range.
        </li>
      </ul>
      <p className="mt-2">
        For example, <a href="/api/open-data/claims.csv?status=false&amp;status=misleading" className="text-blue-800 underline">claims.csv?status=false&amp;status=misleading</a>.
        A parameter we do not know, or a bad value, gets a 400 answer saying which; so does an id that
        names no story or claimant with a published claim, rather than a file with no claims.
      </p>
      <h2 className="mt-8 mb-3 text-xl font-semibold">CSV columns</h2>
      <dl className="space-y-2">
        {CSV_COLUMNS.claims.map((column) => (
          <div key={column.header}>
            <dt className={`inline ${code}`}>{column.header}</dt> <dd className="inline">{column.description}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4">
        Text cells that begin with <code className={code}>=</code>, <code className={code}>+</code>, <code className={code}>-</code> or{" "}
        <code className={code}>@</code> start with an apostrophe, so a spreadsheet shows them as text instead of running them as formulas.
      </p>
      <h2 className="mt-8 mb-3 text-xl font-semibold">Corrections</h2>
      <p>
        When we change a published rating, the claim’s page, the <Link href="/corrections" className="text-blue-800 underline">corrections log</Link> and
        the <a href="/feed.atom" className="text-blue-800 underline">Atom feed</a> say so, dated; claims.json and claimreview.jsonld carry each claim’s corrections.
      </p>
    </article>
  );
}
