import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { Visitor, formAction, formFields } from "../scripts/load/no-js-form";
import { TEST_ACCOUNTS } from "./fixtures/accounts";
import { ownServer } from "./fixtures/own-server";

// The permission matrix over raw HTTP (issue 6): every desk form, taken as the server renders it
// for an admin (its server action's reference included), is POSTed without a browser by everyone
// who may not use it: no session, a forged cookie, an expired session, a signed-out session, the
// session of an account disabled since, and each role below the one the action needs. Each POST
// goes to the form's own page and to the home page. Every one must be refused with a 4xx or the
// form's refusal, never a 5xx, and leave every row of the database as it was. The same form from
// someone allowed then goes through, so the refusals were about who asked, not a broken form.
// This spec has a server and database of its own (fixtures/own-server.ts): no other test writes
// there, so "nothing changed" can mean the whole database.

const server = ownServer(3103);
const SESSION_COOKIE = "__Host-factline.session_token";
const REFUSALS = [
  "Please sign in to do this.",
  "Your role does not allow this.",
  "You can only change your own notes.",
  "Readers have seen this claim's rating: only an editor can change it.",
];

// One server for the file: its tests run in order in one worker.
test.describe.configure({ mode: "default" });

let addresses = 0;
/** Each visitor its own address, so no test nears a per-address rate limit. */
function newAddress(): string {
  addresses += 1;
  return `10.31.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

function openDatabase(readonly = true): Database.Database {
  const db = new Database(server.database, { readonly, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

function query<T>(sql: string, ...params: unknown[]): T {
  const db = openDatabase();
  try {
    return db.prepare(sql).pluck().get(...params) as T;
  } finally {
    db.close();
  }
}

/** Every row of every table but the sessions (signing in and out writes those), in a stable order. */
function snapshot(): string {
  const db = openDatabase();
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('Session', 'Verification', '_prisma_migrations') ORDER BY name`)
      .pluck()
      .all() as string[];
    return JSON.stringify(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}"`).raw().all().map((row) => JSON.stringify(row)).sort()]));
  } finally {
    db.close();
  }
}

async function signedIn(email: string, password: string): Promise<Visitor> {
  const visitor = new Visitor(server.origin, newAddress());
  const page = await visitor.get("/sign-in");
  const fields = formFields(page.html, 'name="password"');
  fields.set("email", email);
  fields.set("password", password);
  const result = await visitor.post("/sign-in", fields);
  expect(result.status, `signing in as ${email}`).toBe(303);
  return visitor;
}

const signedInAs = (who: "reviewer" | "editor" | "admin") => signedIn(TEST_ACCOUNTS[who].email, TEST_ACCOUNTS[who].password);

function sessionToken(visitor: Visitor): string {
  const cookie = visitor.jar.get(SESSION_COOKIE);
  if (!cookie) throw new Error("Not signed in");
  return decodeURIComponent(cookie).split(".")[0]!;
}

/** Reads `pathname` as `visitor`, fills the form containing `marker` and sends it. */
async function submit(visitor: Visitor, pathname: string, marker: string, fill: Record<string, string>) {
  const page = await visitor.get(pathname);
  expect(page.status, `GET ${pathname}`).toBe(200);
  const fields = formFields(page.html, marker);
  for (const [name, value] of Object.entries(fill)) fields.set(name, value);
  return visitor.post(pathname, fields);
}

// What the rows are made from, read from the seeded database.
const ids = { claimant: "", story: "", source: "", reviewer: "" };
let serial = 0;
const unique = (label: string) => `${label} ${++serial} ${Date.now().toString(36)}`;

async function newDraft(admin: Visitor): Promise<string> {
  const result = await submit(admin, "/desk/claims/new", "Record claim", {
    text: unique("Words said for the access test"),
    summary: unique("Access test claim"),
    claimantId: ids.claimant,
    storyId: ids.story,
  });
  expect(result.status, "a new draft").toBe(303);
  return /\/desk\/claims\/([^/?#]+)/.exec(result.location ?? "")![1]!;
}

/** A draft with a status and reason, so it may be published. */
async function newReadyDraft(admin: Visitor): Promise<string> {
  const id = await newDraft(admin);
  expect((await submit(admin, `/desk/claims/${id}`, "Save status", { status: "accurate", reason: "The records match." })).status).toBe(303);
  return id;
}

async function newPublished(admin: Visitor): Promise<string> {
  const id = await newReadyDraft(admin);
  expect((await submit(admin, `/desk/claims/${id}`, 'aria-labelledby="publish-heading"', { intent: "publish" })).status).toBe(303);
  return id;
}

async function newLink(admin: Visitor): Promise<{ claimId: string; linkId: string }> {
  const claimId = await newDraft(admin);
  expect((await submit(admin, `/desk/claims/${claimId}`, 'id="link-source"', { sourceId: ids.source, relation: "context" })).status).toBeLessThan(400);
  return { claimId, linkId: query<string>(`SELECT id FROM "ClaimSource" WHERE "claimId" = ?`, claimId) };
}

/** A note by the admin, on a draft of its own. */
async function newNote(admin: Visitor): Promise<{ claimId: string; noteId: string }> {
  const claimId = await newDraft(admin);
  expect((await submit(admin, `/desk/claims/${claimId}`, 'aria-labelledby="note-form-heading"', { body: "A note the admin wrote." })).status).toBeLessThan(400);
  return { claimId, noteId: query<string>(`SELECT id FROM "Annotation" WHERE "claimId" = ?`, claimId) };
}

async function newAccount(admin: Visitor, role: string, password: string): Promise<{ name: string; email: string }> {
  const account = { name: unique("Access Person"), email: `${unique("access").replace(/\W+/g, "-")}@example.org` };
  const result = await submit(admin, "/desk/admin/users", "Create account", { ...account, role, password });
  expect(result.html, "the account was created").toContain(`Created ${account.name}`);
  return account;
}

interface Form {
  /** The desk page the form is on, and where its POST goes. */
  page: string;
  /** Text inside the form's markup that tells it apart from the page's other forms. */
  marker: string;
  /** What a person would type or choose. */
  fill?: Record<string, string>;
}

interface Row {
  name: string;
  /** The least role allowed; "author" for a note only its author may change (here the admin). */
  least: "reviewer" | "editor" | "admin" | "author";
  /** As the admin: makes the record the form acts on, and says where the form is. */
  prepare: (admin: Visitor) => Promise<Form>;
}

const ROWS: Row[] = [
  {
    name: "record a claim",
    least: "reviewer",
    prepare: async () => ({ page: "/desk/claims/new", marker: "Record claim", fill: { text: unique("Words"), summary: unique("A claim"), claimantId: ids.claimant, storyId: ids.story } }),
  },
  { name: "edit a claim", least: "reviewer", prepare: async (admin) => ({ page: `/desk/claims/${await newDraft(admin)}/edit`, marker: "Save changes", fill: { summary: unique("Edited") } }) },
  {
    name: "set a draft's status",
    least: "reviewer",
    prepare: async (admin) => ({ page: `/desk/claims/${await newDraft(admin)}`, marker: "Save status", fill: { status: "misleading", reason: "Leaves out the context." } }),
  },
  {
    name: "change a published claim's status",
    least: "editor",
    prepare: async (admin) => ({
      page: `/desk/claims/${await newPublished(admin)}`,
      marker: "Save status",
      fill: { status: "false", reason: "New records contradict it.", correction: "We first rated this accurate." },
    }),
  },
  { name: "publish", least: "editor", prepare: async (admin) => ({ page: `/desk/claims/${await newReadyDraft(admin)}`, marker: 'aria-labelledby="publish-heading"', fill: { intent: "publish" } }) },
  { name: "unpublish", least: "editor", prepare: async (admin) => ({ page: `/desk/claims/${await newPublished(admin)}`, marker: 'aria-labelledby="publish-heading"', fill: { intent: "unpublish" } }) },
  { name: "assign a reviewer", least: "editor", prepare: async (admin) => ({ page: `/desk/claims/${await newDraft(admin)}`, marker: "Save assignment", fill: { assigneeId: ids.reviewer } }) },
  { name: "link a source", least: "reviewer", prepare: async (admin) => ({ page: `/desk/claims/${await newDraft(admin)}`, marker: 'id="link-source"', fill: { sourceId: ids.source, relation: "context" } }) },
  { name: "edit a link", least: "reviewer", prepare: async (admin) => ({ page: `/desk/links/${(await newLink(admin)).linkId}/edit`, marker: "Save link", fill: { note: "Context for the figure." } }) },
  { name: "unlink a source", least: "reviewer", prepare: async (admin) => ({ page: `/desk/claims/${(await newLink(admin)).claimId}`, marker: "Unlink " }) },
  { name: "add a note", least: "reviewer", prepare: async (admin) => ({ page: `/desk/claims/${await newDraft(admin)}`, marker: 'aria-labelledby="note-form-heading"', fill: { body: "What the records say." } }) },
  { name: "edit one's note", least: "author", prepare: async (admin) => ({ page: `/desk/annotations/${(await newNote(admin)).noteId}/edit`, marker: "Save note", fill: { body: "Changed words." } }) },
  { name: "delete one's note", least: "author", prepare: async (admin) => ({ page: `/desk/claims/${(await newNote(admin)).claimId}`, marker: "Delete note" }) },
  { name: "add a source", least: "reviewer", prepare: async () => ({ page: "/desk/sources/new", marker: "Add source", fill: { title: unique("A new source"), kind: "news-report" } }) },
  { name: "edit a source", least: "reviewer", prepare: async () => ({ page: `/desk/sources/${ids.source}/edit`, marker: "Save source", fill: { title: unique("An edited source") } }) },
  { name: "edit a claimant", least: "reviewer", prepare: async () => ({ page: `/desk/claimants/${ids.claimant}/edit`, marker: "Save claimant", fill: { description: unique("An edited description") } }) },
  {
    name: "create a story",
    least: "editor",
    prepare: async () => {
      const title = unique("Access story");
      return { page: "/desk/stories", marker: "Create story", fill: { title, slug: title.toLowerCase().replace(/\W+/g, "-") } };
    },
  },
  {
    name: "create an account",
    least: "admin",
    prepare: async () => ({
      page: "/desk/admin/users",
      marker: "Create account",
      fill: { name: "Someone New", email: `${unique("new").replace(/\W+/g, "-")}@example.org`, role: "admin", password: "quiet harbour lantern ferns" },
    }),
  },
  {
    name: "disable an account",
    least: "admin",
    // The button's name is split by React's text markers; the form's hidden email is not.
    prepare: async (admin) => ({ page: "/desk/admin/users", marker: `value="${(await newAccount(admin, "reviewer", "quiet harbour lantern ferns")).email}"` }),
  },
];

const ROLES = ["reviewer", "editor", "admin"] as const;
const withArticle = (role: string) => `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
const rolesBelow = (least: Row["least"]) => (least === "author" ? ["reviewer", "editor"] : ROLES.slice(0, ROLES.indexOf(least)));

let roleSessions: Record<"reviewer" | "editor", Visitor>;
/** Signed in before its account was disabled by a change to the database, its session row kept. */
let disabledSession: Visitor;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await server.start();
  ids.claimant = query<string>(`SELECT id FROM "Claimant" ORDER BY name LIMIT 1`);
  ids.story = query<string>(`SELECT id FROM "Story" ORDER BY title LIMIT 1`);
  ids.source = query<string>(`SELECT id FROM "Source" ORDER BY title LIMIT 1`);
  ids.reviewer = query<string>(`SELECT id FROM "User" WHERE email = ?`, TEST_ACCOUNTS.reviewer.email);
  roleSessions = { reviewer: await signedInAs("reviewer"), editor: await signedInAs("editor") };
  const held = await newAccount(await signedInAs("admin"), "admin", "held harbour lantern ferns");
  disabledSession = await signedIn(held.email, "held harbour lantern ferns");
  const db = openDatabase(false);
  try {
    db.prepare(`UPDATE "User" SET banned = 1 WHERE email = ?`).run(held.email);
  } finally {
    db.close();
  }
});

test.afterAll(() => server.stop());

/** Everyone who may not use the form: stale or missing sessions of an admin, then lower roles. */
async function outsiders(least: Row["least"]): Promise<{ who: string; visitor: Visitor }[]> {
  const expired = await signedInAs("admin");
  const db = openDatabase(false);
  try {
    const changed = db.prepare(`UPDATE "Session" SET "expiresAt" = ? WHERE token = ?`).run(new Date(Date.now() - 60_000).toISOString(), sessionToken(expired)).changes;
    expect(changed, "the session to expire").toBe(1);
  } finally {
    db.close();
  }
  const signedOut = await signedInAs("admin");
  const replay = signedOut.replaying(newAddress());
  const desk = await signedOut.get("/desk");
  expect((await signedOut.post(formAction(desk.html, "Sign out", "/desk"), formFields(desk.html, "Sign out"))).status, "signing out").toBe(303);
  expect(query<number>(`SELECT count(*) FROM "Session" WHERE token = ?`, sessionToken(replay)), "the signed-out session is gone").toBe(0);
  const forged = expired.replaying(newAddress(), { [SESSION_COOKIE]: encodeURIComponent(`${"x".repeat(32)}.${decodeURIComponent(expired.jar.get(SESSION_COOKIE)!).split(".")[1]}`) });

  return [
    { who: "a visitor with no session", visitor: new Visitor(server.origin, newAddress()) },
    { who: "a forged session cookie", visitor: forged },
    { who: "an admin's expired session", visitor: expired },
    { who: "an admin's signed-out session", visitor: replay },
    { who: "the session of an admin disabled since", visitor: disabledSession },
    ...rolesBelow(least).map((role) => ({ who: withArticle(role), visitor: roleSessions[role as "reviewer" | "editor"] })),
  ];
}

function describeAnswer(result: { status: number; location: string | null; html: string }): string {
  const message = REFUSALS.find((refusal) => result.html.includes(refusal));
  return `HTTP ${result.status}${result.location ? ` → ${result.location}` : ""}${message ? ` "${message}"` : ""}`;
}

/**
 * A refusal for who is asking, not for anything else about the request (a 400, a 413 or a 429
 * would prove nothing): on the form's page, a redirect to sign in, the 403 or 404 of a page the
 * person may not open, or the page again with the form's refusal on it. On any other page, Next.js
 * does not run the action at all: it is not one of that page's (409).
 */
function isRefusal(target: string, form: Form, result: { status: number; location: string | null; html: string }): boolean {
  if (target !== form.page) return result.status === 409 && result.html === "Server Action unavailable.";
  if (result.status >= 300 && result.status < 400) return (result.location ?? "").startsWith("/sign-in");
  if (result.status === 403 || result.status === 404) return true;
  return result.status === 200 && REFUSALS.some((refusal) => result.html.includes(refusal));
}

for (const row of ROWS) {
  test(`${row.name}: refused over raw HTTP to everyone below ${row.least === "author" ? "the note's author" : withArticle(row.least)}, and nothing changes`, async () => {
    const admin = await signedInAs("admin");
    const form = await row.prepare(admin);
    const page = await admin.get(form.page);
    expect(page.status, `the admin's ${form.page}`).toBe(200);
    const fields = formFields(page.html, form.marker);
    for (const [name, value] of Object.entries(form.fill ?? {})) fields.set(name, value);

    for (const { who, visitor } of await outsiders(row.least)) {
      for (const target of [form.page, "/"]) {
        const before = snapshot();
        const result = await visitor.post(target, fields);
        const answer = describeAnswer(result);
        expect(result.status, `${who}, POST ${target}: ${answer}`).toBeLessThan(500);
        expect(isRefusal(target, form, result), `${who}, POST ${target} is refused for who asked: ${answer}`).toBe(true);
        expect(snapshot() === before, `${who}, POST ${target} (${answer}) left the database as it was`).toBe(true);
      }
    }

    const before = snapshot();
    const allowed = await admin.post(form.page, fields);
    expect(allowed.status, `the admin's own POST: ${describeAnswer(allowed)}`).toBeLessThan(400);
    expect(snapshot() !== before, "the admin's own POST of the same form changed the database").toBe(true);
  });
}
