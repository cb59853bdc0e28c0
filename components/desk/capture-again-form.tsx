"use client";

import Link from "next/link";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { keptOnRefusal, useFormActionState } from "@/components/forms/refusal";
import { recaptureSourceAction } from "@/lib/actions/sources";
import { quoted } from "@/lib/text";

/** "Capture again": fetch the source's address anew and report the linked quotes its new text lacks. */
/** `version`: the source's version as this page shows it; a capture after someone else's save is refused, keeping the form below as typed. */
export const CaptureAgainForm = keptOnRefusal(function CaptureAgainForm({ sourceId, version, url }: { sourceId: string; version: number; url: string | null }) {
  const [state, action] = useFormActionState(recaptureSourceAction, "capture-again-form");
  const unfound = state.report?.unfound ?? [];
  return (
    <form id="capture-again-form" action={action} noValidate className="mb-6 rounded border border-stone-300 bg-white p-6" aria-labelledby="capture-again-heading">
      <h2 id="capture-again-heading" className="mb-2 font-serif text-xl font-bold">
        Capture from the web
      </h2>
      <FormMessage state={state} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="version" value={version} />
      {url ? (
        <>
          <p className="mb-3 text-sm">
            Fetches <span className="break-all">{url}</span> again, keeps the earlier capture in the history below, makes the page&apos;s text this source&apos;s captured text, and checks every linked quote against it.
          </p>
          <SubmitButton pendingLabel="Capturing…">Capture again</SubmitButton>
        </>
      ) : (
        <p className="text-sm">This source has no web address: add one below and save, then capture it.</p>
      )}
      {unfound.length > 0 ? (
        <section aria-labelledby="unfound-heading" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
          <h3 id="unfound-heading" className="font-semibold">
            Quotes not found in the new text
          </h3>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {unfound.map((quote) => (
              <li key={quote.linkId} className="mt-1">
                <Link href={`/desk/claims/${quote.claimId}`} className="text-blue-800 underline">
                  {quote.claimSummary}
                </Link>
                : {quoted(quote.quote)}{quote.wasFound ? "" : " (not found before either)"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </form>
  );
});
