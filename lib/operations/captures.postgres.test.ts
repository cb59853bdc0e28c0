// The same tests as captures.test.ts, on a throwaway PostgreSQL: a capture's history row, the new
// captured text and the quote re-check in one transaction; a pending capture joining its source.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./captures.test");
