import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/domain/role";
import type { Action, Actor } from "@/lib/permissions";
import type { CurrentUser } from "@/lib/session";
import { actionsLeftOut, callAction, clearCacheCalls, form, nextCacheMock, type ServerAction } from "@/lib/testing/server-actions";
import { createTestDatabase } from "@/lib/testing/test-database";

// Every server action, called as each actor, against the one permission matrix. The real
// authorize() → getCurrentUser() chain runs; only Better Auth's session lookup and Next's
// request-bound functions are replaced, so a refusal here is the one a browser would get.
vi.mock("next/headers", async () => (await import("@/lib/testing/server-actions")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/testing/server-actions")).nextCacheMock);
vi.mock("next/navigation", async () => (await import("@/lib/testing/server-actions")).nextNavigationMock);
vi.mock("@/lib/auth", async (importOriginal) => (await import("@/lib/testing/server-actions")).authMock(await importOriginal()));

// lib/db opens DATABASE_URL when first imported: point it at a fresh, seeded file first.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { ACTORS, can } = await import("@/lib/permissions");
const { actionTargets, createPerson, snapshotDatabase, unique } = await import("@/lib/testing/action-targets");
const ACTION_MODULES = await (await import("@/lib/testing/server-actions")).importServerActions();
const { startCapturePages } = await import("@/lib/testing/capture-pages");
const { claims, sources, links, annotations, users, stories, claimants } = ACTION_MODULES;

/** Public by nature: signing in is how a visitor becomes "who is asking". */
const PUBLIC_ACTIONS = new Set<unknown>([ACTION_MODULES.auth.signIn]);

const SIGN_IN = "Please sign in to do this.";
const ROLE_TOO_LOW = "Your role does not allow this.";
const NO_NEW_CLAIMANT = "Your role does not allow adding claimants.";
const PUBLISHED_STATUS = "Readers have seen this claim's rating: only an editor can change it.";
const NO_LINK = "Your role does not allow linking sources.";
const NOT_YOUR_NOTE = "You can only change your own notes.";
const PUBLISHED_DUPLICATE = "This claim is published: its readers would be sent to the other claim, so an editor decides that.";
const ALLOWED = "allowed";

interface Row {
  name: string;
  action: ServerAction;
  /** The matrix cell the action asks authorize() for. */
  permission: Action;
  /** A valid form for a fresh target, as `user` (null: anonymous) would send it. */
  makeFormData: (user: CurrentUser | null) => Promise<FormData>;
  /** A second cell, checked by the operation for this target, and the sentence its refusal gives. */
  rule?: { permission: Action; refusal: string };
}

const people = {} as Record<Role, CurrentUser>;
/** Writes the targets the actions are called on; never one of the actors. */
let desk: CurrentUser;
let storyId: string;
let claimantId: string;
let sourceId: string;
let targets: ReturnType<typeof actionTargets>;
/** The pages capture fetches: a local server, let through the address guard for tests only. */
let capturePages: Awaited<ReturnType<typeof startCapturePages>>;

beforeAll(async () => {
  capturePages = await startCapturePages();
  process.env.FACTLINE_CAPTURE_TEST_ORIGIN = capturePages.origin;
  await seedDatabase(db);
  for (const role of ["reviewer", "editor", "admin"] as const) people[role] = await createPerson(role, `Matrix ${role}`);
  desk = await createPerson("editor", "Matrix desk");
  storyId = (await db.story.findFirstOrThrow({ select: { id: true } })).id;
  claimantId = (await db.claimant.findFirstOrThrow({ select: { id: true } })).id;
  sourceId = (await db.source.findFirstOrThrow({ select: { id: true } })).id;
  targets = actionTargets(desk, { storyId, claimantId, sourceId });
});

afterAll(async () => {
  await capturePages.close();
  await db.$disconnect();
  database.cleanup();
});

beforeEach(clearCacheCalls);

function claimFields(text: string) {
  return { text, summary: "A claim for the permission matrix", claimantId, newClaimantName: "", newClaimantKind: "", newClaimantUrl: "", claimDate: "", storyId };
}

function sourceFields(title: string) {
  return { title, publisher: "", author: "", url: "", kind: "news-report", publishedAt: "", archivedUrl: "", description: "", capturedText: "" };
}

function newClaimantFields() {
  return { claimantId: "new", newClaimantName: `Claimant ${unique()}`, newClaimantKind: "person" };
}

/** The hidden fields of a claim recorded from the finder: the seed article's first candidate. */
async function finderFields() {
  const { findCandidates } = await import("@/lib/finder");
  const article = await db.source.findUniqueOrThrow({ where: { id: "microsoft-ice-article" }, select: { id: true, capturedText: true } });
  const [candidate] = findCandidates(article.capturedText ?? "");
  return { quoteSourceId: article.id, quoteStart: String(candidate!.start), quoteEnd: String(candidate!.end), quote: candidate!.sentence };
}

const linkFields = { relation: "supports", quote: "Words the source says.", quotePrefix: "", quoteSuffix: "", note: "" };

const ROWS: Row[] = [
  {
    name: "claims.createClaimAction",
    action: claims.createClaimAction,
    permission: "claim:create",
    makeFormData: async () => form(claimFields(`A new claim ${unique()}.`)),
  },
  {
    name: "claims.createClaimAction with a new claimant",
    action: claims.createClaimAction,
    permission: "claim:create",
    makeFormData: async () => form({ ...claimFields(`A new claim ${unique()}.`), ...newClaimantFields() }),
    rule: { permission: "claimant:create", refusal: NO_NEW_CLAIMANT },
  },
  {
    name: "claims.createClaimAction from the claim finder",
    action: claims.createClaimAction,
    permission: "claim:create",
    makeFormData: async () => form({ ...claimFields(`A found claim ${unique()}.`), ...(await finderFields()) }),
    rule: { permission: "link:create", refusal: NO_LINK },
  },
  {
    name: "claims.updateClaimAction",
    action: claims.updateClaimAction,
    permission: "claim:edit",
    makeFormData: async () => form({ claimId: await targets.newDraft(), version: "1", ...claimFields(`Edited words ${unique()}.`) }),
  },
  {
    name: "claims.updateClaimAction with a new claimant",
    action: claims.updateClaimAction,
    permission: "claim:edit",
    makeFormData: async () => form({ claimId: await targets.newDraft(), version: "1", ...claimFields(`Edited words ${unique()}.`), ...newClaimantFields() }),
    rule: { permission: "claimant:create", refusal: NO_NEW_CLAIMANT },
  },
  {
    name: "claims.changeStatusAction on a draft",
    action: claims.changeStatusAction,
    permission: "status:propose",
    makeFormData: async () => form({ claimId: await targets.newDraft(), status: "misleading", reason: "Leaves out the context.", version: "1" }),
  },
  {
    name: "claims.changeStatusAction on a published claim",
    action: claims.changeStatusAction,
    permission: "status:propose",
    makeFormData: async () => form({ claimId: await targets.newPublished(), status: "false", reason: "New records contradict it.", correction: "We first rated this misleading.", version: "3" }),
    rule: { permission: "status:decide-published", refusal: PUBLISHED_STATUS },
  },
  {
    name: "claims.publishAction publish",
    action: claims.publishAction,
    permission: "claim:publish",
    makeFormData: async () => form({ claimId: await targets.newReadyDraft(), intent: "publish", version: "2" }),
  },
  {
    name: "claims.publishAction unpublish",
    action: claims.publishAction,
    permission: "claim:unpublish",
    makeFormData: async () => form({ claimId: await targets.newPublished(), intent: "unpublish", version: "3" }),
  },
  {
    name: "claims.assignAction",
    action: claims.assignAction,
    permission: "claim:assign",
    makeFormData: async () => form({ claimId: await targets.newDraft(), assigneeId: people.reviewer.id, version: "1" }),
  },
  {
    name: "claims.markDuplicateAction draft",
    action: claims.markDuplicateAction,
    permission: "claim:mark-duplicate",
    makeFormData: async () => form({ claimId: await targets.newDraft(), originalId: await targets.newDraft(), duplicateReason: "The same words.", version: "1" }),
  },
  {
    name: "claims.markDuplicateAction published",
    action: claims.markDuplicateAction,
    permission: "claim:mark-duplicate",
    makeFormData: async () => form({ claimId: await targets.newPublished(), originalId: await targets.newPublished(), duplicateReason: "The same words.", version: "3" }),
    rule: { permission: "claim:unpublish", refusal: PUBLISHED_DUPLICATE },
  },
  {
    name: "claims.unmarkDuplicateAction",
    action: claims.unmarkDuplicateAction,
    permission: "claim:mark-duplicate",
    makeFormData: async () => form({ claimId: await targets.newDuplicate(), duplicateReason: "Different years.", version: "2" }),
  },
  {
    name: "sources.createSourceAction",
    action: sources.createSourceAction,
    permission: "source:create",
    makeFormData: async () => form(sourceFields(`A new source ${unique()}`)),
  },
  {
    name: "sources.createSourceAction capturing a page",
    action: sources.createSourceAction,
    permission: "source:create",
    makeFormData: async () => form({ ...sourceFields(""), url: `${capturePages.origin}/article`, intent: "capture" }),
  },
  {
    name: "sources.recaptureSourceAction",
    action: sources.recaptureSourceAction,
    permission: "source:edit",
    makeFormData: async () => {
      const sourceId = await targets.newSource();
      const { version } = await db.source.update({ where: { id: sourceId }, data: { url: `${capturePages.origin}/article` }, select: { version: true } });
      return form({ sourceId, version: String(version) });
    },
  },
  {
    name: "sources.updateSourceAction",
    action: sources.updateSourceAction,
    permission: "source:edit",
    makeFormData: async () => form({ sourceId: await targets.newSource(), version: "1", ...sourceFields(`An edited source ${unique()}`) }),
  },
  {
    name: "links.linkSourceAction",
    action: links.linkSourceAction,
    permission: "link:create",
    makeFormData: async () => form({ claimId: await targets.newDraft(), sourceId, ...linkFields }),
  },
  {
    name: "links.updateLinkAction",
    action: links.updateLinkAction,
    permission: "link:edit",
    makeFormData: async () => form({ linkId: await targets.newLink(), version: "1", ...linkFields }),
  },
  {
    name: "links.unlinkSourceAction",
    action: links.unlinkSourceAction,
    permission: "link:delete",
    makeFormData: async () => form({ linkId: await targets.newLink(), version: "1" }),
  },
  {
    name: "annotations.addAnnotationAction",
    action: annotations.addAnnotationAction,
    permission: "annotation:create",
    makeFormData: async () => form({ claimId: await targets.newDraft(), body: "What the records say." }),
  },
  {
    name: "annotations.editAnnotationAction on one's own note",
    action: annotations.editAnnotationAction,
    permission: "annotation:edit-own",
    makeFormData: async (user) => form({ annotationId: await targets.newNote(user ?? desk), body: "An edited note.", version: "1" }),
  },
  {
    name: "annotations.deleteAnnotationAction on one's own note",
    action: annotations.deleteAnnotationAction,
    permission: "annotation:delete-own",
    makeFormData: async (user) => form({ annotationId: await targets.newNote(user ?? desk) }),
  },
  {
    name: "users.createUserAction",
    action: users.createUserAction,
    permission: "user:manage",
    makeFormData: async () => form({ email: `new-person-${unique()}@example.org`, name: "New Person", role: "reviewer", password: "quiet harbour lantern ferns" }),
  },
  {
    name: "users.disableUserAction",
    action: users.disableUserAction,
    permission: "user:manage",
    makeFormData: async () => form({ email: (await createPerson("reviewer", "Leaving Person")).email }),
  },
  {
    name: "users.enableUserAction",
    action: users.enableUserAction,
    permission: "user:manage",
    makeFormData: async () => {
      const person = await createPerson("reviewer", "Returning Person");
      await db.user.update({ where: { id: person.id }, data: { banned: true } });
      return form({ email: person.email });
    },
  },
  {
    name: "stories.createStoryAction",
    action: stories.createStoryAction,
    permission: "story:manage",
    makeFormData: async () => {
      const n = unique();
      return form({ title: `Matrix story ${n}`, summary: "", slug: `matrix-story-${n}` });
    },
  },
  {
    name: "stories.updateStoryAction, moving it to a new address",
    action: stories.updateStoryAction,
    permission: "story:manage",
    makeFormData: async () => {
      const story = await targets.newStory();
      return form({ storyId: story.id, version: "1", title: `${story.title} (renamed)`, summary: "", slug: `${story.slug}-moved` });
    },
  },
  {
    name: "stories.archiveStoryAction archive",
    action: stories.archiveStoryAction,
    permission: "story:manage",
    makeFormData: async () => form({ storyId: (await targets.newStory()).id, intent: "archive" }),
  },
  {
    name: "stories.archiveStoryAction unarchive",
    action: stories.archiveStoryAction,
    permission: "story:manage",
    makeFormData: async () => form({ storyId: (await targets.newStory(true)).id, intent: "unarchive" }),
  },
  {
    name: "claimants.updateClaimantAction",
    action: claimants.updateClaimantAction,
    permission: "claimant:edit",
    makeFormData: async () => {
      const claimant = await targets.newClaimant();
      return form({ claimantId: claimant.id, name: `${claimant.name} (renamed)`, kind: "organization", description: "", url: "", version: String(claimant.version) });
    },
  },
];

function userFor(actor: Actor): CurrentUser | null {
  return actor === "anonymous" ? null : people[actor];
}

/** "allowed" when the action redirected or reported success; otherwise what the form is told. */
async function submit(action: ServerAction, user: CurrentUser | null, formData: FormData): Promise<string> {
  const { state } = await callAction(action, user, formData);
  if (!state || state.ok) return ALLOWED;
  const fields = Object.keys(state.fieldErrors).length > 0 ? ` ${JSON.stringify(state.fieldErrors)}` : "";
  return `${state.formError ?? "(no message)"}${fields}`;
}

function expectedOutcome(row: Row, actor: Actor): string {
  if (!can(actor, row.permission)) return actor === "anonymous" ? SIGN_IN : ROLE_TOO_LOW;
  if (row.rule && !can(actor, row.rule.permission)) return row.rule.refusal;
  return ALLOWED;
}

describe("every server action, as every actor", () => {
  it("has a row for every exported action", () => {
    expect(actionsLeftOut(ACTION_MODULES, ROWS.map((row) => row.action), PUBLIC_ACTIONS)).toEqual([]);
  });

  for (const row of ROWS) {
    describe(row.name, () => {
      for (const actor of ACTORS) {
        const expected = expectedOutcome(row, actor);
        const verdict = expected === ALLOWED ? "allowed" : `refused: ${expected}`;
        it(`${actor}: ${verdict}`, async () => {
          const user = userFor(actor);
          const formData = await row.makeFormData(user);
          const before = await snapshotDatabase();
          const outcome = await submit(row.action, user, formData);
          expect(outcome).toBe(expected);
          const after = await snapshotDatabase();
          if (expected === ALLOWED) {
            expect(after, "an allowed call writes what it was asked to").not.toEqual(before);
          } else {
            expect(after, "a refused call changes nothing").toEqual(before);
            expect(nextCacheMock.revalidatePath).not.toHaveBeenCalled();
            expect(nextCacheMock.updateTag, "a refused call expires no cached page").not.toHaveBeenCalled();
          }
        });
      }
    });
  }
});

describe("a note belongs to its author", () => {
  const noteActions: { name: string; action: ServerAction; fields: Record<string, string> }[] = [
    { name: "edit", action: annotations.editAnnotationAction, fields: { body: "Someone else's words, changed.", version: "1" } },
    { name: "delete", action: annotations.deleteAnnotationAction, fields: {} },
  ];
  for (const { name, action, fields } of noteActions) {
    for (const role of ["reviewer", "editor", "admin"] as const) {
      // A reviewer tries an editor's note; the others try a reviewer's.
      const authorRole = role === "reviewer" ? "editor" : "reviewer";
      it(`the ${role} may not ${name} the ${authorRole}'s note, and nothing changes`, async () => {
        const noteId = await targets.newNote(people[authorRole]);
        const before = await snapshotDatabase();
        expect(await submit(action, people[role], form({ annotationId: noteId, ...fields }))).toBe(NOT_YOUR_NOTE);
        expect(await snapshotDatabase()).toEqual(before);
        expect(nextCacheMock.revalidatePath).not.toHaveBeenCalled();
        expect(nextCacheMock.updateTag).not.toHaveBeenCalled();
      });
    }
  }
});
