import { Document, Link, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ComponentProps, ReactElement } from "react";
import type { ExportClaim, ExportLink } from "@/lib/export-types";
import { quoted } from "@/lib/text";
import {
  claimAnchor,
  claimCountLabel,
  correctionLabel,
  formatReportDate,
  publicationLine,
  relationLabel,
  saidByLine,
  sourceHref,
  sourceMetaLine,
  statusCounts,
  statusLabel,
  statusReasonText,
  type Report,
} from "@/lib/report/model";

/*
 * Fonts: the report uses the PDF's built-in Helvetica, which @react-pdf/renderer (through pdfkit)
 * writes with WinAnsiEncoding: Latin-1 plus the typographic marks newsrooms use (“ ” ‘ ’ — – … €
 * • ™ and a few more). pdfkit does not refuse a character outside that set: it writes the low
 * byte of its code point, so a prime (U+2032) prints as "2" and Arabic or Chinese as random Latin
 * letters. In a fact-check that is worse than a gap, so every string passes through toPdfText:
 * near-equivalents are substituted (− becomes -, ł becomes l, ő becomes o) and text in any other
 * script is replaced by UNSUPPORTED_MARK, which the report's header explains; the HTML report
 * shows such text in full.
 * Known limit: Arabic, Hebrew, Greek, Cyrillic, CJK and emoji do not render in the PDF. Showing
 * them means embedding a font with those glyphs (an npm-packaged TTF registered with
 * Font.register from a path in node_modules; nothing is fetched at run time), and for Arabic and
 * Hebrew checking react-pdf's right-to-left shaping.
 */

export const UNSUPPORTED_MARK = "[?]";

/** Code points above Latin-1 that WinAnsiEncoding places in 0x80-0x9F. */
const WIN_ANSI_EXTRAS = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a,
  0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

function isWinAnsi(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x20 && codePoint <= 0x7e) ||
    // U+00AD is a soft hyphen: Helvetica would print it as a visible hyphen mid-word.
    (codePoint >= 0xa0 && codePoint <= 0xff && codePoint !== 0xad) ||
    WIN_ANSI_EXTRAS.has(codePoint)
  );
}

/** Characters with a faithful stand-in, checked before the general fallback. */
const SUBSTITUTES = new Map<number, string>([
  [0x09, " "],
  [0x2028, "\n"],
  [0x2029, "\n"],
  // Hyphens and minus signs: "−3%" must still read as a negative number.
  ...[0x2010, 0x2011, 0x2012, 0x2043, 0x2212, 0xfe63, 0xff0d].map((c): [number, string] => [c, "-"]),
  [0x2015, "—"],
  [0x201b, "‘"],
  [0x201f, "“"],
  [0x2032, "'"],
  [0x2033, '"'],
  [0x2044, "/"],
  [0x2215, "/"],
  // Letters with no decomposition to a base letter.
  [0x0110, "D"],
  [0x0111, "d"],
  [0x0126, "H"],
  [0x0127, "h"],
  [0x0131, "i"],
  [0x0141, "L"],
  [0x0142, "l"],
  // Spaces of other widths.
  ...[0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000].map(
    (c): [number, string] => [c, " "],
  ),
  // Invisible format characters (zero-width, bidi controls, soft hyphen, BOM): nothing to print.
  ...[0xad, 0x34f, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff].map(
    (c): [number, string] => [c, ""],
  ),
]);

const COMBINING_MARKS = /\p{M}/gu;

/** What to print for one character: itself, a stand-in, "" for nothing, or null if unprintable. */
function pdfCharacter(character: string): string | null {
  const codePoint = character.codePointAt(0) ?? 0;
  if (isWinAnsi(codePoint)) return character;
  const substitute = SUBSTITUTES.get(codePoint);
  if (substitute !== undefined) return substitute;
  // Control characters carry no text; anything else gets its compatibility form without
  // accents ("ő" → "o", "ﬁ" → "fi") when every part of that is printable.
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return "";
  const base = character.normalize("NFKD").replace(COMBINING_MARKS, "");
  if (base !== "" && base !== character && [...base].every((c) => isWinAnsi(c.codePointAt(0) ?? 0))) return base;
  return null;
}

// U+0000 cannot survive pdfCharacter (it maps controls to ""), so it can mark unprintable text.
const UNPRINTABLE = "\u0000";
const UNPRINTABLE_RUN = /\u0000(?:[ \u00a0]*\u0000)*/g;
const PLAIN_ASCII = /^[\x20-\x7e\n]*$/;

/**
 * Text as the built-in fonts can print it. A run of unprintable words (an Arabic sentence, a
 * Chinese name) becomes one UNSUPPORTED_MARK rather than one per character.
 */
export function toPdfText(text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  let out = "";
  // for...of walks code points, so an emoji is one character and a lone surrogate is unprintable.
  for (const character of text.normalize("NFC").replace(/\r\n?/g, "\n")) out += pdfCharacter(character) ?? UNPRINTABLE;
  return out.replace(UNPRINTABLE_RUN, UNSUPPORTED_MARK);
}

export function hasUnprintableText(text: string): boolean {
  if (PLAIN_ASCII.test(text)) return false;
  for (const character of text.normalize("NFC")) if (pdfCharacter(character) === null) return true;
  return false;
}

function reportHasUnprintableText(report: Report): boolean {
  const seen: string[] = [report.organisation.name, report.title, report.scope];
  for (const claim of report.claims) {
    seen.push(claim.summary, claim.text, claim.statusReason, claim.claimant.name);
    for (const correction of claim.corrections) seen.push(correction.note);
    for (const link of claim.links) {
      const { title, publisher, author, url, archivedUrl } = link.source;
      seen.push(link.quote, link.note ?? "", title, publisher ?? "", author ?? "", url ?? "", archivedUrl ?? "");
    }
  }
  return seen.some(hasUnprintableText);
}

/**
 * react-pdf hyphenates English words by default, which splits words the reader (and anyone
 * searching the PDF) expects whole. Only a token too long for any line (a URL in a quote) is
 * offered break points, after its punctuation or every 16 characters, so it wraps instead of
 * running off the page.
 */
function breakLongWordsOnly(word: string): string[] {
  if (word.length <= 24) return [word];
  return word.match(/[^/?&=#._-]{1,16}[/?&=#._-]*|[/?&=#._-]+/g) ?? [word];
}

/** Text printed with the built-in font's character set and our line-breaking rule. */
function P({ style, children }: { style?: ComponentProps<typeof View>["style"]; children: string }) {
  return (
    <Text style={[styles.text, ...(Array.isArray(style) ? style : style ? [style] : [])]} hyphenationCallback={breakLongWordsOnly}>
      {toPdfText(children)}
    </Text>
  );
}

// Stone and blue from the app's palette; each text colour passes WCAG AA on white.
const INK = "#1c1917";
const MUTED = "#44403c";
const LINK = "#1e40af";
const RULE = "#a8a29e";

const styles = StyleSheet.create({
  // react-pdf 4.9 turns a unitless lineHeight into points with the fontSize of the same style
  // (18 when it has none, not the inherited size), so the two are always set together.
  text: { fontSize: 10, lineHeight: 1.4 },
  page: {
    fontFamily: "Helvetica",
    fontSize: 10,
    color: INK,
    paddingTop: 48,
    paddingBottom: 64,
    paddingHorizontal: 56,
  },
  organisation: { fontSize: 11, fontFamily: "Helvetica-Bold", color: MUTED },
  title: { fontSize: 22, fontFamily: "Helvetica-Bold", lineHeight: 1.2, marginTop: 6 },
  scope: { marginTop: 8 },
  generated: { marginTop: 2, color: MUTED },
  fontNote: { marginTop: 8, fontSize: 9, color: MUTED },
  h2: { fontSize: 15, fontFamily: "Helvetica-Bold", lineHeight: 1.25, marginTop: 20, marginBottom: 6 },
  h3: { fontSize: 11, fontFamily: "Helvetica-Bold", marginTop: 12, marginBottom: 4 },
  countRow: { flexDirection: "row" },
  countLabel: { width: 120 },
  table: { marginTop: 10, borderTopWidth: 1, borderTopColor: INK },
  tableRow: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 3 },
  tableHead: { fontFamily: "Helvetica-Bold", borderBottomWidth: 1, borderBottomColor: INK },
  colClaim: { width: "55%", paddingRight: 8 },
  colClaimant: { width: "27%", paddingRight: 8 },
  colStatus: { width: "18%" },
  tableLink: { color: LINK, textDecoration: "none" },
  claim: { marginTop: 18 },
  claimRule: { paddingTop: 12, borderTopWidth: 1, borderTopColor: RULE },
  claimHeading: { fontSize: 14, fontFamily: "Helvetica-Bold", lineHeight: 1.25 },
  quote: { marginTop: 8, paddingLeft: 10, borderLeftWidth: 3, borderLeftColor: LINK, fontSize: 11, fontFamily: "Times-Roman" },
  saidBy: { marginTop: 4, color: MUTED },
  verdict: { marginTop: 8, fontFamily: "Helvetica-Bold" },
  reason: { marginTop: 2 },
  published: { marginTop: 4, fontSize: 9, color: MUTED },
  correction: { marginTop: 4, paddingLeft: 10, borderLeftWidth: 2, borderLeftColor: RULE },
  correctionDate: { fontFamily: "Helvetica-Bold" },
  source: { marginTop: 8 },
  relation: { fontSize: 9, fontFamily: "Helvetica-Bold", color: MUTED },
  sourceTitle: { fontFamily: "Helvetica-Bold" },
  sourceMeta: { color: MUTED },
  archived: { marginTop: 2 },
  urlText: { color: LINK },
  sourceQuote: { marginTop: 4, paddingLeft: 8, borderLeftWidth: 2, borderLeftColor: RULE },
  note: { marginTop: 2, color: MUTED },
  footer: {
    position: "absolute",
    bottom: 28,
    left: 56,
    right: 56,
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 8,
    color: MUTED,
    borderTopWidth: 0.5,
    borderTopColor: RULE,
    paddingTop: 4,
  },
  footerTitle: { flex: 1, paddingRight: 12 },
});

/**
 * Helvetica's widest glyph is 0.944 em, so at 10 pt this many characters always fit the A4 text
 * width (483 pt), whatever the URL holds.
 */
const URL_LINE_CHARACTERS = 50;

/**
 * A URL in lines that each fit the page. Left to the line breaker, a long URL would either run
 * off the page or be hyphenated with hyphens that are not part of the address; so it is broken
 * here, after a slash or similar where possible, into lines joined by hard line breaks.
 */
export function urlLines(url: string): string[] {
  const pieces = url.match(new RegExp(`[^/?&=#]{1,${URL_LINE_CHARACTERS}}[/?&=#]*|[/?&=#]+`, "g")) ?? [];
  const lines: string[] = [];
  let line = "";
  for (const piece of pieces) {
    if (line !== "" && line.length + piece.length > URL_LINE_CHARACTERS) {
      lines.push(line);
      line = "";
    }
    line += piece;
  }
  if (line !== "") lines.push(line);
  return lines;
}

function Url({ url }: { url: string }) {
  const href = sourceHref(url);
  // An address we will not link to is not coloured like a link either.
  const text = (
    <Text style={[styles.text, href ? styles.urlText : styles.sourceMeta]} hyphenationCallback={breakLongWordsOnly}>
      {urlLines(toPdfText(url)).join("\n")}
    </Text>
  );
  return href ? <Link src={href}>{text}</Link> : text;
}

function Source({ link }: { link: ExportLink }) {
  const meta = sourceMetaLine(link.source);
  return (
    <View style={styles.source} wrap={false}>
      <P style={styles.relation}>{relationLabel(link.relation)}</P>
      <P style={styles.sourceTitle}>{link.source.title}</P>
      {meta ? <P style={styles.sourceMeta}>{meta}</P> : null}
      {link.source.url ? (
        <Url url={link.source.url} />
      ) : (
        <P style={styles.sourceMeta}>No link recorded: we hold no address for this source.</P>
      )}
      {link.source.archivedUrl ? (
        <View style={styles.archived}>
          <P style={styles.sourceMeta}>Archived copy:</P>
          <Url url={link.source.archivedUrl} />
        </View>
      ) : null}
      {link.quote ? <P style={styles.sourceQuote}>{quoted(link.quote)}</P> : null}
      {link.note ? <P style={styles.note}>{`Note: ${link.note}`}</P> : null}
    </View>
  );
}

function Claim({ claim }: { claim: ExportClaim }) {
  return (
    <View style={styles.claim} id={claimAnchor(claim)}>
      {/* Keeps a heading (and the rule above it) from ending a page with its claim on the next. */}
      <View style={styles.claimRule} minPresenceAhead={90}>
        <P style={styles.claimHeading}>{claim.summary}</P>
      </View>
      <P style={styles.quote}>{quoted(claim.text)}</P>
      <P style={styles.saidBy}>{`${saidByLine(claim)}.`}</P>
      <P style={styles.verdict}>{`Our rating: ${statusLabel(claim.status)}`}</P>
      <P style={styles.reason}>{statusReasonText(claim)}</P>
      <P style={styles.published}>{`${publicationLine(claim)}.`}</P>

      {claim.corrections.length > 0 ? (
        <>
          <View minPresenceAhead={40}>
            <P style={styles.h3}>Corrections</P>
          </View>
          {claim.corrections.map((correction) => (
            <View key={correction.id} style={styles.correction} wrap={false}>
              <P style={styles.correctionDate}>{`${formatReportDate(correction.createdAt)}: ${correctionLabel(correction)}`}</P>
              <P>{correction.note}</P>
            </View>
          ))}
        </>
      ) : null}

      <View minPresenceAhead={60}>
        <P style={styles.h3}>{`Sources (${claim.links.length})`}</P>
      </View>
      {claim.links.length === 0 ? <P>No source is linked to this claim yet.</P> : null}
      {claim.links.map((link) => (
        <Source key={link.id} link={link} />
      ))}
    </View>
  );
}

/** The Document element itself: renderToBuffer takes a <Document>, not a component wrapping one. */
export function reportDocument(report: Report): ReactElement<ComponentProps<typeof Document>> {
  const counts = statusCounts(report.claims);
  const footer = toPdfText(`${report.organisation.name} · ${report.title}`);
  return (
    <Document
      title={report.title}
      author={report.organisation.name}
      subject={report.scope}
      creator="Factline"
      producer="Factline"
      language="en-GB"
      creationDate={report.generatedAt}
    >
      {/*
        The default paginator re-lays out what is left at every page break: measured here, 40
        claims took 3 s and 100 took 29 s. The newer engine measures once: 100 claims in under 3 s.
      */}
      <Page size="A4" style={styles.page} experimentalPagination>
        <View style={styles.footer} fixed>
          <Text style={styles.footerTitle} hyphenationCallback={breakLongWordsOnly}>
            {footer}
          </Text>
          <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        </View>

        <P style={styles.organisation}>{report.organisation.name}</P>
        <P style={styles.title}>{report.title}</P>
        <P style={styles.scope}>{report.scope}</P>
        <P style={styles.generated}>{`Generated ${formatReportDate(report.generatedAt)}`}</P>
        {reportHasUnprintableText(report) ? (
          <P style={styles.fontNote}>
            {`Some text is in a script this PDF cannot show; it is marked ${UNSUPPORTED_MARK}. The web version of this report shows it in full.`}
          </P>
        ) : null}

        <P style={styles.h2}>Summary</P>
        {report.claims.length === 0 ? (
          <P>No claim matches these filters.</P>
        ) : (
          <>
            <P>{`${claimCountLabel(report.claims.length)} in this report.`}</P>
            {counts.map((count) => (
              <View key={count.status} style={styles.countRow}>
                <Text style={styles.countLabel}>{count.label}</Text>
                <Text>{String(count.count)}</Text>
              </View>
            ))}
            <View style={styles.table}>
              <View style={[styles.tableRow, styles.tableHead]}>
                <Text style={styles.colClaim}>Claim</Text>
                <Text style={styles.colClaimant}>Claimant</Text>
                <Text style={styles.colStatus}>Status</Text>
              </View>
              {report.claims.map((claim) => (
                <View key={claim.id} style={styles.tableRow} wrap={false}>
                  <View style={styles.colClaim}>
                    <Link src={`#${claimAnchor(claim)}`} style={styles.tableLink}>
                      <P>{claim.summary}</P>
                    </Link>
                  </View>
                  <View style={styles.colClaimant}>
                    <P>{claim.claimant.name}</P>
                  </View>
                  <View style={styles.colStatus}>
                    <P>{statusLabel(claim.status)}</P>
                  </View>
                </View>
              ))}
            </View>

            <P style={styles.h2}>Claims</P>
            {report.claims.map((claim) => (
              <Claim key={claim.id} claim={claim} />
            ))}
          </>
        )}
      </Page>
    </Document>
  );
}

/** The report as a PDF, rendered in Node (no browser): A4, built-in fonts, page n of m. */
export async function renderReportPdf(report: Report): Promise<Buffer> {
  return renderToBuffer(reportDocument(report));
}
