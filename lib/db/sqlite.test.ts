// The SQLite connection's mark (lib/db/sqlite.ts, docs/decisions/042-similar-claims-kept-reads.md):
// which transaction boundaries it counts, on a transaction of plain functions. The adapter and a
// real database are in lib/data/similar-claims.test.ts (a claim rolled back is never suggested).
import { describe, expect, it } from "vitest";
import { markTransactionEnds, type ConnectionMark } from "./sqlite";

function transaction() {
  const sent: string[] = [];
  const raw = (query: { sql: string }) => {
    sent.push(query.sql);
    return Promise.resolve(0 as never);
  };
  return { sent, tx: { executeRaw: raw, queryRaw: raw, commit: () => Promise.resolve(), rollback: () => Promise.resolve() } };
}
const query = (sql: string) => ({ sql, args: [], argTypes: [] }) as never;

describe("markTransactionEnds", () => {
  it("counts an end once, whether Prisma sends COMMIT or ROLLBACK, calls commit() or rollback(), or both", async () => {
    for (const [statement, call] of [["COMMIT", "commit"], ["ROLLBACK", "rollback"], [null, "commit"], [null, "rollback"], ["END", null]] as const) {
      const mark: ConnectionMark = { connection: "c", transitions: 1 };
      const { tx } = transaction();
      const marked = markTransactionEnds(tx, mark);
      await marked.executeRaw(query("INSERT INTO x VALUES (1)"));
      expect(mark.transitions).toBe(1);
      if (statement) await marked.executeRaw(query(statement));
      if (call) await marked[call]();
      expect(mark.transitions, `${statement} then ${call}`).toBe(2);
    }
  });

  it("counts every rollback to a savepoint, and still the end after it", async () => {
    const mark: ConnectionMark = { connection: "c", transitions: 1 };
    const { tx, sent } = transaction();
    const marked = markTransactionEnds(tx, mark);
    await marked.executeRaw(query("SAVEPOINT prisma_sp_1"));
    await marked.executeRaw(query("ROLLBACK TO prisma_sp_1"));
    await marked.queryRaw(query("rollback to savepoint prisma_sp_2"));
    await marked.executeRaw(query("RELEASE SAVEPOINT prisma_sp_1"));
    expect(mark.transitions).toBe(3);
    await marked.executeRaw(query("COMMIT"));
    await marked.commit();
    expect(mark.transitions).toBe(4);
    expect(sent).toEqual(["SAVEPOINT prisma_sp_1", "ROLLBACK TO prisma_sp_1", "rollback to savepoint prisma_sp_2", "RELEASE SAVEPOINT prisma_sp_1", "COMMIT"]);
  });
});
