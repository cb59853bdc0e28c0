import type { ReactNode } from "react";

// The cached copies of the reader pages (docs/decisions/014-cached-reader-pages.md). proxy.ts
// rewrites a reader's request here; each page below re-exports the reader page it copies, with
// `dynamic = "force-static"`, so Next.js renders it on its first request and serves it from its
// cache until a write expires one of the tags it declared (lib/cache/tags.ts).
//
// No edition is listed: nothing is rendered at build time, when the database the server will run
// on may not be the one the build saw.
export function generateStaticParams(): { edition: string }[] {
  return [];
}

export default function CachedLayout({ children }: { children: ReactNode }) {
  return children;
}
