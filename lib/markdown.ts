/**
 * Rules for rendering annotation Markdown, kept apart from the component so they can be tested
 * without React. Annotations are written by newsroom staff but may paste text from anywhere, so
 * a link is only ever a web page or an email address.
 */

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Control, format (zero-width, bidi overrides) and whitespace characters. Browsers silently
 * drop tabs and newlines inside a URL ("java\tscript:" runs as javascript:) and a bidi override
 * can make a link read as another, so a URL holding any of them is refused outright; Markdown
 * percent-encodes the spaces of a real link before it gets here.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Z}\s]/u;

/** External links in annotations are vouched for by no one, so they pass no referrer or trust. */
export const EXTERNAL_LINK_REL = "noopener noreferrer nofollow ugc";

/**
 * The URL as a browser will read it, if it is an absolute http:, https: or mailto: URL;
 * otherwise null. Relative URLs ("/x", "//host", "#id") are refused too: an annotation has no
 * base to resolve them against. URLs with a user name or password are refused because
 * "https://trusted.example@evil.example" reads as one site and goes to another.
 */
export function safeMarkdownUrl(url: string): string | null {
  if (url === "" || HIDDEN_CHARACTERS.test(url)) return null;
  let parsed: URL;
  try {
    // No base: whatever parses here is absolute, and parses the same way in the browser.
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.username !== "" || parsed.password !== "") return null;
  if (parsed.protocol === "mailto:" && parsed.pathname === "") return null;
  return parsed.href;
}

/** Whether a (safe) link leaves Factline for the web, as opposed to opening a mail client. */
export function isExternalUrl(url: string): boolean {
  return url.startsWith("http:") || url.startsWith("https:");
}
