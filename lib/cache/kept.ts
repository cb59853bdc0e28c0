import "server-only";
import { unstable_cache } from "next/cache";
import { publishedGeneration } from "@/lib/cache/generation";
import { tag } from "@/lib/cache/tags";

/** How long a kept answer serves before it is worked out again, as the cached reader pages (ADR 014). */
export const KEPT_SECONDS = 300;

/**
 * `read` kept in Next.js's data cache until what readers can see changes (ADR 017): under the
 * `published` tag, which every write readers can see expires, and keyed by the generation the
 * call began in (lib/cache/generation.ts) and its arguments, which must be JSON and decide the
 * answer. For reads of published data only. Only where Next.js runs: scripts and tests call
 * `read` itself.
 */
export function keptWhilePublishedUnchanged<Args extends unknown[], Result>(read: (...args: Args) => Promise<Result>, name: string): (...args: Args) => Promise<Result> {
  // The generation is only part of the key.
  const kept = unstable_cache((generation: string, ...args: Args) => read(...args), [name], { tags: [tag.published()], revalidate: KEPT_SECONDS });
  return async (...args) => kept(await publishedGeneration(), ...args);
}
