// The same tests as claim-from-source.test.ts, on a throwaway PostgreSQL: the claim and its link
// from the finder in one transaction, and nothing saved when the quote is not at its offsets.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./claim-from-source.test");
