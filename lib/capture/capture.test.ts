import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { capturePage } from "@/lib/capture/capture";
import { CAPTURE_TIME_LIMIT_MS, CaptureError, fetchForCapture, setCaptureResolverForTests } from "@/lib/capture/fetch";
import { ARTICLE_SENTENCES, LONG_METADATA, PDF_SENTENCE, startCapturePages, type CapturePages } from "@/lib/testing/capture-pages";
import { SOURCE_AUTHOR_MAX, SOURCE_PUBLISHER_MAX, SOURCE_TITLE_MAX, sourceFormSchema } from "@/lib/validation/source";

// Against a local server of fixture pages. The one origin it listens on is let through the
// private-address guard by FACTLINE_CAPTURE_TEST_ORIGIN, honoured because vitest runs with
// NODE_ENV=test; every other loopback or private address is still refused.
let pages: CapturePages;

beforeAll(async () => {
  pages = await startCapturePages();
  process.env.FACTLINE_CAPTURE_TEST_ORIGIN = pages.origin;
});

afterAll(async () => {
  delete process.env.FACTLINE_CAPTURE_TEST_ORIGIN;
  await pages.close();
});

afterEach(() => setCaptureResolverForTests(null));

async function refusal(address: string): Promise<CaptureError> {
  const error = await capturePage(address).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof CaptureError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

describe("extraction", () => {
  it("reads an article's main text and its metadata, leaving the page's furniture out", async () => {
    const page = await capturePage(`${pages.origin}/article`);
    expect(page).toMatchObject({ kind: "html", title: "Harbour bridge budget approved", publisher: "Harbour Gazette", author: "Lena Okafor", publishedAt: "2026-03-17", status: 200, redirects: 0 });
    for (const sentence of ARTICLE_SENTENCES) expect(page.text).toContain(sentence);
    expect(page.text).not.toContain("Subscribe to our newsletter");
    expect(page.text).not.toContain("Sport");
    // One paragraph per block: sentences of two paragraphs never run together.
    expect(page.text.split("\n\n").length).toBeGreaterThanOrEqual(ARTICLE_SENTENCES.length);
    expect(page.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(page.finalUrl).toBe(`${pages.origin}/article`);
  });

  it("clips a title, publisher and author longer than the source form takes, at a word, so the form saves", async () => {
    const page = await capturePage(`${pages.origin}/long-metadata`);
    const limits = { title: SOURCE_TITLE_MAX, publisher: SOURCE_PUBLISHER_MAX, author: SOURCE_AUTHOR_MAX };
    for (const field of ["title", "publisher", "author"] as const) {
      const clipped = page[field] ?? "";
      expect([...clipped].length, field).toBeLessThanOrEqual(limits[field]);
      expect([...clipped].length, field).toBeGreaterThan(limits[field] - 40);
      expect(clipped.endsWith("…"), field).toBe(true);
      // Cut where a word ends: what is kept is the page's words, the last of them whole.
      const kept = clipped.slice(0, -1);
      expect(LONG_METADATA[field].startsWith(kept), field).toBe(true);
      expect(LONG_METADATA[field][kept.length], field).toMatch(/[\s,]/);
    }
    const form = { title: page.title, publisher: page.publisher, author: page.author, url: page.finalUrl, kind: "news-report", publishedAt: page.publishedAt, archivedUrl: "", description: "", capturedText: page.text };
    expect(sourceFormSchema.safeParse(form).error?.issues).toBeUndefined();
  });

  it("keeps plain text as it is, its first line as the title", async () => {
    const page = await capturePage(`${pages.origin}/plain.txt`);
    expect(page).toMatchObject({ kind: "text", title: "Statement from the port authority" });
    expect(page.text).toContain("The port handled 1.2 million containers in 2025, up 8% on the year before.");
  });

  it("refuses a PDF whose text is longer than a source holds", async () => {
    const refused = await refusal(`${pages.origin}/long-report.pdf`);
    expect(refused.refusal).toBe("too-large");
    expect(refused.message).toBe("The page's text is longer than 500,000 characters, more than a source holds.");
    // Refused while reading, not after: pdf.js reads on the server's own thread, so the pages past
    // the limit are never read.
    const { extractPage } = await import("@/lib/capture/extract");
    const { LONG_REPORT_PAGES, makePdfPages } = await import("@/lib/testing/capture-pages");
    await expect(extractPage({ contentType: "application/pdf", body: makePdfPages(LONG_REPORT_PAGES, { title: "Long", author: "A" }, 4) })).rejects.toMatchObject({ refusal: "too-large" });
  });

  it("reads a PDF's text layer and its document information", async () => {
    const page = await capturePage(`${pages.origin}/report.pdf`);
    expect(page).toMatchObject({ kind: "pdf", title: "Labour market report", author: "Statistics Office", publishedAt: "2026-03-01" });
    expect(page.text).toContain(PDF_SENTENCE);
  });

  it("refuses kinds of file it does not read, and pages that answer with an error", async () => {
    expect((await refusal(`${pages.origin}/image.png`)).message).toBe("Factline captures web pages, plain text and PDF; that address sent image/png.");
    expect((await refusal(`${pages.origin}/missing`)).message).toBe("The page answered with HTTP status 404; nothing was captured.");
  });
});

describe("limits", () => {
  it("follows up to 5 redirects and records the final address", async () => {
    const page = await fetchForCapture(`${pages.origin}/chain/5`);
    expect(page.redirects).toBe(5);
    expect(page.finalUrl).toBe(`${pages.origin}/article`);
  });

  it("refuses a sixth redirect", async () => {
    const error = await refusal(`${pages.origin}/chain/6`);
    expect(error.refusal).toBe("too-many-redirects");
    expect(error.message).toBe("Too many redirects (more than 5).");
  });

  it("gives up on a page that does not answer within 10 seconds", async () => {
    const started = Date.now();
    const error = await refusal(`${pages.origin}/slow`);
    expect(error.message).toBe("The page did not answer within 10 seconds.");
    expect(Date.now() - started).toBeGreaterThanOrEqual(9_500);
    expect(Date.now() - started).toBeLessThan(14_000);
  }, 20_000);

  it("counts looking up the name within the 10 seconds: a resolver that never answers is given up on", async () => {
    setCaptureResolverForTests(() => new Promise(() => {}));
    // The limit's own timer, run on a fake clock: ten seconds pass at once.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      let outcome: unknown = "still waiting";
      void capturePage("http://hanging-dns.capture.test/article").then(
        () => (outcome = "captured"),
        (error: unknown) => (outcome = error),
      );
      await vi.advanceTimersByTimeAsync(CAPTURE_TIME_LIMIT_MS);
      expect(outcome).toMatchObject({ refusal: "timeout", message: "The page did not answer within 10 seconds." });
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a page larger than 5 MB, declared or not", async () => {
    expect((await refusal(`${pages.origin}/large`)).message).toBe("The page is larger than 5 MB.");
    expect((await refusal(`${pages.origin}/large-declared`)).message).toBe("The page is larger than 5 MB.");
  });
});

describe("the address guard", () => {
  const PRIVATE = "That address is inside a private network; Factline only captures public pages.";

  it.each([
    "http://127.0.0.1/",
    "http://127.0.0.1:80/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[64:ff9b::7f00:1]/",
    "http://10.1.2.3/",
    "http://192.168.0.1/",
    "http://100.64.1.1/",
    "http://0.0.0.0/",
    "http://[fe80::1]/",
    "http://[fc00::1]/",
    "http://224.0.0.1/",
    "http://localhost/",
    "https://intranet.localhost/",
  ])("refuses %s", async (address) => {
    const error = await refusal(address);
    expect(error.refusal).toBe("private");
    expect(error.message).toBe(PRIVATE);
  });

  it("refuses the fixture server's address on another port: only its exact origin is allowed in tests", async () => {
    expect((await refusal(`http://127.0.0.1:${pages.port === 65535 ? 65534 : pages.port + 1}/article`)).refusal).toBe("private");
    expect((await refusal(`http://localhost:${pages.port}/article`)).refusal).toBe("private");
  });

  it.each(["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://metadata.google.internal/computeMetadata/v1/", "http://[::ffff:a9fe:a9fe]/"])(
    "refuses the metadata address %s",
    async (address) => {
      expect((await refusal(address)).refusal).toBe("metadata");
    },
  );

  it("refuses other schemes and credentials", async () => {
    for (const address of ["file:///etc/passwd", "ftp://example.org/", "gopher://example.org/", "javascript:alert(1)", "data:text/html,hi"]) {
      expect((await refusal(address)).refusal).toBe("scheme");
    }
    expect((await refusal("https://user:secret@example.org/")).refusal).toBe("credentials");
  });

  it("checks the address a name resolves to, every address of it", async () => {
    setCaptureResolverForTests(async (name) => (name === "mixed.capture.test" ? [{ address: "93.184.215.14", family: 4 }, { address: "10.0.0.7", family: 4 }] : [{ address: "192.168.7.7", family: 4 }]));
    expect((await refusal("http://news.capture.test/")).message).toBe(PRIVATE);
    expect((await refusal("http://mixed.capture.test/")).message).toBe(PRIVATE);
    setCaptureResolverForTests(async () => [{ address: "fd00:ec2::254", family: 6 }]);
    expect((await refusal("http://rebound.capture.test/")).refusal).toBe("metadata");
  });

  it("checks every redirect: into loopback, the metadata service, a private name, another scheme", async () => {
    setCaptureResolverForTests(async () => [{ address: "10.20.30.40", family: 4 }]);
    expect((await refusal(`${pages.origin}/to-loopback`)).refusal).toBe("private");
    expect((await refusal(`${pages.origin}/to-metadata`)).refusal).toBe("metadata");
    expect((await refusal(`${pages.origin}/to-private-name`)).refusal).toBe("private");
    expect((await refusal(`${pages.origin}/to-file`)).refusal).toBe("scheme");
  });

  it("connects to the address it checked, not to a second lookup", async () => {
    // The resolver answers the fixture's address once, then an inner one. The capture must use the
    // first answer for the connection: a second lookup (DNS rebinding) would get 10.0.0.1, and a
    // lookup through the system's DNS would find no such name.
    let calls = 0;
    setCaptureResolverForTests(async () => [{ address: calls++ === 0 ? "127.0.0.1" : "10.0.0.1", family: 4 }]);
    const page = await capturePage(`http://rebind.capture.test:${pages.port}/article`);
    expect(page.title).toBe("Harbour bridge budget approved");
    expect(calls).toBe(1);
  });

  it("tries each address it checked in turn, when one cannot be reached", async () => {
    // 2e00::1 passes the guard (global unicast space) but IANA has given 2e00::/7 to no one, so
    // nothing answers there: a host whose IPv6 address this server cannot reach, then its IPv4.
    setCaptureResolverForTests(async () => [
      { address: "2e00::1", family: 6 },
      { address: "127.0.0.1", family: 4 },
    ]);
    const page = await capturePage(`http://dual-stack.capture.test:${pages.port}/article`);
    expect(page.title).toBe("Harbour bridge budget approved");
  });

  it("says when a name does not resolve", async () => {
    setCaptureResolverForTests(async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    });
    expect((await refusal("https://no-such-site.capture.test/")).refusal).toBe("not-found");
  });
});

describe("the test-only allowance", () => {
  it("is ignored outside NODE_ENV=test and the e2e server", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      expect((await refusal(`${pages.origin}/article`)).refusal).toBe("private");
      vi.stubEnv("FACTLINE_E2E_SERVER", "1");
      expect((await capturePage(`${pages.origin}/article`)).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
