import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseUrl } from "./lib/database-url";

// Prisma 7's CLI would download a native schema engine on first use; this machine (and CI)
// has no such network. Point it at our offline bridge to the WebAssembly engine instead,
// unless someone chose another engine explicitly. See docs/decisions/002-offline-schema-engine.md.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "scripts",
  "prisma-schema-engine.mjs",
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: resolveDatabaseUrl(),
  },
});
