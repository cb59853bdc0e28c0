import { extractPage, type ExtractedPage } from "@/lib/capture/extract";
import { CaptureError, fetchForCapture, type FetchedPage } from "@/lib/capture/fetch";
import { logEvent } from "@/lib/log";

export type CapturedPage = Omit<FetchedPage, "body" | "contentType"> & ExtractedPage & { bytes: number };

/**
 * Fetches and reads one address: the page's main text and metadata, with what proves what was
 * fetched (final address, status, SHA-256 of the bytes). Logs the address, never the content.
 */
export async function capturePage(address: string): Promise<CapturedPage> {
  const started = performance.now();
  let fetched: FetchedPage | null = null;
  try {
    fetched = await fetchForCapture(address);
    const extracted = await extractPage(fetched);
    if (!extracted.text.trim()) throw new CaptureError("unreadable", "The page has no text Factline can read (a PDF may be scanned images); nothing was captured.");
    const { body, contentType: _contentType, ...rest } = fetched;
    logEvent("info", "source captured", { url: address, finalUrl: fetched.finalUrl, status: fetched.status, bytes: body.length, ms: Math.round(performance.now() - started), kind: extracted.kind });
    return { ...rest, ...extracted, bytes: body.length };
  } catch (error) {
    logEvent("warn", "source capture refused", {
      url: address,
      finalUrl: fetched?.finalUrl ?? null,
      status: fetched?.status ?? null,
      bytes: fetched?.body.length ?? null,
      ms: Math.round(performance.now() - started),
      refusal: error instanceof CaptureError ? error.refusal : "error",
    });
    throw error;
  }
}
