import { WaybackLink } from "@/components/desk/wayback-link";
import type { SourceCaptureRow } from "@/lib/data/desk";

const KIND_LABEL: Record<string, string> = { html: "Web page", text: "Plain text", pdf: "PDF" };

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Every capture of a source, newest first: where it came from, when, by whom, and a hash of what was fetched. */
export function CaptureHistory({ captures }: { captures: SourceCaptureRow[] }) {
  if (captures.length === 0) return null;
  return (
    <section aria-labelledby="capture-history-heading" className="mt-6 rounded border border-stone-300 bg-white p-6">
      <h2 id="capture-history-heading" className="mb-2 font-serif text-xl font-bold">
        Capture history
      </h2>
      <ol className="space-y-3 text-sm">
        {captures.map((capture, index) => (
          <li key={capture.id} className="border-t border-stone-200 pt-2 first:border-t-0 first:pt-0">
            <p className="font-medium">
              {index === 0 ? "Latest: " : ""}
              <time dateTime={capture.fetchedAt.toISOString()}>{capture.fetchedAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
              {capture.capturedBy ? ` by ${capture.capturedBy.name}` : ""}
            </p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3">
              <dt>Final address</dt>
              <dd className="break-all">{capture.finalUrl}</dd>
              {capture.finalUrl !== capture.requestedUrl ? (
                <>
                  <dt>Asked for</dt>
                  <dd className="break-all">{capture.requestedUrl}</dd>
                </>
              ) : null}
              <dt>Answer</dt>
              <dd>
                HTTP {capture.httpStatus}, {KIND_LABEL[capture.kind] ?? capture.kind}, {size(capture.bytes)}
              </dd>
              <dt>SHA-256</dt>
              <dd className="break-all font-mono text-xs">{capture.sha256}</dd>
            </dl>
            <WaybackLink url={capture.finalUrl} />
          </li>
        ))}
      </ol>
    </section>
  );
}
