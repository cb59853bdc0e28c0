// The same tests as captures.test.ts, on a throwaway PostgreSQL: a capture's history row, the new
// captured text and the quote re-check in one transaction; a pending capture joining its source.
// Then what only PostgreSQL has: row locks another transaction holds while a capture sweeps.
import { describe, expect, it } from "vitest";
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./captures.test");

const { default: pg } = await import("pg");
const { db } = await import("@/lib/db");
const { recordPendingCapture } = await import("./captures");
const { PENDING_CAPTURE_HOURS } = await import("@/lib/validation/source");

describe("a capture's sweep of captures no form saved, on PostgreSQL", () => {
  it("passes over one another transaction holds, deletes the rest, and does not wait for it", async () => {
    const user = await db.user.create({ data: { name: "Hal", email: "hal@example.org", role: "reviewer" } });
    const actor = { id: user.id, name: user.name, email: user.email, role: "reviewer" as const };
    const made = { requestedUrl: "https://port.example.org/a", finalUrl: "https://port.example.org/a", status: 200, sha256: "b".repeat(64), redirects: 0, ms: 5, bytes: 10, kind: "html" as const, text: "Ten words.", title: null, publisher: null, author: null, publishedAt: null };
    const stale = new Date(Date.now() - (PENDING_CAPTURE_HOURS + 1) * 60 * 60 * 1000);
    const [held, free] = await Promise.all([recordPendingCapture(actor, made), recordPendingCapture(actor, made)]);
    await db.sourceCapture.updateMany({ where: { id: { in: [held.id, free.id] } }, data: { fetchedAt: stale } });

    // Another connection holds one of them, as a form attaching its capture or a second sweep does.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    const release = () => other.query("ROLLBACK");
    // A sweep that waits on the lock (the fault this test is for) gets it after 10 s, deletes
    // the held capture too, and fails below, rather than hanging the run.
    let unheld: NodeJS.Timeout | undefined;
    try {
      await other.query("BEGIN");
      await other.query(`SELECT "id" FROM "SourceCapture" WHERE "id" = $1 FOR UPDATE`, [held.id]);
      unheld = setTimeout(() => void release(), 10_000);
      const fresh = await recordPendingCapture(actor, made);
      const left = await db.sourceCapture.findMany({ where: { id: { in: [held.id, free.id, fresh.id] } }, select: { id: true } });
      expect(left.map((row) => row.id).sort()).toEqual([held.id, fresh.id].sort());
    } finally {
      clearTimeout(unheld);
      await release();
      await other.end();
    }
    // The next sweep takes the one it passed over.
    await recordPendingCapture(actor, made);
    expect(await db.sourceCapture.count({ where: { id: held.id } })).toBe(0);
  }, 30_000);
});
