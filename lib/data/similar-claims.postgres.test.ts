// The same tests as similar-claims.test.ts, on a throwaway PostgreSQL: ranking, related claims, duplicates.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./similar-claims.test");
