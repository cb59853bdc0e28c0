import Link from "next/link";
import type { ReactNode } from "react";
import { QuoteInContext } from "@/components/claims/quote";
import { QuoteCheckLabel } from "@/components/claims/quote-check-label";
import { relationInfo } from "@/lib/domain/relation";
import type { QuoteCheck } from "@/lib/quote-check";

export interface LinkedSourceProps {
  link: { relation: string; quote: string; quotePrefix: string | null; quoteSuffix: string | null; note: string | null; source: { id: string; title: string } };
  quoteCheck: QuoteCheck;
  /** A line under the title (kind, publisher, date). */
  meta?: ReactNode;
  /** What follows the quote: the source's address for readers, edit and unlink on the desk. */
  children?: ReactNode;
}

/** One source as linked to a claim: how it relates, the exact quote and whether it was found. */
export function LinkedSource({ link, quoteCheck, meta, children }: LinkedSourceProps) {
  return (
    <li className="rounded border border-stone-300 bg-white p-4">
      <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">{relationInfo(link.relation).label}</p>
      <h3 className="mt-1 text-lg font-semibold">
        <Link href={`/sources/${link.source.id}`} className="text-blue-800 underline">
          {link.source.title}
        </Link>
      </h3>
      {meta ? <p className="text-sm text-stone-700">{meta}</p> : null}
      <QuoteInContext quote={link.quote} prefix={link.quotePrefix} suffix={link.quoteSuffix} />
      <QuoteCheckLabel check={quoteCheck} />
      {link.note ? <p className="mt-2 text-sm text-stone-800">Note: {link.note}</p> : null}
      {children}
    </li>
  );
}
