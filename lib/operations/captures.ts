import type { CapturedPage } from "@/lib/capture/capture";
import { db, sqlDialect, storedDate } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordSourceEdited } from "@/lib/operations/sources";
import { checkQuote } from "@/lib/quote-check";
import type { CurrentUser } from "@/lib/session";
import { PENDING_CAPTURE_HOURS } from "@/lib/validation/source";

/** A quote linked to the source that its new captured text does not hold. */
export interface UnfoundQuote {
  linkId: string;
  claimId: string;
  claimSummary: string;
  quote: string;
  /** Whether the text it replaced held it: false means it was not found before either. */
  wasFound: boolean;
}

export interface RecaptureReport {
  captureId: string;
  /** How many linked quotes the new text holds. */
  found: number;
  unfound: UnfoundQuote[];
}

function captureRow(actor: CurrentUser, page: CapturedPage) {
  return {
    requestedUrl: page.requestedUrl,
    finalUrl: page.finalUrl,
    httpStatus: page.status,
    kind: page.kind,
    bytes: page.bytes,
    sha256: page.sha256,
    text: page.text,
    capturedById: actor.id,
  };
}

/**
 * The web address a source is captured from: undefined when there is no such source, null when it
 * has none. Given the version the asking page showed, refuses (before any fetch) a source saved
 * since; recaptureSource checks it again as it writes.
 */
export async function sourceAddress(sourceId: string, version?: number): Promise<string | null | undefined> {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { url: true, version: true } });
  if (source && version !== undefined && source.version !== version) throw savedSince();
  return source ? source.url : undefined;
}

/**
 * Saved by someone else since the page was opened: a capture would show their save (the page is
 * rendered again with it) and start the form below afresh, losing what this person typed there.
 * Refused instead, changing nothing: their edits stay, and saving them shows what the other
 * person saved (updateSource's conflict lists every field).
 */
function savedSince(): AppError {
  return new AppError(
    "conflict",
    "Someone else saved this source after you opened this page, so it was not captured again. Anything you typed in the form below is kept: save it (you will see what they saved), or reload the page, then capture again.",
  );
}

/**
 * Deletes the captures no saved form took that are older than PENDING_CAPTURE_HOURS. Run in the
 * transaction that stores each new capture, so unsaved captures (each with a page's whole text)
 * never pile up, on either engine, with no scheduler to run. A capture a source has is never swept.
 *
 * A row another transaction holds (another capture's sweep, a form attaching its capture) is
 * passed over on PostgreSQL, left for the next sweep (sqlDialect.skipLocked): two captures stored
 * at the same moment never wait on each other's sweep, nor deadlock over rows each locked first.
 */
async function sweepPendingCaptures(tx: Prisma.TransactionClient): Promise<void> {
  const cutoff = storedDate(new Date(Date.now() - PENDING_CAPTURE_HOURS * 60 * 60 * 1000));
  await tx.$executeRaw`
    DELETE FROM "SourceCapture" WHERE "id" IN (
      SELECT "id" FROM "SourceCapture" WHERE "sourceId" IS NULL AND "fetchedAt" < ${cutoff} ${sqlDialect.skipLocked})`;
}

/**
 * A capture made on the new-source form, kept until that form is saved (createSource attaches
 * it); one never saved is swept PENDING_CAPTURE_HOURS later, when another capture is stored.
 */
export async function recordPendingCapture(actor: CurrentUser, page: CapturedPage): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await sweepPendingCaptures(tx);
    return tx.sourceCapture.create({ data: { ...captureRow(actor, page), sourceId: null }, select: { id: true } });
  });
}

/**
 * A source captured again: the capture joins its history and its captured text becomes the new
 * text, in one transaction; then every quote linked to it is checked against that text. `address`
 * is the web address the page was fetched from: if the source's own changed meanwhile (the fetch
 * takes up to 10 s), nothing is written, so a page is never kept under another page's address.
 * `version` is the one the asking page showed: a source saved since is not captured (savedSince).
 */
export async function recaptureSource(actor: CurrentUser, sourceId: string, page: CapturedPage, address?: string, version?: number): Promise<RecaptureReport> {
  const { captureId, links, oldText } = await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({
      where: { id: sourceId },
      select: {
        version: true,
        title: true,
        publisher: true,
        author: true,
        url: true,
        kind: true,
        archivedUrl: true,
        capturedText: true,
        claims: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, claimId: true, quote: true, claim: { select: { summary: true } } } },
      },
    });
    if (!before) throw new AppError("not_found", "That source no longer exists.");
    if (address !== undefined && before.url !== address) throw new AppError("conflict", "This source's web address was changed while its page was being captured, so nothing was saved. Capture again to fetch the new address.");
    if (version !== undefined && before.version !== version) throw savedSince();
    await sweepPendingCaptures(tx);
    const capture = await tx.sourceCapture.create({ data: { ...captureRow(actor, page), sourceId }, select: { id: true } });
    // Compare-and-set: a save committed since the read above is not overwritten with this text.
    const { count } = await tx.source.updateMany({ where: { id: sourceId, version: before.version }, data: { capturedText: page.text, version: { increment: 1 } } });
    if (count === 0) throw savedSince();
    await recordSourceEdited(
      tx,
      actor,
      before.claims.map((link) => link.claimId),
      before,
      { ...before, capturedText: page.text },
    );
    return { captureId: capture.id, links: before.claims, oldText: before.capturedText };
  });

  // After the commit: each check reads the whole text (up to 500,000 characters), and a source
  // cited by many claims would otherwise hold SQLite's write lock through all of them.
  let found = 0;
  const unfound: UnfoundQuote[] = [];
  for (const link of links) {
    const now = checkQuote(link.quote, page.text).status;
    if (now === "found") found++;
    else if (now === "not-found") {
      const wasFound = checkQuote(link.quote, oldText).status === "found";
      unfound.push({ linkId: link.id, claimId: link.claimId, claimSummary: link.claim.summary, quote: link.quote, wasFound });
    }
  }
  return { captureId, found, unfound };
}
