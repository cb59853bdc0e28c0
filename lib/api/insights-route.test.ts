import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/session";
import { createTestDatabase } from "@/lib/testing/test-database";

// The insights CSV downloads (app/api/insights/[measure]): who may have them, what they hold,
// and a 4xx with a sentence (never a 500) for what no figure answers.
const mocks = vi.hoisted(() => ({ signedIn: { user: null as CurrentUser | null } }));

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({
  unstable_cache:
    (fn: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]) =>
      fn(...args),
}));
vi.mock("@/lib/auth", async (importOriginal) =>
  (await import("@/lib/testing/signed-in-as")).authSignedInAs(await importOriginal(), () => mocks.signedIn.user),
);

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { NextRequest } = await import("next/server");
const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { GET } = await import("@/app/api/insights/[measure]/route");

const reviewer: CurrentUser = { id: "insights-reviewer", name: "Rhea Reviewer", email: "rhea@example.org", role: "reviewer" };
let storyId = "";

function get(measure: string, query = "") {
  return GET(new NextRequest(`http://localhost:3000/api/insights/${encodeURIComponent(measure)}${query ? `?${query}` : ""}`), { params: Promise.resolve({ measure }) });
}

beforeAll(async () => {
  await seedDatabase(db);
  await db.user.create({ data: { id: reviewer.id, name: reviewer.name, email: reviewer.email, role: reviewer.role } });
  await db.account.create({ data: { accountId: reviewer.id, providerId: "credential", userId: reviewer.id } });
  storyId = (await db.story.findFirstOrThrow({ select: { id: true } })).id;
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

beforeEach(() => {
  mocks.signedIn.user = null;
});

describe("insights CSV downloads", () => {
  it("refuse a signed-out visitor with 401 and the API's error shape", async () => {
    const response = await get("claims-by-story");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Please sign in to do this." } });
  });

  it("give a reviewer the table as CSV, with a filename naming the figures and the filters", async () => {
    mocks.signedIn.user = reviewer;
    const response = await get("claims-by-story", `story=${storyId}&weeks=4`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="insights-claims-by-story-story-${storyId}-4-weeks-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Story,Unverified,In review,Accurate,Mostly accurate,Misleading,False,Unsupported,Not checkable,All claims");
    const seeded = await db.claim.count({ where: { storyId } });
    expect(lines[1]!.split(",").at(-1)).toBe(String(seeded));
    expect(lines).toHaveLength(3); // one story, and the CRLF after the last record
  });

  it("list every colleague in the open-work CSV, the unassigned last", async () => {
    mocks.signedIn.user = reviewer;
    const text = await (await get("open-work")).text();
    const lines = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Colleague,Awaiting a verdict,\"Rated, awaiting publication\",Open in all");
    expect(lines).toContain("Rhea Reviewer,0,0,0");
    expect(lines.at(-1)).toMatch(/^Unassigned,\d+,\d+,\d+$/);
  });

  it("answer an unknown measure with 404 and a bad filter with 400, each with a sentence", async () => {
    mocks.signedIn.user = reviewer;
    const unknown = await get("../claims");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain("claims-by-story");
    for (const query of ["weeks=13", "weeks=0x4", "weeks=4.0", "weeks=%2B4", "weeks=4&weeks=12", "story=%27%20OR%201%3D1", `story=${"a".repeat(10_000)}`, "weeks=%00"]) {
      const bad = await get("open-work", query);
      expect(bad.status, query).toBe(400);
      expect((await bad.json()).error.message).toMatch(/^Parameter "(story|weeks)"/);
    }
  });
});
