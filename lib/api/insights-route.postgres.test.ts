// The insights CSV route's tests again, on a throwaway PostgreSQL.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./insights-route.test");
