// The same tests as session-direct.test.ts, on a throwaway PostgreSQL: Better Auth's sessions there.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./session-direct.test");
