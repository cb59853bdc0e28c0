// The same tests as desk-copy-stamp.test.ts, on a throwaway PostgreSQL: what names a desk page's copy.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./desk-copy-stamp.test");
