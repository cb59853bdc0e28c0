import { extractPage, type ExtractedPage } from "@/lib/capture/extract";
import { CaptureError, fetchForCapture, type FetchedPage } from "@/lib/capture/fetch";
import { logEvent } from "@/lib/log";
import { CAPTURED_TEXT_MAX } from "@/lib/validation/source";

/** Text a form can send back and the database can store: no NUL, no unpaired surrogate. */
function storable(page: ExtractedPage): ExtractedPage {
  const clean = (text: string | null) => (text === null ? null : text.replaceAll("\u0000", "").toWellFormed());
  return { ...page, text: clean(page.text) ?? "", title: clean(page.title), publisher: clean(page.publisher), author: clean(page.author) };
}

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
    const extracted = storable(await extractPage(fetched));
    if (extracted.text.length > CAPTURED_TEXT_MAX) throw new CaptureError("too-large", `The page's text is longer than ${CAPTURED_TEXT_MAX.toLocaleString("en")} characters, more than a source holds.`);
    if (!extracted.text.trim()) throw new CaptureError("unreadable", "The page has no text Factline can read (a PDF may be scanned images); nothing was captured.");
    const { requestedUrl, finalUrl, status, sha256, redirects, ms, body } = fetched;
    logEvent("info", "source captured", { url: address, finalUrl, status, bytes: body.length, ms: Math.round(performance.now() - started), kind: extracted.kind });
    return { requestedUrl, finalUrl, status, sha256, redirects, ms, ...extracted, bytes: body.length };
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
