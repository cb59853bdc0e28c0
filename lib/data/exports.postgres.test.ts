// The export tests again, on PostgreSQL: an export's page reads are raw SQL
// (lib/data/export-sql.ts), written once for both engines.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./exports.test");
