import { describe, expect, it } from "vitest";
import { recaptureNotice } from "@/lib/capture/recapture-notice";

describe("recaptureNotice", () => {
  const url = "https://news.example.org/a";

  it("says when no claim quotes the source, not that 0 quotes are in the new text", () => {
    expect(recaptureNotice(url, { found: 0, unfound: [] })).toBe("Captured again from https://news.example.org/a. No claim quotes this source yet.");
  });

  it("counts the quotes found, those lost, and those never found apart", () => {
    expect(recaptureNotice(url, { found: 2, unfound: [] })).toBe("Captured again from https://news.example.org/a. 2 linked quotes are in the new text.");
    expect(recaptureNotice(url, { found: 1, unfound: [{ wasFound: true }] })).toBe("Captured again from https://news.example.org/a. 1 linked quote is in the new text; 1 is no longer there (listed below).");
    expect(recaptureNotice(url, { found: 0, unfound: [{ wasFound: false }] })).toBe("Captured again from https://news.example.org/a. 0 linked quotes are in the new text; 1 was not found before either (listed below).");
    expect(recaptureNotice(url, { found: 3, unfound: [{ wasFound: true }, { wasFound: true }, { wasFound: false }] })).toBe(
      "Captured again from https://news.example.org/a. 3 linked quotes are in the new text; 2 are no longer there; 1 was not found before either (listed below).",
    );
  });
});
