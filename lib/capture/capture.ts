import { extractPage, type ExtractedPage } from "@/lib/capture/extract";
import { CaptureError, fetchForCapture, type FetchedPage } from "@/lib/capture/fetch";
import { logEvent } from "@/lib/log";
import { clipAtWord } from "@/lib/text";
import { CAPTURED_TEXT_MAX, SOURCE_AUTHOR_MAX, SOURCE_PUBLISHER_MAX, SOURCE_TITLE_MAX } from "@/lib/validation/source";

/**
 * Text a form can send back and the database can store: no NUL, no unpaired surrogate, and
 * metadata within the source form's limits (an og:title of 600 characters made it refuse to save).
 */
function storable(page: ExtractedPage): ExtractedPage {
  const clean = (text: string | null) => (text === null ? null : text.replaceAll("\u0000", "").toWellFormed());
  const clipped = (text: string | null, max: number) => {
    const cleaned = clean(text);
    return cleaned === null ? null : clipAtWord(cleaned, max);
  };
  return {
    ...page,
    text: clean(page.text) ?? "",
    title: clipped(page.title, SOURCE_TITLE_MAX),
    publisher: clipped(page.publisher, SOURCE_PUBLISHER_MAX),
    author: clipped(page.author, SOURCE_AUTHOR_MAX),
  };
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
