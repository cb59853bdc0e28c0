import { isoPartialDate } from "@/lib/domain/partial-date";

/**
 * What a saved record looks like in its edit form: the page that opens the form and a refused
 * save's "what is saved now" (ConflictError.saved) both build it here, so a refused form is
 * refilled with exactly the values a fresh page would show. Two copies of this once had to be
 * kept in step by hand.
 */

export interface SourceRow {
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  kind: string;
  publishedAt: Date | null;
  publishedAtPrecision: string;
  archivedUrl: string | null;
  description: string;
  capturedText: string | null;
}

export function sourceFormValues(source: SourceRow) {
  return {
    title: source.title,
    publisher: source.publisher ?? "",
    author: source.author ?? "",
    url: source.url ?? "",
    kind: source.kind,
    publishedAt: isoPartialDate(source.publishedAt, source.publishedAtPrecision) ?? "",
    archivedUrl: source.archivedUrl ?? "",
    description: source.description,
    capturedText: source.capturedText ?? "",
  };
}

export interface ClaimRow {
  text: string;
  summary: string;
  claimantId: string;
  storyId: string;
  claimDate: Date | null;
  claimDatePrecision: string;
}

/** The claim form's fields (components/desk/claim-form.tsx). */
export function claimFormValues(claim: ClaimRow) {
  return {
    text: claim.text,
    summary: claim.summary,
    claimantId: claim.claimantId,
    storyId: claim.storyId,
    claimDate: isoPartialDate(claim.claimDate, claim.claimDatePrecision) ?? "",
  };
}
