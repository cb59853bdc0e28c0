"use client";

import { DESK_CONTENT_ID } from "@/lib/skip-target";
import { isLimitRefusal } from "@/lib/domain/refusal";

/**
 * What a page shows when it fails. A post past the write limits (proxy.ts) that no form catches
 * would arrive here too (every desk form keeps its own: components/forms/refusal.tsx; signing out
 * is never limited, ADR 035): Next.js's script raises the proxy's 429 as an error; its words say
 * what happened and when to send again, and nothing was done, so they are shown instead of "the
 * problem is on our side". On a desk address it replaces the desk's layout, so it carries the
 * desk skip link's target (lib/skip-target.ts).
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (isLimitRefusal(error)) {
    return (
      <div role="alert" id={DESK_CONTENT_ID}>
        <h1 className="mb-4 font-serif text-3xl font-bold">Too many changes at once</h1>
        <p className="mb-4">{error.message}</p>
        <button type="button" onClick={reset} className="rounded bg-blue-800 px-4 py-2 text-white hover:bg-blue-900">
          Back to the page
        </button>
      </div>
    );
  }
  return (
    <div role="alert" id={DESK_CONTENT_ID}>
      <h1 className="mb-4 font-serif text-3xl font-bold">Something went wrong</h1>
      <p className="mb-4">This page could not be shown. The problem is on our side and has been logged.</p>
      <button type="button" onClick={reset} className="rounded bg-blue-800 px-4 py-2 text-white hover:bg-blue-900">
        Try again
      </button>
    </div>
  );
}
