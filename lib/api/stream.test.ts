import { describe, expect, it } from "vitest";
import { textStream } from "@/lib/api/stream";

describe("textStream", () => {
  it("produces the next chunk only when the reader asks: an export never runs ahead of its download", async () => {
    let produced = 0;
    async function* pages() {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield `page ${i}\n`;
      }
    }
    const reader = textStream(pages()).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("page 0\n");
    // The stream's default high-water mark lets it pull at most one chunk ahead.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(produced).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it("stops the producer when the download is cancelled", async () => {
    let finished = false;
    async function* pages() {
      try {
        for (let i = 0; ; i++) yield `page ${i}\n`;
      } finally {
        finished = true;
      }
    }
    const reader = textStream(pages()).getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it("ends the body in an error when the producer fails, so a download is not silently short", async () => {
    async function* pages() {
      yield "first\n";
      throw new Error("database went away");
    }
    const reader = textStream(pages()).getReader();
    await reader.read();
    await expect(reader.read()).rejects.toThrow("database went away");
  });
});
