"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DeskSimilarClaim } from "@/lib/data/similar-claims";
import { similarQueryText } from "@/lib/similar-text";

/** Time after the last keystroke before the desk is asked again. */
const DEBOUNCE_MS = 400;
/** The claim form's fields whose words are compared. */
const WATCHED_FIELDS = new Set(["text", "summary"]);

function countSentence(count: number): string {
  if (count === 0) return "No similar claim on the desk.";
  return count === 1 ? "1 similar claim on the desk." : `${count} similar claims on the desk.`;
}

/**
 * "Seen before?" (docs/decisions/030-seen-before-duplicates-related.md): claims already on the
 * desk that look like this one, each with its status and story, linking to its desk page.
 * Rendered on the server with `initial` (so it works without JavaScript); with `formId`, it
 * follows the words typed into that form's text and summary, asking the desk's
 * /api/desk/similar-claims a moment after typing stops. The count is announced politely.
 */
export function SeenBefore({ initial, formId, excludeId, hasAsked }: { initial: DeskSimilarClaim[]; formId?: string; excludeId?: string; hasAsked: boolean }) {
  const [claims, setClaims] = useState(initial);
  const [asked, setAsked] = useState(hasAsked);
  const [failed, setFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!formId) return;
    let request: AbortController | null = null;
    // The form is found by its id at each turn, not held: a form sent past the write limits is
    // rendered anew (components/forms/refusal.tsx), and the words are then typed into the new one.
    const ask = async () => {
      const form = document.getElementById(formId);
      if (!(form instanceof HTMLFormElement)) return;
      const words = [...WATCHED_FIELDS].map((name) => form.elements.namedItem(name)).map((field) => (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : ""));
      const text = words.join(" ").trim();
      request?.abort();
      if (text === "") {
        setClaims([]);
        setAsked(false);
        return;
      }
      request = new AbortController();
      const params = new URLSearchParams({ text: similarQueryText(text) });
      if (excludeId) params.set("exclude", excludeId);
      try {
        const response = await fetch(`/api/desk/similar-claims?${params}`, { signal: request.signal, headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { claims: DeskSimilarClaim[] };
        setClaims(body.claims);
        setAsked(true);
        setFailed(false);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setFailed(true);
      }
    };
    const onInput = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) || target.form?.id !== formId || !WATCHED_FIELDS.has(target.name)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(ask, DEBOUNCE_MS);
    };
    document.addEventListener("input", onInput);
    return () => {
      document.removeEventListener("input", onInput);
      clearTimeout(timer.current);
      request?.abort();
    };
  }, [formId, excludeId]);

  return (
    <section aria-labelledby="seen-before-heading" className="rounded border border-stone-300 bg-white p-4">
      <h2 id="seen-before-heading" className="text-lg font-semibold">
        Seen before?
      </h2>
      <p className="mt-1 text-sm text-stone-700">Claims already on the desk with the same words and figures: link to or reuse an earlier check instead of starting again.</p>
      <p role="status" aria-live="polite" className="mt-2 text-sm font-medium">
        {failed ? "Similar claims could not be looked up just now." : asked ? countSentence(claims.length) : "Type the claim's words to see similar claims."}
      </p>
      {claims.length > 0 ? (
        <ul className="mt-2 space-y-2" aria-label="Similar claims">
          {claims.map((claim) => (
            <li key={claim.id} className="text-sm">
              <Link href={claim.url} className="text-blue-800 underline">
                {claim.summary}
              </Link>
              <span className="ml-2 inline-flex flex-wrap items-center gap-2 align-middle">
                <StatusBadge status={claim.status} />
                <span className="text-stone-700">
                  {claim.storyTitle} · {claim.isPublished ? "Published" : "Draft"}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
