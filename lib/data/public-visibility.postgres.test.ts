// The same tests as public-visibility.test.ts, on a throwaway PostgreSQL: what readers may see of the desk's work.
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./public-visibility.test");
