import { db } from "@/lib/db";
import type { Role } from "@/lib/domain/role";
import { addAnnotation } from "@/lib/operations/annotations";
import { changeStatus, createClaim, markDuplicate, setPublished } from "@/lib/operations/claims";
import { linkSource } from "@/lib/operations/links";
import { createSource } from "@/lib/operations/sources";
import type { CurrentUser } from "@/lib/session";

// Records for in-process server action tests to act on, each new and written through the
// operations by a colleague who is not the one calling the action. lib/db opens DATABASE_URL
// when first imported: import this module only once the test has pointed it at its database.

let serial = 0;

/** A number no earlier call returned, for names and emails that must be unique. */
export function unique(): number {
  serial += 1;
  return serial;
}

/** A user row (no password), as a session would present it. */
export async function createPerson(role: Role, name: string): Promise<CurrentUser> {
  const user = await db.user.create({ data: { name, email: `person-${unique()}@example.org`, role } });
  return { id: user.id, name: user.name, email: user.email, role };
}

/** Where new claims go: a story, a claimant and a source to cite. */
export interface Newsroom {
  storyId: string;
  claimantId: string;
  sourceId: string;
}

/** The factories for the records actions are called on, written by `desk`. */
export function actionTargets(desk: CurrentUser, newsroom: Newsroom) {
  const { storyId, claimantId, sourceId } = newsroom;

  /** A new unpublished claim at version 1. */
  async function newDraft(): Promise<string> {
    const { id } = await createClaim(desk, {
      text: `Words said for test case ${unique()}.`,
      summary: "A claim for an action test",
      claimantId,
      newClaimantName: null,
      newClaimantKind: undefined,
      newClaimantUrl: null,
      claimDate: null,
      storyId,
    });
    return id;
  }

  /** A draft whose status has a reason, so it may be published; at version 2. */
  async function newReadyDraft(): Promise<string> {
    const id = await newDraft();
    await changeStatus(desk, id, { status: "accurate", reason: "The records match.", version: 1 });
    return id;
  }

  /** A published claim at version 3. */
  async function newPublished(): Promise<string> {
    const id = await newReadyDraft();
    await setPublished(desk, id, true, 2);
    return id;
  }

  /** A draft marked as a duplicate of another draft, at version 2. */
  async function newDuplicate(): Promise<string> {
    const [original, id] = [await newDraft(), await newDraft()];
    await markDuplicate(desk, id, { originalId: original, reason: "The same words.", version: 1 });
    return id;
  }

  /** A "context" link from a new draft to the newsroom's source, at version 1. */
  async function newLink(): Promise<string> {
    const claimId = await newDraft();
    await linkSource(desk, claimId, { sourceId, relation: "context", quote: "", quotePrefix: null, quoteSuffix: null, note: null });
    return (await db.claimSource.findFirstOrThrow({ where: { claimId }, select: { id: true } })).id;
  }

  /** A note by `author` on a new draft, at version 1. */
  async function newNote(author: CurrentUser): Promise<string> {
    const claimId = await newDraft();
    await addAnnotation(author, claimId, { body: "A note for an action test.", isPublic: false });
    return (await db.annotation.findFirstOrThrow({ where: { claimId }, select: { id: true } })).id;
  }

  /** A dataset with only a title, at version 1. */
  async function newSource(): Promise<string> {
    const { id } = await createSource(desk, {
      title: `A source to edit ${unique()}`,
      publisher: null,
      author: null,
      url: null,
      kind: "dataset",
      publishedAt: null,
      archivedUrl: null,
      description: null,
      capturedText: null,
    });
    return id;
  }

  /** A person who made claims, at version 1. */
  async function newClaimant(): Promise<{ id: string; name: string; version: number }> {
    return db.claimant.create({ data: { name: `Claimant ${unique()}`, kind: "person" }, select: { id: true, name: true, version: true } });
  }

  /** A story of its own, at version 1; archived when asked. */
  async function newStory(archived = false): Promise<{ id: string; slug: string; title: string }> {
    const n = unique();
    return db.story.create({ data: { slug: `story-to-edit-${n}`, title: `A story to edit ${n}`, archivedAt: archived ? new Date() : null }, select: { id: true, slug: true, title: true } });
  }

  return { newDraft, newReadyDraft, newPublished, newDuplicate, newLink, newNote, newSource, newClaimant, newStory };
}

/** Every row the desk cares about, in a stable order: a refused call must leave all of it. */
export async function snapshotDatabase() {
  const byId = { orderBy: { id: "asc" } } as const;
  return {
    stories: await db.story.findMany(byId),
    storyOldSlugs: await db.storyOldSlug.findMany({ orderBy: { slug: "asc" } }),
    claimants: await db.claimant.findMany(byId),
    claims: await db.claim.findMany(byId),
    sources: await db.source.findMany(byId),
    sourceCaptures: await db.sourceCapture.findMany(byId),
    links: await db.claimSource.findMany(byId),
    annotations: await db.annotation.findMany(byId),
    events: await db.claimEvent.findMany(byId),
    corrections: await db.correction.findMany(byId),
    users: await db.user.findMany(byId),
    accounts: await db.account.findMany(byId),
    sessions: await db.session.findMany(byId),
  };
}
