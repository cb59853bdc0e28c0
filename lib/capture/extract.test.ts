import { describe, expect, it } from "vitest";
import { CAPTURE_MAX_ELEMENTS, extractPage } from "@/lib/capture/extract";

function html(body: string): { contentType: string; body: Buffer } {
  return { contentType: "text/html; charset=utf-8", body: Buffer.from(`<!doctype html><html><head><title>A page</title></head><body>${body}</body></html>`) };
}

describe("HTML", () => {
  it("writes out a page of many paragraphs in seconds, one paragraph per block", async () => {
    // linkedom builds an element's list of children anew each time it is read: read once per
    // paragraph, 20,000 paragraphs under one element took minutes of the server's thread.
    const started = Date.now();
    const page = await extractPage(html(Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i}.</p>`).join("")));
    expect(Date.now() - started).toBeLessThan(15_000);
    const paragraphs = page.text.split("\n\n");
    expect(paragraphs).toHaveLength(20_000);
    expect(paragraphs.at(-1)).toBe("Paragraph 19999.");
  });

  it("refuses a page of more elements than Readability may read, as too complex, not as an error of ours", async () => {
    // html, head, title and body, and one more paragraph than the limit leaves room for.
    const page = html("<p>Word.</p>".repeat(CAPTURE_MAX_ELEMENTS - 3));
    // A short string if read: the page's 30,000 lines of text would fill the failure's diff.
    const outcome = await extractPage(page).then(
      (read) => `read, ${read.text.length} characters`,
      (error: unknown) => error,
    );
    expect(outcome).toMatchObject({
      name: "CaptureError",
      refusal: "too-large",
      message: "The page is too complex to read (more than 30,000 HTML elements); nothing was captured.",
    });
  });
});
