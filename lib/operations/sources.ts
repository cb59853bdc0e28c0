import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { sourceFormValues } from "@/lib/domain/form-values";
import { SOURCE_KIND_LABEL, isSourceKind } from "@/lib/domain/source-kind";
import { AppError, CaptureGoneError, ConflictError, FieldRuleError } from "@/lib/errors";
import { changedFields, recordEvent } from "@/lib/history";
import type { CurrentUser } from "@/lib/session";
import { PENDING_CAPTURE_HOURS, type SourceFormInput } from "@/lib/validation/source";

function columns(input: SourceFormInput) {
  return {
    title: input.title,
    publisher: input.publisher,
    author: input.author,
    url: input.url,
    kind: input.kind,
    publishedAt: input.publishedAt?.date ?? null,
    publishedAtPrecision: input.publishedAt?.precision ?? "day",
    archivedUrl: input.archivedUrl,
    description: input.description ?? "",
    capturedText: input.capturedText,
  };
}

type SourceDescription = { title: string; publisher: string | null; author: string | null; url: string | null; kind: string; archivedUrl: string | null; capturedText: string | null };

/** A source's fields as a claim's history records them; captured text by its length (see describeEdit). */
function describe(source: SourceDescription) {
  return {
    source: source.title,
    publisher: source.publisher,
    author: source.author,
    url: source.url,
    kind: source.kind,
    archivedUrl: source.archivedUrl,
    capturedText: source.capturedText ? `${source.capturedText.length.toLocaleString("en")} characters` : null,
  };
}

/**
 * The source after an edit, described as describe() does, except that a captured text replaced by
 * one of the same length says so: by its length alone the change would not show, and no event
 * would be recorded (a page captured again with one figure changed, "$48.2" to "$42.8", say).
 * Events recorded before say the length only, and read as they always did.
 */
function describeEdit(before: SourceDescription, after: SourceDescription) {
  const described = describe(after);
  const sameLength = described.capturedText !== null && described.capturedText === describe(before).capturedText;
  if (sameLength && before.capturedText !== after.capturedText) described.capturedText += " (text changed)";
  return described;
}

// A source belongs to no single claim: its edits go into the history of every claim citing it,
// since they can change what a verdict rests on (a new captured text can flip a quote check).
/**
 * The ways one page's address is written: http or https, with or without "www.", with or
 * without a closing slash. A capture keeps the address the page was fetched at, so a source typed
 * as one and captured as another is still found.
 */
export function sameAddresses(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const host = parsed.host.replace(/^www\./iu, "");
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  const paths = rest.startsWith("/") && rest !== "/" && !parsed.search && !parsed.hash ? [rest.replace(/\/+$/u, ""), `${rest.replace(/\/+$/u, "")}/`] : [rest];
  const found = new Set<string>([url]);
  for (const scheme of ["https:", "http:"]) for (const prefix of ["", "www."]) for (const path of paths) found.add(`${scheme}//${prefix}${host}${path}`);
  return [...found];
}

/** Refuses `url` when a source other than `ownId` has it, however written, naming that source. */
async function refuseSameAddress(tx: Prisma.TransactionClient, url: string, ownId: string | null, tickTo: string): Promise<void> {
  const existing = await tx.source.findFirst({
    where: { url: { in: sameAddresses(url) }, ...(ownId ? { id: { not: ownId } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { title: true },
  });
  if (!existing) return;
  throw new FieldRuleError(
    "sameAddress",
    `Another source already has this web address: “${existing.title}”. Find it under Sources to capture it again or link it to a claim; or tick this box to ${tickTo}.`,
  );
}

/**
 * Adds a source. A web address another source already has is refused unless `sameAddress` says
 * the second one is meant: two sources of one page split its claims and captures between them,
 * and the "Link a source" menu then shows two entries no one can tell apart. (A page that
 * changed is captured again on its one source, which keeps every capture.)
 */
export async function createSource(actor: CurrentUser, input: SourceFormInput & { captureId?: string | null; sameAddress?: boolean }): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    if (input.url && !input.sameAddress) await refuseSameAddress(tx, input.url, null, "add a second source for the same address");
    const created = await tx.source.create({ data: columns(input), select: { id: true } });
    if (input.captureId) await adoptPendingCapture(tx, actor, input.captureId, created.id);
    return created;
  });
}

/**
 * A capture made on the new-source form (lib/operations/captures.ts) becomes the source's first;
 * only the person who made it can claim it, and only while no source has it. One swept while
 * the form waited is refused, so the transaction writes no source: the form says why, and is
 * sent without it next time (lib/actions/sources.ts).
 */
async function adoptPendingCapture(tx: Prisma.TransactionClient, actor: CurrentUser, captureId: string, sourceId: string): Promise<void> {
  const { count } = await tx.sourceCapture.updateMany({ where: { id: captureId, capturedById: actor.id, sourceId: null }, data: { sourceId } });
  if (count > 0 || (await tx.sourceCapture.findUnique({ where: { id: captureId }, select: { id: true } }))) return;
  throw new CaptureGoneError(
    `This form's capture was made more than ${PENDING_CAPTURE_HOURS} hours ago and is no longer kept, so the source was not added. ` +
      "Press Capture to fetch the page again, or Add source to save it with the text below, without a record of the capture.",
  );
}

/** Records a source's edit in the history of every claim citing it (see above). */
export async function recordSourceEdited(
  tx: Prisma.TransactionClient,
  actor: CurrentUser,
  claimIds: Iterable<string>,
  before: SourceDescription,
  after: SourceDescription,
): Promise<void> {
  const diff = changedFields(describe(before), describeEdit(before, after));
  if (!diff) return;
  for (const claimId of new Set(claimIds)) {
    // The source is always named, changed or not, so the event says which one it was.
    await recordEvent(tx, { claimId, actorId: actor.id, kind: "source-edited", before: { source: before.title, ...diff.before }, after: { source: after.title, ...diff.after } });
  }
}

/**
 * Saves a source's edit. An address changed to one another source has is asked about as on
 * adding one (`sameAddress`); an address left as it was is not, so two sources kept for one page
 * on purpose can still be edited.
 */
export async function updateSource(actor: CurrentUser, id: string, input: SourceFormInput & { version: number; sameAddress?: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.source.findUnique({
      where: { id },
      select: { title: true, publisher: true, author: true, url: true, kind: true, archivedUrl: true, capturedText: true, claims: { select: { claimId: true } } },
    });
    const moved = input.url !== null && !(before?.url && sameAddresses(before.url).includes(input.url));
    if (before && moved && input.url && !input.sameAddress) await refuseSameAddress(tx, input.url, id, "give this source the same address");
    const { count } = await tx.source.updateMany({
      where: { id, version: input.version },
      data: { ...columns(input), version: { increment: 1 } },
    });
    if (count === 1 && before) {
      await recordSourceEdited(tx, actor, before.claims.map((c) => c.claimId), before, columns(input));
      return;
    }
    const now = await tx.source.findUnique({
      where: { id },
      select: { title: true, publisher: true, author: true, url: true, kind: true, publishedAt: true, publishedAtPrecision: true, archivedUrl: true, description: true, capturedText: true, version: true },
    });
    if (!now) throw new AppError("not_found", "That source no longer exists.");
    // Every field the form writes, so a second save overwrites nothing unseen (a colleague's
    // author, or a capture made since); the captured text, up to 500,000 characters, by whether it
    // is the form's.
    const saved = now.capturedText ?? "";
    // A browser sends a text area's line breaks as CRLF; a capture stores LF.
    const lines = (text: string) => text.replace(/\r\n?/g, "\n");
    const capturedText =
      lines(saved) === lines(input.capturedText ?? "")
        ? "The same as in your form."
        : `Not the text you sent: ${saved.length.toLocaleString("en")} characters${saved ? `, beginning “${saved.slice(0, 80).trim()}${saved.length > 80 ? "…" : ""}”` : ""}. If you had not changed the captured text, the form now holds this one; if you had, it holds yours, and saving replaces this one with it.`;
    throw new ConflictError("Someone else saved this source after you opened it, so your change was not saved. Here is what is saved now.", {
      Title: now.title,
      Publisher: now.publisher ?? "",
      Author: now.author ?? "",
      "Web address": now.url ?? "",
      Kind: isSourceKind(now.kind) ? SOURCE_KIND_LABEL[now.kind] : now.kind,
      Date: formatPartialDate(now.publishedAt, now.publishedAtPrecision) ?? "",
      "Archived copy": now.archivedUrl ?? "",
      Description: now.description,
      "Captured text": capturedText,
    }, now.version, sourceFormValues(now));
  });
}
