import { db } from "@/lib/db";
import { STATUS_INFO, isPendingStatus, toClaimStatus, type ClaimStatus } from "@/lib/domain/status";
import { AppError, ConflictError, FieldRuleError } from "@/lib/errors";
import { changedFields, parseStoredJson, recordEvent } from "@/lib/history";
import { can } from "@/lib/permissions";
import { readersSawRating } from "@/lib/public-record";
import type { CurrentUser } from "@/lib/session";
import { hasVisibleCharacter } from "@/lib/text";
import { linkQuoteFromSource, requireLinkPermission } from "@/lib/operations/links";
import type { ClaimFormInput, SourceQuoteInput } from "@/lib/validation/claim";
import { formatPartialDate, isoPartialDate } from "@/lib/domain/partial-date";
import { claimFormValues, type ClaimRow } from "@/lib/domain/form-values";

/**
 * The claim's editable fields, in the shape the history records them: the claim form's fields
 * (lib/domain/form-values.ts), with no date as null rather than an empty field.
 */
function snapshot(claim: ClaimRow) {
  return {
    text: claim.text,
    summary: claim.summary,
    claimantId: claim.claimantId,
    storyId: claim.storyId,
    claimDate: isoPartialDate(claim.claimDate, claim.claimDatePrecision),
  };
}

const EDITABLE = { id: true, text: true, summary: true, claimantId: true, storyId: true, claimDate: true, claimDatePrecision: true, version: true, status: true, statusReason: true, publishedAt: true, assigneeId: true, duplicateOfId: true, updatedAt: true } as const;

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/**
 * A claimant another already has `name`, in any letter case: the form asks before a second is
 * added, since two claimants of one name split their claims and show twice, alike, in every
 * menu. (Case is compared as both engines' lower() folds it: letters A to Z on SQLite.)
 */
export async function claimantNamed(tx: Tx | typeof db, name: string, except: string | null = null): Promise<{ id: string; name: string } | null> {
  const [found] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "Claimant" WHERE lower("name") = lower(${name.trim()}) AND "id" <> ${except ?? ""}
    ORDER BY "createdAt", "id" LIMIT 1`;
  return found ?? null;
}

/** The form's answer to "a claimant of this name exists": add a second one all the same. */
export type SecondClaimantChoice = { sameClaimantName?: boolean };

async function resolveClaimant(tx: Tx, actor: CurrentUser, input: ClaimFormInput & SecondClaimantChoice): Promise<string> {
  if (input.claimantId !== "new") {
    const found = await tx.claimant.findUnique({ where: { id: input.claimantId }, select: { id: true } });
    if (!found) throw new AppError("bad_request", "That claimant no longer exists; choose another.");
    return found.id;
  }
  if (!can(actor.role, "claimant:create")) throw new AppError("forbidden", "Your role does not allow adding claimants.");
  const named = input.sameClaimantName ? null : await claimantNamed(tx, input.newClaimantName ?? "");
  if (named) {
    throw new FieldRuleError(
      "sameClaimantName",
      `A claimant named “${named.name}” is on the desk already: choose them in the Claimant menu, or tick this box to add a second claimant of this name (someone else who has it).`,
    );
  }
  const created = await tx.claimant.create({
    data: { name: input.newClaimantName ?? "", kind: input.newClaimantKind ?? "organization", url: input.newClaimantUrl },
    select: { id: true },
  });
  return created.id;
}

/** The claim form's input as the claim's columns. */
function columns(input: ClaimFormInput, claimantId: string) {
  return {
    text: input.text,
    summary: input.summary,
    claimantId,
    storyId: input.storyId,
    claimDate: input.claimDate?.date ?? null,
    claimDatePrecision: input.claimDate?.precision ?? "day",
  };
}

async function requireStory(tx: Tx, storyId: string): Promise<void> {
  if (!(await tx.story.findUnique({ where: { id: storyId }, select: { id: true } }))) {
    throw new AppError("bad_request", "That story no longer exists; choose another.");
  }
}

/**
 * Records a new claim as an unpublished draft, with its "created" event; recorded from the
 * finder (`fromSource`), also its link to the source with the exact quote, in the same
 * transaction, so a refused quote leaves no claim behind.
 */
export async function createClaim(actor: CurrentUser, input: ClaimFormInput & SecondClaimantChoice, fromSource?: SourceQuoteInput): Promise<{ id: string }> {
  if (fromSource) requireLinkPermission(actor);
  return db.$transaction(async (tx) => {
    await requireStory(tx, input.storyId);
    const claimantId = await resolveClaimant(tx, actor, input);
    const claim = await tx.claim.create({ data: columns(input, claimantId), select: EDITABLE });
    await recordEvent(tx, { claimId: claim.id, actorId: actor.id, kind: "created", after: snapshot(claim) });
    if (fromSource) await linkQuoteFromSource(tx, actor, claim.id, fromSource);
    return { id: claim.id };
  });
}

/**
 * The claim as saved now, for a form whose save was refused because someone else saved first:
 * everything any of the workspace's forms changes (its words, status, publication, assignee,
 * duplicate mark), so the person sees what they would act on before they try again. A publish
 * refused this way once showed only the words, and a second press published a verdict the
 * editor had never seen.
 */
async function conflictValues(tx: Tx, id: string): Promise<{ values: Record<string, string>; version: number; saved: Record<string, string> } | null> {
  const claim = await tx.claim.findUnique({
    where: { id },
    select: {
      text: true,
      summary: true,
      claimantId: true,
      storyId: true,
      claimDate: true,
      claimDatePrecision: true,
      status: true,
      statusReason: true,
      publishedAt: true,
      version: true,
      claimant: { select: { name: true } },
      story: { select: { title: true } },
      assignee: { select: { name: true } },
      duplicateOf: { select: { summary: true } },
    },
  });
  if (!claim) return null;
  return {
    version: claim.version,
    values: {
      Words: claim.text,
      Summary: claim.summary,
      Claimant: claim.claimant.name,
      Story: claim.story.title,
      Date: formatPartialDate(claim.claimDate, claim.claimDatePrecision) ?? "",
      Status: STATUS_INFO[toClaimStatus(claim.status)].label,
      "Reason for the status": claim.statusReason,
      "Shown to readers": claim.publishedAt ? "Yes: published" : "No: a draft",
      "Assigned to": claim.assignee?.name ?? "Nobody",
      "Duplicate of": claim.duplicateOf?.summary ?? "Nothing: it stands alone",
    },
    // As the claim's forms show them (app/desk/claims/[id]/edit/page.tsx, the status form).
    saved: {
      ...claimFormValues(claim),
      status: claim.status,
      reason: claim.statusReason,
    },
  };
}

async function loadForEdit(tx: Tx, id: string, version: number) {
  const claim = await tx.claim.findUnique({ where: { id }, select: EDITABLE });
  if (!claim) throw new AppError("not_found", "That claim no longer exists.");
  if (claim.version !== version) {
    const now = await conflictValues(tx, id);
    throw new ConflictError(
      "Someone else saved this claim after you opened it, so your change was not saved. Here is what is saved now; review it and make your change again.",
      now?.values ?? {},
      now?.version ?? claim.version,
      now?.saved,
    );
  }
  return claim;
}

/**
 * Bumps the version only if it is still the one the form started from: the compare-and-set
 * that makes a second, stale save fail instead of overwriting the first.
 */
async function bumpVersion(tx: Tx, id: string, version: number, data: Parameters<typeof tx.claim.updateMany>[0]["data"]) {
  const { count } = await tx.claim.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) {
    const now = await conflictValues(tx, id);
    throw new ConflictError("Someone else saved this claim a moment ago, so your change was not saved. Here is what is saved now; review it and make your change again.", now?.values ?? {}, now?.version ?? version, now?.saved);
  }
}

export async function updateClaim(actor: CurrentUser, id: string, input: ClaimFormInput & SecondClaimantChoice & { version: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    const claim = await loadForEdit(tx, id, input.version);
    await requireStory(tx, input.storyId);
    const claimantId = await resolveClaimant(tx, actor, input);
    const next = columns(input, claimantId);
    const diff = changedFields(snapshot(claim), snapshot(next));
    if (!diff) return;
    await bumpVersion(tx, id, input.version, next);
    // Ids for machines, names for the people reading the history.
    const before: Record<string, unknown> = { ...diff.before };
    const after: Record<string, unknown> = { ...diff.after };
    if (diff.after.claimantId) {
      const [was, now] = await Promise.all([claim.claimantId, claimantId].map((cid) => tx.claimant.findUnique({ where: { id: cid }, select: { name: true } })));
      before.claimant = was?.name ?? null;
      after.claimant = now?.name ?? null;
    }
    if (diff.after.storyId) {
      const [was, now] = await Promise.all([claim.storyId, input.storyId].map((sid) => tx.story.findUnique({ where: { id: sid }, select: { title: true } })));
      before.story = was?.title ?? null;
      after.story = now?.title ?? null;
    }
    await recordEvent(tx, { claimId: id, actorId: actor.id, kind: "edited", before, after });
  });
}

export async function changeStatus(
  actor: CurrentUser,
  id: string,
  input: { status: ClaimStatus; reason: string; correction?: string | null; version: number },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const claim = await loadForEdit(tx, id, input.version);
    // Readers saw the rating if the claim is published or ever was (unpublishing, changing the
    // status and republishing must not skip the correction): changing it is an editor's call,
    // and without saying so publicly it would rewrite the record. A reason-only change may
    // carry a correction, but need not.
    const seenByReaders = Boolean(claim.publishedAt) || (await firstPublication(tx, id)) !== null;
    if (seenByReaders && !can(actor.role, "status:decide-published")) {
      throw new AppError("forbidden", "Readers have seen this claim's rating: only an editor can change it.");
    }
    const previous = toClaimStatus(claim.status);
    // A note that shows nothing is no note.
    const typed = input.correction?.trim() ?? "";
    const note = hasVisibleCharacter(typed) ? typed : null;
    // A first rating for a claim readers have only seen pending is an update, shown as such;
    // changing a rating they have seen is a correction, with a note telling them why.
    const isUpdate = seenByReaders && previous !== input.status && isPendingStatus(previous) && !(await ratingSeen(tx, id, previous));
    if (isUpdate && note) {
      throw new FieldRuleError(
        "correction",
        `Readers have only seen this claim as ${STATUS_INFO[previous].label}, so this is an update, not a correction: leave the correction note empty. The reason you give is shown with the update.`,
      );
    }
    if (seenByReaders && !isUpdate && previous !== input.status && !note) {
      throw new FieldRuleError("correction", "Readers have seen this claim's rating: write a correction note telling them what changed and why.");
    }
    if (!seenByReaders && note) {
      throw new FieldRuleError("correction", "This claim has never been published, so readers have seen nothing to correct; leave the correction note empty.");
    }
    // One moment for the claim's change, its correction and its event: ClaimReview reads the
    // review's date from the event and its modification from the others, which must not come
    // before it.
    const at = new Date();
    await bumpVersion(tx, id, input.version, { status: input.status, statusReason: input.reason, updatedAt: at });
    if (note) {
      await tx.correction.create({ data: { claimId: id, previousStatus: previous, newStatus: input.status, note, authorId: actor.id, createdAt: at } });
    }
    await recordEvent(tx, {
      claimId: id,
      actorId: actor.id,
      createdAt: at,
      kind: note ? "corrected" : isUpdate ? "updated" : "status-changed",
      before: { status: previous, statusReason: claim.statusReason },
      after: { status: input.status, statusReason: input.reason, ...(note ? { correction: note } : {}) },
      reason: input.reason,
    });
  });
}

/** Whether readers have ever seen this claim with a rating (lib/public-record.ts). */
async function ratingSeen(tx: Tx, claimId: string, currentStatus: ClaimStatus): Promise<boolean> {
  const events = await tx.claimEvent.findMany({
    where: { claimId, kind: { in: ["created", "published", "unpublished", "status-changed", "corrected", "updated"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, after: true },
  });
  return readersSawRating(events, currentStatus);
}

/** When the claim was first published (the date its "published" event set), or null if it never was. */
async function firstPublication(tx: Tx, claimId: string): Promise<Date | null> {
  const event = await tx.claimEvent.findFirst({
    where: { claimId, kind: "published" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { createdAt: true, after: true },
  });
  if (!event) return null;
  const recorded = (parseStoredJson(event.after) as { publishedAt?: unknown } | null)?.publishedAt;
  const date = typeof recorded === "string" ? new Date(recorded) : null;
  return date && !Number.isNaN(date.getTime()) ? date : event.createdAt;
}

export async function setPublished(actor: CurrentUser, id: string, publish: boolean, version: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const claim = await loadForEdit(tx, id, version);
    if (Boolean(claim.publishedAt) === publish) return;
    if (publish && !claim.statusReason.trim()) {
      throw new AppError("bad_request", `Give the status (${STATUS_INFO[toClaimStatus(claim.status)].label}) a reason before publishing.`);
    }
    // A republished claim keeps its first publication date: ClaimReview's datePublished and the
    // feed's entry must not move, and what changed meanwhile is in its corrections.
    const publishedAt = publish ? ((await firstPublication(tx, id)) ?? new Date()) : null;
    await bumpVersion(tx, id, version, { publishedAt });
    await recordEvent(tx, {
      claimId: id,
      actorId: actor.id,
      kind: publish ? "published" : "unpublished",
      before: { publishedAt: claim.publishedAt?.toISOString() ?? null },
      after: { publishedAt: publishedAt?.toISOString() ?? null },
    });
  });
}

export async function assignClaim(actor: CurrentUser, id: string, assigneeId: string | null, version: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const claim = await loadForEdit(tx, id, version);
    if (claim.assigneeId === assigneeId) return;
    const names = new Map<string, string>();
    for (const userId of [claim.assigneeId, assigneeId]) {
      if (!userId) continue;
      const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, banned: true } });
      if (userId === assigneeId && (!user || user.banned)) throw new AppError("bad_request", "Choose an active colleague to assign.");
      if (user) names.set(userId, user.name);
    }
    // Who works on a claim is internal: keep updatedAt, which readers and ClaimReview's
    // dateModified read as "the claim last changed".
    await bumpVersion(tx, id, version, { assigneeId, updatedAt: claim.updatedAt });
    await recordEvent(tx, {
      claimId: id,
      actorId: actor.id,
      kind: "assigned",
      before: { assignee: claim.assigneeId ? (names.get(claim.assigneeId) ?? null) : null },
      after: { assignee: assigneeId ? (names.get(assigneeId) ?? null) : null },
    });
  });
}

/** What the history says of a claim a duplicate points at: its words and its id. */
const duplicateLabel = (claim: { id: string; summary: string }) => `${claim.summary} (${claim.id})`;

/**
 * A published claim marked as a duplicate (or no longer one) sends its readers to another page
 * (or stops), as unpublishing takes it away: an editor decides that; drafts are anyone's.
 */
function requireDuplicatePermission(actor: CurrentUser, claim: { publishedAt: Date | null }) {
  if (claim.publishedAt && !can(actor.role, "claim:unpublish")) {
    throw new AppError("forbidden", "This claim is published: its readers would be sent to the other claim, so an editor decides that.");
  }
}

/**
 * Marks claim `id` as a duplicate of `originalId` (docs/decisions/030-seen-before-duplicates-related.md).
 * A duplicate always points at a root original: marking a claim as a duplicate of a duplicate
 * points it at that one's original, and the claim's own duplicates follow it there, each with
 * an event in its history. A claim cannot be a duplicate of itself or of its own duplicate.
 */
export async function markDuplicate(actor: CurrentUser, id: string, input: { originalId: string; reason: string; version: number }): Promise<{ originalId: string; movedIds: string[] }> {
  return db.$transaction(async (tx) => {
    const claim = await loadForEdit(tx, id, input.version);
    requireDuplicatePermission(actor, claim);
    if (input.originalId === id) throw new FieldRuleError("originalId", "A claim cannot be a duplicate of itself.");
    const named = await tx.claim.findUnique({ where: { id: input.originalId }, select: { id: true, summary: true, duplicateOfId: true } });
    if (!named) throw new FieldRuleError("originalId", "That claim no longer exists; choose another.");
    const rootId = named.duplicateOfId ?? named.id;
    if (rootId === id) throw new FieldRuleError("originalId", "That claim is a duplicate of this one: this one cannot also be its duplicate.");
    const root = rootId === named.id ? named : await tx.claim.findUniqueOrThrow({ where: { id: rootId }, select: { id: true, summary: true, duplicateOfId: true } });
    if (claim.duplicateOfId === root.id) return { originalId: root.id, movedIds: [] };
    const previous = claim.duplicateOfId ? await tx.claim.findUnique({ where: { id: claim.duplicateOfId }, select: { id: true, summary: true } }) : null;
    await bumpVersion(tx, id, input.version, { duplicateOfId: root.id, updatedAt: claim.updatedAt });
    await recordEvent(tx, {
      claimId: id,
      actorId: actor.id,
      kind: "marked-duplicate",
      before: { duplicateOf: previous ? duplicateLabel(previous) : null },
      after: { duplicateOf: duplicateLabel(root) },
      reason: input.reason,
    });
    // Chains collapse: this claim's own duplicates now repeat its original.
    const followers = await tx.claim.findMany({ where: { duplicateOfId: id }, select: { id: true } });
    for (const follower of followers) {
      await tx.claim.update({ where: { id: follower.id }, data: { duplicateOfId: root.id, version: { increment: 1 } } });
      await recordEvent(tx, {
        claimId: follower.id,
        actorId: actor.id,
        kind: "marked-duplicate",
        before: { duplicateOf: duplicateLabel(claim) },
        after: { duplicateOf: duplicateLabel(root) },
        reason: `Followed ${claim.summary} (${id}), itself marked as a duplicate.`,
      });
    }
    return { originalId: root.id, movedIds: followers.map((f) => f.id) };
  });
}

/** "Not a duplicate": claim `id` stands on its own again. Returns the original it left, if any. */
export async function unmarkDuplicate(actor: CurrentUser, id: string, input: { reason: string; version: number }): Promise<{ formerOriginalId: string | null }> {
  return db.$transaction(async (tx) => {
    const claim = await loadForEdit(tx, id, input.version);
    if (!claim.duplicateOfId) return { formerOriginalId: null };
    requireDuplicatePermission(actor, claim);
    const original = await tx.claim.findUnique({ where: { id: claim.duplicateOfId }, select: { id: true, summary: true } });
    await bumpVersion(tx, id, input.version, { duplicateOfId: null, updatedAt: claim.updatedAt });
    await recordEvent(tx, {
      claimId: id,
      actorId: actor.id,
      kind: "unmarked-duplicate",
      before: { duplicateOf: original ? duplicateLabel(original) : claim.duplicateOfId },
      after: { duplicateOf: null },
      reason: input.reason,
    });
    return { formerOriginalId: claim.duplicateOfId };
  });
}
