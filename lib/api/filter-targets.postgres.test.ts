// The same tests as filter-targets.test.ts, on a throwaway PostgreSQL.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./filter-targets.test");
