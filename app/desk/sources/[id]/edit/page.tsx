import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaptureAgainForm } from "@/components/desk/capture-again-form";
import { CaptureHistory } from "@/components/desk/capture-history";
import { SourceForm } from "@/components/desk/source-form";
import { getSourceForEdit, listSourceCaptures } from "@/lib/data/desk";
import { sourceFormValues } from "@/lib/domain/form-values";
import { requirePageUser } from "@/lib/session";
import { isRecordId } from "@/lib/validation/record-id";
import { SAVED_NOTICE_ID } from "@/lib/domain/desk-notice";

export const metadata: Metadata = { title: "Edit source" };

export default async function EditSourcePage({ params, searchParams }: PageProps<"/desk/sources/[id]/edit">) {
  const { id } = await params;
  await requirePageUser("source:edit", `/desk/sources/${id}/edit`);
  const [source, captures] = isRecordId(id) ? await Promise.all([getSourceForEdit(id), listSourceCaptures(id)]) : [null, []];
  if (!source) notFound();
  const { created, saved } = await searchParams;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Edit source</h1>
      <p className="mb-4 text-sm">
        <Link href="/desk/sources" className="text-blue-800 underline">
          All sources
        </Link>
        {" · "}
        <Link href={`/sources/${source.id}`} className="text-blue-800 underline">
          Its public page
        </Link>{" "}
        (shown once a published claim cites it)
        {source.capturedText?.trim() ? (
          <>
            {" · "}
            <Link href={`/desk/sources/${source.id}/finder`} className="text-blue-800 underline">
              Find claims in its text
            </Link>
          </>
        ) : null}
      </p>
      <div id={SAVED_NOTICE_ID} role="status" className={created || saved ? "mb-4 rounded border border-green-700 bg-green-50 p-3 text-green-900" : undefined}>
        {created ? "Source added." : saved ? "Source saved." : null}
      </div>
      <CaptureAgainForm sourceId={source.id} version={source.version} url={source.url} />
      {/* A save raises the version; "Capture again" raises it and adds a capture. Keyed by the
          difference, the form starts afresh from the saved source after a save (its old messages
          gone), and keeps a reviewer's unsaved edits through a capture, taking in only its text. */}
      <SourceForm
        key={source.version - captures.length}
        source={{ id: source.id, version: source.version, ...sourceFormValues(source) }}
      />
      <CaptureHistory captures={captures} />
    </>
  );
}
