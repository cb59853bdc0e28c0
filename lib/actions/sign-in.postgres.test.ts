// The same tests as sign-in.test.ts, on a throwaway PostgreSQL: Better Auth's accounts and sessions there.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./sign-in.test");
