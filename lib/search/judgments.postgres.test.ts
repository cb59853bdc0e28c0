// The judgment list again, on PostgreSQL: the same tiers, the same order, the same claims first.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./judgments.test");
