import { describe, expect, it } from "vitest";
import { z } from "zod";
import { claimFormSchema, statusFormSchema } from "./claim";
import { linkFormSchema } from "./link";
import { sourceFormSchema } from "./source";
import { annotationFormSchema } from "./annotation";
import { storyFormSchema } from "./story";

const errorsOf = (result: { success: boolean; error?: z.ZodError }) =>
  result.success ? {} : (z.flattenError(result.error!).fieldErrors as Record<string, string[]>);

const claim = {
  text: "ICE more than tripled the data.",
  summary: "ICE tripled its Azure data",
  claimantId: "the-guardian",
  newClaimantName: "",
  newClaimantKind: "",
  newClaimantUrl: "",
  claimDate: "2026-01",
  storyId: "microsoft-ice-surveillance",
};

describe("claim form", () => {
  it("accepts a complete claim and reads a month-precision date", () => {
    const result = claimFormSchema.parse(claim);
    expect(result.claimDate).toEqual({ date: new Date(Date.UTC(2026, 0, 1)), precision: "month" });
    expect(result.newClaimantName).toBeNull();
  });

  it("reports every problem at once, the cross-field ones included", () => {
    const result = claimFormSchema.safeParse({ ...claim, text: "  ", summary: "x".repeat(121), claimantId: "new", claimDate: "2025-02-30", storyId: "" });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(["claimDate", "newClaimantKind", "newClaimantName", "storyId", "summary", "text"]);
    expect(errorsOf(result).summary).toEqual(["The summary has at most 120 characters."]);
    expect(errorsOf(result).storyId).toEqual(["Choose a story."]);
  });

  it("says what is wrong with a claim's date: its form, a day that does not exist, or one still to come", () => {
    const dateError = (claimDate: string) => errorsOf(claimFormSchema.safeParse({ ...claim, claimDate })).claimDate;
    expect(dateError("12/04/2025")).toEqual(["The date of the claim must be a date like 2025-04-12, 2025-04 or 2025."]);
    expect(dateError("2025-02-30")).toEqual(["The date of the claim is not a real date: 2025-02-30 does not exist."]);
    expect(dateError("2025-13")).toEqual(["The date of the claim is not a real date: 2025-13 does not exist."]);
    expect(dateError("0999")).toEqual(["The date of the claim must be in the years 1000 to 2999."]);
    // Years 0 to 99 were read as 1900 to 1999 and saved so: "0025-04-12" became 1925.
    for (const early of ["0025-04-12", "0000", "0099-01"]) expect(dateError(early), early).toEqual(["The date of the claim must be in the years 1000 to 2999."]);
    const nextYear = String(new Date().getUTCFullYear() + 1);
    expect(dateError(nextYear)).toEqual([`The date of the claim is after today: ${nextYear} has not happened yet.`]);
    expect(dateError("2099-01-01")).toEqual(["The date of the claim is after today: 2099-01-01 has not happened yet."]);
    // Today is a claim's date, and this year or month, begun, are too.
    for (const today of [new Date().toISOString().slice(0, 10), new Date().toISOString().slice(0, 7), new Date().toISOString().slice(0, 4)]) {
      expect(dateError(today), today).toBeUndefined();
    }
  });

  it("creates a claimant inline only with a name and a kind", () => {
    expect(claimFormSchema.safeParse({ ...claim, claimantId: "new", newClaimantName: "Jane Doe", newClaimantKind: "person" }).success).toBe(true);
    expect(errorsOf(claimFormSchema.safeParse({ ...claim, claimantId: "new", newClaimantName: "Jane Doe", newClaimantKind: "robot" })).newClaimantKind).toBeDefined();
  });

  it("refuses NUL bytes and malformed ids", () => {
    expect(errorsOf(claimFormSchema.safeParse({ ...claim, text: "a\u0000b" })).text).toBeDefined();
    expect(errorsOf(claimFormSchema.safeParse({ ...claim, claimantId: "<script>" })).claimantId).toBeDefined();
  });

  it("refuses an unpaired surrogate as it does a NUL: it has no UTF-8 form to store", () => {
    for (const text of ["half \uD83D", "\uDE00 half", "swapped \uDE00\uD83D"]) {
      expect(errorsOf(claimFormSchema.safeParse({ ...claim, text })).text, text).toEqual(["The claim's words contains a character we cannot store."]);
    }
    expect(claimFormSchema.parse({ ...claim, text: "whole \uD83D\uDE00" }).text).toBe("whole 😀");
  });

  it("counts characters as people do: 120 emoji are a full summary, not 240", () => {
    expect(claimFormSchema.safeParse({ ...claim, summary: "😀".repeat(120) }).success).toBe(true);
    expect(errorsOf(claimFormSchema.safeParse({ ...claim, summary: "😀".repeat(121) })).summary).toEqual(["The summary has at most 120 characters."]);
  });

  it("asks for the claim's words in a sentence that reads", () => {
    expect(errorsOf(claimFormSchema.safeParse({ ...claim, text: "" })).text).toEqual(["Write down the claim's words."]);
    expect(errorsOf(claimFormSchema.safeParse({ ...claim, text: "\u200B" })).text).toEqual(["Write down the claim's words: what was typed shows nothing."]);
  });

  it("says which field a form left out, in words", () => {
    expect(errorsOf(claimFormSchema.safeParse({ ...claim, text: undefined })).text).toEqual(["The claim's words is missing from the form; reload the page."]);
  });
});

describe("status form", () => {
  it("needs a known status and a reason", () => {
    expect(statusFormSchema.safeParse({ status: "false", reason: "Records contradict it.", version: "3" }).success).toBe(true);
    const result = statusFormSchema.safeParse({ status: "pants-on-fire", reason: " ", version: "" });
    expect(Object.keys(errorsOf(result)).sort()).toEqual(["reason", "status", "version"]);
  });
});

describe("source form", () => {
  const source = { title: "Budget", publisher: "", author: "", url: "", kind: "dataset", publishedAt: "", archivedUrl: "", description: "", capturedText: "" };
  it("takes http and https addresses only, and keeps an empty one as none", () => {
    expect(sourceFormSchema.parse(source).url).toBeNull();
    expect(sourceFormSchema.parse({ ...source, url: "https://example.org/a" }).url).toBe("https://example.org/a");
    for (const url of ["javascript:alert(1)", "ftp://example.org", "data:text/html,hi", "example", "/just/a/path", "http://"]) {
      expect(errorsOf(sourceFormSchema.safeParse({ ...source, url })).url, url).toEqual(["The web address must start with http:// or https://, like https://www.example.org/page."]);
    }
    expect(errorsOf(sourceFormSchema.safeParse({ ...source, url: `https://e.org/${"a".repeat(10_000)}` })).url).toBeDefined();
    // One thing wrong is said once: a space, not also a missing https:// it has.
    expect(errorsOf(sourceFormSchema.safeParse({ ...source, url: "https://exa mple.org" })).url).toEqual(["The web address cannot contain spaces, line breaks or invisible characters."]);
  });

  it("refuses a publication date after today, as the claim form refuses a claim's", () => {
    const nextYear = String(new Date().getUTCFullYear() + 1);
    expect(errorsOf(sourceFormSchema.safeParse({ ...source, publishedAt: nextYear })).publishedAt).toEqual([`The publication date is after today: ${nextYear} has not happened yet.`]);
    expect(sourceFormSchema.parse({ ...source, publishedAt: "2025-04-12" }).publishedAt).toMatchObject({ precision: "day" });
  });

  it("completes an address typed without its scheme to https://, and leaves others as typed", () => {
    for (const [typed, saved] of [
      ["www.example.org/page", "https://www.example.org/page"],
      ["example.org", "https://example.org"],
      ["news.example.co.uk/2025/04/a-story?x=1#top", "https://news.example.co.uk/2025/04/a-story?x=1#top"],
      ["example.org:8080/a", "https://example.org:8080/a"],
      ["http://example.org/a", "http://example.org/a"],
    ]) {
      expect(sourceFormSchema.parse({ ...source, url: typed }).url, typed).toBe(saved);
      expect(sourceFormSchema.parse({ ...source, archivedUrl: typed }).archivedUrl, typed).toBe(saved);
    }
    // A user name before the host is still refused after completion.
    expect(errorsOf(sourceFormSchema.safeParse({ ...source, url: "user@example.org" })).url).toBeDefined();
  });

  it("refuses an address that would show one way and go another", () => {
    for (const url of ["https://example.org/\u202Egpj.exe", "https://exa\u200Bmple.org/", "https://example.org/a\r\nb", "https://example.org/a b"]) {
      expect(errorsOf(sourceFormSchema.safeParse({ ...source, url })).url, url).toEqual(["The web address cannot contain spaces, line breaks or invisible characters."]);
    }
  });

  it("keeps the joiners that Persian, Urdu and Indic words, and emoji, are spelt with", () => {
    for (const url of ["https://fa.wikipedia.org/wiki/می\u200Cخواهم", "https://hi.wikipedia.org/wiki/क्\u200Dष", "https://example.org/👩\u200D💻"]) {
      expect(sourceFormSchema.parse({ ...source, url }).url, url).toBe(url);
    }
  });
});

describe("link form", () => {
  const link = { sourceId: "reuters-report", relation: "appears-in", quote: "", quotePrefix: "", quoteSuffix: "", note: "" };
  it("needs a quote for appears in, supports and disputes, not for context", () => {
    for (const relation of ["appears-in", "supports", "disputes"]) {
      expect(errorsOf(linkFormSchema.safeParse({ ...link, relation })).quote, relation).toEqual(["Give the exact quote: this relation needs one."]);
    }
    expect(linkFormSchema.safeParse({ ...link, relation: "context" }).success).toBe(true);
  });

  it("reports a bad relation and a bad source together", () => {
    expect(Object.keys(errorsOf(linkFormSchema.safeParse({ ...link, relation: "likes", sourceId: "" }))).sort()).toEqual(["relation", "sourceId"]);
  });
});

describe("annotation form", () => {
  it("needs a body within the limit", () => {
    expect(annotationFormSchema.safeParse({ body: "Checked." }).success).toBe(true);
    expect(errorsOf(annotationFormSchema.safeParse({ body: "" })).body).toEqual(["The note is required."]);
    expect(errorsOf(annotationFormSchema.safeParse({ body: "x".repeat(10_001) })).body).toBeDefined();
  });

  it("is internal unless ticked public; a tick box sends 1 or nothing", () => {
    expect(annotationFormSchema.parse({ body: "Checked." }).isPublic).toBe(false);
    expect(annotationFormSchema.parse({ body: "Checked.", isPublic: "1" }).isPublic).toBe(true);
    expect(errorsOf(annotationFormSchema.safeParse({ body: "Checked.", isPublic: "yes" })).isPublic).toEqual(['Readers will see this note is a tick box: send "1" when ticked, or leave it out.']);
  });
});

describe("story form", () => {
  it("says one thing about an empty address, and another about a malformed one", () => {
    expect(errorsOf(storyFormSchema.safeParse({ title: "ICE contracts", summary: "", slug: "" })).slug).toEqual(["Give the story a short address, like ice-contracts."]);
    expect(errorsOf(storyFormSchema.safeParse({ title: "ICE contracts", summary: "", slug: "Not A Slug!" })).slug).toEqual(["The address uses lower-case letters, digits and single hyphens, like ice-contracts."]);
  });
});
