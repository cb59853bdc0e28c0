// The same tests as routes-fuzz.test.ts, on a throwaway PostgreSQL: every route handler fed hostile input (a 4xx with a JSON error, never a 500).
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./routes-fuzz.test");
