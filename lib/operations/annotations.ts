import { db } from "@/lib/db";
import { AppError, ConflictError } from "@/lib/errors";
import { recordEvent } from "@/lib/history";
import type { CurrentUser } from "@/lib/session";

export async function addAnnotation(actor: CurrentUser, claimId: string, body: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await tx.claim.findUnique({ where: { id: claimId }, select: { id: true } }))) throw new AppError("not_found", "That claim no longer exists.");
    const note = await tx.annotation.create({ data: { claimId, authorId: actor.id, body }, select: { id: true } });
    await recordEvent(tx, { claimId, actorId: actor.id, kind: "annotated", after: { annotationId: note.id, body } });
  });
}

async function loadOwn(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], actor: CurrentUser, id: string) {
  const note = await tx.annotation.findUnique({ where: { id }, select: { id: true, claimId: true, authorId: true, body: true, version: true, deletedAt: true } });
  if (!note || note.deletedAt) throw new AppError("not_found", "That note no longer exists.");
  // Only the author edits or deletes a note: it is their words.
  if (note.authorId !== actor.id) throw new AppError("forbidden", "You can only change your own notes.");
  return note;
}

export async function editAnnotation(actor: CurrentUser, id: string, input: { body: string; version: number }): Promise<{ claimId: string }> {
  return db.$transaction(async (tx) => {
    const note = await loadOwn(tx, actor, id);
    const { count } = await tx.annotation.updateMany({ where: { id, version: input.version }, data: { body: input.body, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("This note changed after you opened it, so your edit was not saved.", { Note: note.body }, note.version);
    if (note.body !== input.body) {
      await recordEvent(tx, { claimId: note.claimId, actorId: actor.id, kind: "annotation-edited", before: { annotationId: id, body: note.body }, after: { annotationId: id, body: input.body } });
    }
    return { claimId: note.claimId };
  });
}

/** Hides the note; its words stay in the claim's history. */
export async function deleteAnnotation(actor: CurrentUser, id: string): Promise<{ claimId: string }> {
  return db.$transaction(async (tx) => {
    const note = await loadOwn(tx, actor, id);
    await tx.annotation.update({ where: { id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await recordEvent(tx, { claimId: note.claimId, actorId: actor.id, kind: "annotation-deleted", before: { annotationId: id, body: note.body } });
    return { claimId: note.claimId };
  });
}
