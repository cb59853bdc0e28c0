// The same tests as claims.test.ts, on a throwaway PostgreSQL: the reader's reads (lists, filters, keyset pages, search, a claim with its public record).
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./claims.test");
