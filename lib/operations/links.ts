import { db } from "@/lib/db";
import { AppError, ConflictError, FieldRuleError } from "@/lib/errors";
import { changedFields, recordEvent } from "@/lib/history";
import { isUniqueViolation } from "@/lib/operations/prisma-errors";
import { can } from "@/lib/permissions";
import { relationInfo } from "@/lib/domain/relation";
import { checkQuote, quoteContext } from "@/lib/quote-check";
import type { CurrentUser } from "@/lib/session";
import type { SourceQuoteInput } from "@/lib/validation/claim";
import type { LinkFormInput } from "@/lib/validation/link";

const LINK = { id: true, claimId: true, sourceId: true, relation: true, quote: true, quotePrefix: true, quoteSuffix: true, note: true, version: true } as const;

export const UNFOUND_QUOTE_MESSAGE =
  "Readers will see this quote at once, and it is not in the source's captured text. Check it against the source; to publish it as it is, tick the box below and save again.";

/**
 * On a published claim, a quote readers would see at once must be in the source's captured text,
 * or the person must say they mean it: a typo or a paraphrase would otherwise go public
 * marked "quote not found in captured text". (A source with no captured text cannot be checked.)
 */
async function requireFoundOrConfirmed(tx: Tx, claimId: string, sourceId: string, quote: string, confirmed: boolean): Promise<void> {
  if (confirmed || quote === "") return;
  const [claim, source] = await Promise.all([
    tx.claim.findUnique({ where: { id: claimId }, select: { publishedAt: true } }),
    tx.source.findUnique({ where: { id: sourceId }, select: { capturedText: true } }),
  ]);
  if (!claim?.publishedAt || !source?.capturedText) return;
  if (checkQuote(quote, source.capturedText).status === "not-found") throw new FieldRuleError("confirmUnfound", UNFOUND_QUOTE_MESSAGE);
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

function snapshot(link: { sourceId: string; relation: string; quote: string; quotePrefix: string | null; quoteSuffix: string | null; note: string | null }) {
  return { sourceId: link.sourceId, relation: link.relation, quote: link.quote, quotePrefix: link.quotePrefix, quoteSuffix: link.quoteSuffix, note: link.note };
}

const DUPLICATE = "This source is already linked to the claim with that relation; edit that link instead.";

async function insertLink(tx: Tx, actor: CurrentUser, claimId: string, input: ReturnType<typeof snapshot>): Promise<void> {
  const link = await tx.claimSource.create({ data: { claimId, ...input }, select: LINK });
  await recordEvent(tx, { claimId, actorId: actor.id, kind: "linked", after: snapshot(link) });
}

export const QUOTE_MOVED_MESSAGE =
  "That sentence is no longer at that place in the source's captured text (the text may have changed since the finder listed it), so nothing was saved. Open the finder again and choose the sentence afresh.";

/** Refused before any write, as linkSource's own action would refuse it. */
export function requireLinkPermission(actor: CurrentUser): void {
  if (!can(actor.role, "link:create")) throw new AppError("forbidden", "Your role does not allow linking sources.");
}

/**
 * Links a new claim to the source the finder found it in ("appears in"), with the sentence as
 * the quote and the text around it as prefix and suffix, all taken from the captured text as it
 * is now. The form's offsets and quote are only a claim about that text: unless the quote is
 * exactly the text at those offsets, nothing is linked and the transaction fails.
 */
export async function linkQuoteFromSource(tx: Tx, actor: CurrentUser, claimId: string, input: SourceQuoteInput): Promise<void> {
  requireLinkPermission(actor);
  const source = await tx.source.findUnique({ where: { id: input.quoteSourceId }, select: { capturedText: true } });
  if (!source) throw new AppError("bad_request", "That source no longer exists, so the claim was not saved.");
  const text = source.capturedText ?? "";
  const { quoteStart: start, quoteEnd: end, quote } = input;
  if (end > text.length || start >= end || text.slice(start, end) !== quote || checkQuote(quote, text).status !== "found") {
    throw new AppError("bad_request", QUOTE_MOVED_MESSAGE);
  }
  const { prefix, suffix } = quoteContext(text, start, end);
  await insertLink(tx, actor, claimId, { sourceId: input.quoteSourceId, relation: "appears-in", quote, quotePrefix: prefix, quoteSuffix: suffix, note: null });
}

/** The link form's input; `confirmUnfound` left out means not confirmed. */
type LinkInput = Omit<LinkFormInput, "confirmUnfound"> & { confirmUnfound?: boolean };

export async function linkSource(actor: CurrentUser, claimId: string, input: LinkInput): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      if (!(await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw new AppError("not_found", "That claim no longer exists.");
      if (!(await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } }))) throw new AppError("bad_request", "That source no longer exists; choose another.");
      await requireFoundOrConfirmed(tx, claimId, input.sourceId, input.quote, input.confirmUnfound ?? false);
      await insertLink(tx, actor, claimId, snapshot(input));
      await tx.claim.update({ where: { id: claimId }, data: { updatedAt: new Date() } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", DUPLICATE);
    throw error;
  }
}

async function loadLink(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], linkId: string) {
  const link = await tx.claimSource.findUnique({ where: { id: linkId }, select: LINK });
  if (!link) throw new AppError("not_found", "That link no longer exists.");
  return link;
}

/** Someone else saved the link since the form was opened: every field it has, as saved now. */
function changedSince(link: { relation: string; quote: string; quotePrefix: string | null; quoteSuffix: string | null; note: string | null; version: number }): ConflictError {
  return new ConflictError(
    "Someone else changed this link after you opened it, so your change was not saved.",
    {
      Relation: relationInfo(link.relation).label,
      Quote: link.quote,
      "Text just before the quote": link.quotePrefix ?? "",
      "Text just after the quote": link.quoteSuffix ?? "",
      Note: link.note ?? "",
    },
    link.version,
    { relation: link.relation, quote: link.quote, quotePrefix: link.quotePrefix ?? "", quoteSuffix: link.quoteSuffix ?? "", note: link.note ?? "" },
  );
}

export async function updateLink(actor: CurrentUser, linkId: string, input: Omit<LinkInput, "sourceId"> & { version: number }): Promise<{ claimId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const link = await loadLink(tx, linkId);
      // Checked before the quote: a person is not asked to confirm a quote for a link that has
      // changed under them.
      if (link.version !== input.version) throw changedSince(link);
      const next = { ...snapshot({ ...input, sourceId: link.sourceId }) };
      if (next.quote !== link.quote) await requireFoundOrConfirmed(tx, link.claimId, link.sourceId, next.quote, input.confirmUnfound ?? false);
      const { count } = await tx.claimSource.updateMany({ where: { id: linkId, version: input.version }, data: { ...next, version: { increment: 1 } } });
      if (count === 0) throw changedSince(await loadLink(tx, linkId));
      const diff = changedFields(snapshot(link), next);
      if (diff) {
        await tx.claim.update({ where: { id: link.claimId }, data: { updatedAt: new Date() } });
        await recordEvent(tx, { claimId: link.claimId, actorId: actor.id, kind: "link-edited", before: { sourceId: link.sourceId, relation: link.relation, ...diff.before }, after: { sourceId: link.sourceId, relation: next.relation, ...diff.after } });
      }
      return { claimId: link.claimId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", DUPLICATE);
    throw error;
  }
}

export async function unlinkSource(actor: CurrentUser, linkId: string, version: number): Promise<{ claimId: string }> {
  return db.$transaction(async (tx) => {
    const link = await loadLink(tx, linkId);
    // Only the version the person saw: a link edited since then is not removed unseen.
    const { count } = await tx.claimSource.deleteMany({ where: { id: linkId, version } });
    if (count === 0) {
      throw new ConflictError("This link changed after you opened the page, so it was not removed. Reload to see it as it is now.", { Quote: link.quote }, link.version);
    }
    await tx.claim.update({ where: { id: link.claimId }, data: { updatedAt: new Date() } });
    await recordEvent(tx, { claimId: link.claimId, actorId: actor.id, kind: "unlinked", before: snapshot(link) });
    return { claimId: link.claimId };
  });
}
