// The insights tests again, on a throwaway PostgreSQL: week buckets, seconds between dates and
// the history's JSON are spelled per engine (lib/db), and every figure must come out the same.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./insights.test");
