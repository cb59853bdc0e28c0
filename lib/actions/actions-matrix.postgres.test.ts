// The same tests as actions-matrix.test.ts, on a throwaway PostgreSQL: every server action, for every kind of caller (who may do what, checked before anything is written).
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./actions-matrix.test");
