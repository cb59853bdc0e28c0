import { db } from "@/lib/db";
import { AppError, ConflictError } from "@/lib/errors";
import { changedFields, recordEvent } from "@/lib/history";
import type { CurrentUser } from "@/lib/session";
import type { AnnotationInput } from "@/lib/validation/annotation";

/** Adds a note, internal to the desk unless `isPublic`; the history records which. */
export async function addAnnotation(actor: CurrentUser, claimId: string, { body, isPublic }: AnnotationInput): Promise<{ readersSee: boolean }> {
  return db.$transaction(async (tx) => {
    if (!(await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw new AppError("not_found", "That claim no longer exists.");
    const note = await tx.annotation.create({ data: { claimId, authorId: actor.id, body, isPublic }, select: { id: true } });
    await recordEvent(tx, { claimId, actorId: actor.id, kind: "annotated", after: { annotationId: note.id, body, isPublic } });
    return { readersSee: isPublic };
  });
}

async function loadOwn(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], actor: CurrentUser, id: string) {
  const note = await tx.annotation.findUnique({ where: { id }, select: { id: true, claimId: true, authorId: true, body: true, isPublic: true, version: true, deletedAt: true } });
  if (!note || note.deletedAt) throw new AppError("not_found", "That note no longer exists.");
  // Only the author edits or deletes a note: it is their words.
  if (note.authorId !== actor.id) throw new AppError("forbidden", "You can only change your own notes.");
  return note;
}

/** `readersSaw`: whether readers saw the note before or see it now, so their page changed. */
export async function editAnnotation(actor: CurrentUser, id: string, input: AnnotationInput & { version: number }): Promise<{ claimId: string; readersSaw: boolean }> {
  return db.$transaction(async (tx) => {
    const note = await loadOwn(tx, actor, id);
    const { count } = await tx.annotation.updateMany({ where: { id, version: input.version }, data: { body: input.body, isPublic: input.isPublic, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("This note changed after you opened it, so your edit was not saved.", { Note: note.body, "Shown to readers": note.isPublic ? "yes" : "no" }, note.version);
    const diff = changedFields({ body: note.body, isPublic: note.isPublic }, { body: input.body, isPublic: input.isPublic });
    if (diff) {
      await recordEvent(tx, { claimId: note.claimId, actorId: actor.id, kind: "annotation-edited", before: { annotationId: id, ...diff.before }, after: { annotationId: id, ...diff.after } });
    }
    return { claimId: note.claimId, readersSaw: Boolean(diff) && (note.isPublic || input.isPublic) };
  });
}

/** Hides the note; its words stay in the claim's history. */
export async function deleteAnnotation(actor: CurrentUser, id: string): Promise<{ claimId: string; readersSaw: boolean }> {
  return db.$transaction(async (tx) => {
    const note = await loadOwn(tx, actor, id);
    await tx.annotation.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordEvent(tx, { claimId: note.claimId, actorId: actor.id, kind: "annotation-deleted", before: { annotationId: id, body: note.body, isPublic: note.isPublic } });
    return { claimId: note.claimId, readersSaw: note.isPublic };
  });
}
