import { logEvent } from "@/lib/log";

/**
 * A response body read from text chunks on demand: the next chunk is produced only when the
 * client has taken the last (pull), so a slow download never piles pages up in memory. A
 * failure after the first byte cannot change the status code any more: it is logged and the
 * body ends in an error, which the client sees as a broken download rather than a short file.
 */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        logEvent("error", "export stream failed", { error: error instanceof Error ? error.message : String(error) });
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** Headers for a file download; `cache` says who may keep a copy (open data: anyone, briefly). */
export function downloadHeaders(contentType: string, filename: string, cache: "private" | "public"): HeadersInit {
  return {
    "Content-Type": contentType,
    "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "-")}"`,
    "Cache-Control": cache === "private" ? "private, no-store" : "public, max-age=300",
  };
}
