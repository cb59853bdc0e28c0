// The same tests as stories.test.ts, on a throwaway PostgreSQL: story addresses, their redirects and archiving.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./stories.test");
