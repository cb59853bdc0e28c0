// The verdict breakdown's test again, on a throwaway PostgreSQL.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./story-verdicts.test");
