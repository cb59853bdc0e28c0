// Two people edit one claimant at once (ADR 010's amendment, as for claims, sources and stories):
// the second save is refused with what is saved now, the refused form takes the first person's
// change in every field its person left alone, and saving it again keeps both changes.
import { afterAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

vi.mock("next/headers", async () => (await import("@/lib/testing/server-actions")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/testing/server-actions")).nextCacheMock);
vi.mock("next/navigation", async () => (await import("@/lib/testing/server-actions")).nextNavigationMock);
vi.mock("@/lib/auth", async (importOriginal) => (await import("@/lib/testing/server-actions")).authMock(await importOriginal()));

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { createPerson } = await import("@/lib/testing/action-targets");
const { callAction, form } = await import("@/lib/testing/server-actions");
const { updateClaimantAction } = await import("./claimants");

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

describe("a claimant saved by someone else while the form was open", () => {
  it("keeps the other person's change when the refused form is saved again", async () => {
    const [rita, eddie] = [await createPerson("reviewer", "Rita"), await createPerson("editor", "Eddie")];
    const claimant = await db.claimant.create({ data: { name: "Harbour master", kind: "person", description: "Runs the port." }, select: { id: true } });
    const opened = { claimantId: claimant.id, version: "1", name: "Harbour master", kind: "person", description: "Runs the port.", url: "" };
    const base = { "base:name": opened.name, "base:kind": opened.kind, "base:description": opened.description, "base:url": opened.url };

    // Rita changes the description; Eddie, from the same page, only the name.
    expect((await callAction(updateClaimantAction, rita, form({ ...opened, ...base, description: "Runs the port since 2019." }))).redirectedTo).toBeDefined();
    const refused = await callAction(updateClaimantAction, eddie, form({ ...opened, ...base, name: "Harbour master Jo Berg" }));
    expect(refused.redirectedTo).toBeUndefined();
    expect(refused.state?.formError).toMatch(/^Someone else saved this claimant after you opened it/);
    // What is saved now, every field the form writes, in words a person reads.
    expect(refused.state?.conflict?.current).toEqual({ Name: "Harbour master", Kind: "Person", "Short description": "Runs the port since 2019.", "Web address": "" });
    expect(refused.state?.values).toMatchObject({ name: "Harbour master Jo Berg", description: "Runs the port since 2019.", version: "2" });

    await callAction(updateClaimantAction, eddie, form(refused.state!.values));
    expect(await db.claimant.findUniqueOrThrow({ where: { id: claimant.id }, select: { name: true, description: true, version: true } })).toEqual({
      name: "Harbour master Jo Berg",
      description: "Runs the port since 2019.",
      version: 3,
    });
  });
});
