// The same tests as desk-search.test.ts, on a throwaway PostgreSQL: the desk's search of captured text and notes.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./desk-search.test");
