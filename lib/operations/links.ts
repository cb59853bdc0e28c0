import { db } from "@/lib/db";
import { AppError, ConflictError, FieldRuleError } from "@/lib/errors";
import { changedFields, recordEvent } from "@/lib/history";
import { isUniqueViolation } from "@/lib/operations/prisma-errors";
import { checkQuote } from "@/lib/quote-check";
import type { CurrentUser } from "@/lib/session";
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

/** The link form's input; `confirmUnfound` left out means not confirmed. */
type LinkInput = Omit<LinkFormInput, "confirmUnfound"> & { confirmUnfound?: boolean };

export async function linkSource(actor: CurrentUser, claimId: string, input: LinkInput): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      if (!(await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw new AppError("not_found", "That claim no longer exists.");
      if (!(await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } }))) throw new AppError("bad_request", "That source no longer exists; choose another.");
      await requireFoundOrConfirmed(tx, claimId, input.sourceId, input.quote, input.confirmUnfound ?? false);
      const link = await tx.claimSource.create({ data: { claimId, ...snapshot(input) }, select: LINK });
      await tx.claim.update({ where: { id: claimId }, data: { updatedAt: new Date() } });
      await recordEvent(tx, { claimId, actorId: actor.id, kind: "linked", after: snapshot(link) });
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

export async function updateLink(actor: CurrentUser, linkId: string, input: Omit<LinkInput, "sourceId"> & { version: number }): Promise<{ claimId: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const link = await loadLink(tx, linkId);
      const next = { ...snapshot({ ...input, sourceId: link.sourceId }) };
      if (next.quote !== link.quote) await requireFoundOrConfirmed(tx, link.claimId, link.sourceId, next.quote, input.confirmUnfound ?? false);
      const { count } = await tx.claimSource.updateMany({ where: { id: linkId, version: input.version }, data: { ...next, version: { increment: 1 } } });
      if (count === 0) {
        throw new ConflictError("Someone else changed this link after you opened it, so your change was not saved.", {
          Relation: link.relation,
          Quote: link.quote,
          Note: link.note ?? "",
        }, link.version);
      }
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
