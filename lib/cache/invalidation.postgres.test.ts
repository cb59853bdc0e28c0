// The same tests as invalidation.test.ts, on a throwaway PostgreSQL: which writes expire which reader pages.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./invalidation.test");
