// The same tests as desk.test.ts, on a throwaway PostgreSQL: the desk's lists (its keyset pages and the sources' search, case-insensitive).
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./desk.test");
