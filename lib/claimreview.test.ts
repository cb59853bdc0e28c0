import { describe, expect, it } from "vitest";
import {
  buildClaimReview,
  claimReviewDocument,
  JSONLD_GRAPH_CLOSE,
  JSONLD_GRAPH_OPEN,
  jsonLdGraphItems,
  serializeJsonLd,
  type ClaimReview,
} from "@/lib/claimreview";
import {
  BEST_VERDICT_RANK,
  CLAIM_STATUSES,
  isVerdict,
  STATUS_INFO,
  verdictStatuses,
  WORST_VERDICT_RANK,
} from "@/lib/domain/status";
import type { ExportClaim } from "@/lib/export-types";
import {
  exportClaim,
  exportCorrection,
  exportLink,
  exportSource,
  ORGANISATION,
} from "@/lib/testing/fixtures/export-claims";
import schemaOrgSubset from "@/lib/testing/fixtures/schemaorg-30.0-subset.json";

function review(overrides: Partial<ExportClaim> = {}): ClaimReview {
  const built = buildClaimReview(exportClaim(overrides), ORGANISATION);
  if (built === null) throw new Error("expected a ClaimReview");
  return built;
}

/** A claim that uses every optional field, so the checks below see every property we emit. */
function fullClaim(): ExportClaim {
  return exportClaim({
    status: "misleading",
    claimant: { id: "claimant_p", name: "Jane Minister", kind: "person", url: "https://gov.example/jane" },
    links: [
      exportLink({ relation: "appears-in", source: exportSource({ id: "speech", title: "Budget speech" }) }),
      exportLink({
        relation: "appears-in",
        source: exportSource({ id: "interview", title: "Radio interview", publisher: null, url: null, publishedAt: null }),
      }),
      exportLink({ relation: "disputes", source: exportSource({ id: "stats", title: "Labour statistics" }) }),
    ],
    corrections: [exportCorrection()],
  });
}

// ---------------------------------------------------------------------------------------------
// schema.org vocabulary check, against the release 30.0 subset in lib/testing/fixtures (see its
// "source" and "licence"; regenerate it with scripts/make-schemaorg-fixture.ts).

interface Vocabulary {
  dataTypes: string[];
  types: Record<string, { subTypeOf: string[] }>;
  properties: Record<string, { domainIncludes: string[]; rangeIncludes: string[] }>;
}

const VOCABULARY: Vocabulary = schemaOrgSubset;

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const ISO_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** How a JSON literal can be an instance of each data type the fixture lists. */
const LITERAL_TESTS: Record<string, (value: string | number) => boolean> = {
  Text: (value) => typeof value === "string",
  URL: (value) => typeof value === "string" && URL.canParse(value) && /^https?:/.test(value),
  Date: (value) => typeof value === "string" && ISO_DATE.test(value),
  DateTime: (value) => typeof value === "string" && ISO_DATE_TIME.test(value),
  Number: (value) => typeof value === "number" && Number.isFinite(value),
  Integer: (value) => typeof value === "number" && Number.isInteger(value),
};

/** The type and all its supertypes; empty when the type is not in the vocabulary. */
function lineage(type: string): Set<string> {
  const found = new Set<string>();
  const pending = [type];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const entry = VOCABULARY.types[next];
    if (!entry || found.has(next)) continue;
    found.add(next);
    pending.push(...entry.subTypeOf);
  }
  return found;
}

function isInRange(type: string, range: readonly string[]): boolean {
  return [...lineage(type)].some((ancestor) => range.includes(ancestor));
}

/** Every way `node` departs from the vocabulary, as "path: problem" lines; [] when it conforms. */
function schemaOrgViolations(node: unknown, path = "$"): string[] {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return [`${path}: not a typed object`];
  const { "@type": type, "@context": context, ...properties } = node as Record<string, unknown>;
  const problems: string[] = [];
  if (context !== undefined && (path !== "$" || context !== "https://schema.org")) {
    problems.push(`${path}: unexpected @context ${JSON.stringify(context)}`);
  }
  if (typeof type !== "string" || lineage(type).size === 0) return [...problems, `${path}: unknown @type ${JSON.stringify(type)}`];
  const typeLineage = lineage(type);

  for (const [name, value] of Object.entries(properties)) {
    const at = `${path}.${name}`;
    const property = VOCABULARY.properties[name];
    if (!property) {
      problems.push(`${at}: not a property in the schema.org fixture`);
      continue;
    }
    if (!property.domainIncludes.some((domain) => typeLineage.has(domain))) {
      problems.push(`${at}: not a property of ${type} (domain ${property.domainIncludes.join(", ")})`);
    }
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.length === 0) problems.push(`${at}: empty list`);
    values.forEach((item, index) => {
      const itemAt = Array.isArray(value) ? `${at}[${index}]` : at;
      if (typeof item === "object" && item !== null && !Array.isArray(item)) {
        const itemType = (item as Record<string, unknown>)["@type"];
        // An unknown or missing @type is reported once, by the recursive call.
        if (typeof itemType === "string" && lineage(itemType).size > 0 && !isInRange(itemType, property.rangeIncludes)) {
          problems.push(`${itemAt}: a ${itemType} is not in the range ${property.rangeIncludes.join(", ")}`);
        }
        problems.push(...schemaOrgViolations(item, itemAt));
      } else if ((typeof item === "string" && item.trim() !== "") || typeof item === "number") {
        const literalTypes = VOCABULARY.dataTypes.filter((dataType) => LITERAL_TESTS[dataType]?.(item));
        if (!literalTypes.some((dataType) => isInRange(dataType, property.rangeIncludes))) {
          problems.push(`${itemAt}: ${JSON.stringify(item)} is not a ${property.rangeIncludes.join(" or ")}`);
        }
      } else {
        problems.push(`${itemAt}: ${JSON.stringify(item) ?? "undefined"} is not a value`);
      }
    });
  }
  return problems;
}

/** Paths of null, undefined, blank strings and empty lists anywhere in a value. */
function blankPaths(value: unknown, path = "$"): string[] {
  if (value === null || value === undefined) return [path];
  if (typeof value === "string") return value.trim() === "" ? [path] : [];
  if (Array.isArray(value)) {
    return value.length === 0 ? [path] : value.flatMap((item, index) => blankPaths(item, `${path}[${index}]`));
  }
  if (typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => blankPaths(item, `${path}.${key}`));
  }
  return [];
}

// ---------------------------------------------------------------------------------------------

describe("buildClaimReview", () => {
  it("writes the review of a published verdict", () => {
    const claim = fullClaim();
    const [speech, interview] = claim.links.map((link) => link.source);

    expect(buildClaimReview(claim, ORGANISATION)).toEqual({
      "@type": "ClaimReview",
      url: claim.url,
      claimReviewed: claim.summary,
      datePublished: "2025-09-15T08:30:00.000Z",
      dateModified: "2025-10-01T09:00:00.000Z",
      author: { "@type": "Organization", name: "Factline Desk", url: "https://factline.example/" },
      reviewRating: {
        "@type": "Rating",
        ratingValue: 3,
        bestRating: 5,
        worstRating: 1,
        alternateName: "Misleading",
        ratingExplanation: claim.statusReason,
      },
      itemReviewed: {
        "@type": "Claim",
        text: claim.text,
        author: { "@type": "Person", name: "Jane Minister", url: "https://gov.example/jane" },
        datePublished: "2025-09-10",
        firstAppearance: {
          "@type": "CreativeWork",
          name: "Budget speech",
          url: speech?.url,
          datePublished: "2025-09-12",
          publisher: { "@type": "Organization", name: "The Daily Example" },
        },
        appearance: [
          {
            "@type": "CreativeWork",
            name: "Budget speech",
            url: speech?.url,
            datePublished: "2025-09-12",
            publisher: { "@type": "Organization", name: "The Daily Example" },
          },
          { "@type": "CreativeWork", name: interview?.title },
        ],
      },
      correction: [
        {
          "@type": "CorrectionComment",
          text: claim.corrections[0]?.note,
          datePublished: "2025-10-01T09:00:00.000Z",
        },
      ],
    });
  });

  it("rates every verdict on the status scale, within worst and best", () => {
    const verdicts = verdictStatuses();
    expect(verdicts).toEqual(["false", "unsupported", "misleading", "mostly-accurate", "accurate"]);
    for (const status of verdicts) {
      const rating = review({ status }).reviewRating;
      expect(rating, status).toMatchObject({
        ratingValue: STATUS_INFO[status].verdictRank,
        bestRating: BEST_VERDICT_RANK,
        worstRating: WORST_VERDICT_RANK,
        alternateName: STATUS_INFO[status].label,
      });
      expect(rating.ratingValue).toBeGreaterThanOrEqual(rating.worstRating);
      expect(rating.ratingValue).toBeLessThanOrEqual(rating.bestRating);
    }
    expect(review({ status: "false" }).reviewRating.ratingValue).toBe(WORST_VERDICT_RANK);
    expect(review({ status: "accurate" }).reviewRating.ratingValue).toBe(BEST_VERDICT_RANK);
  });

  it("gives nothing for a status that is not a verdict, or for a draft", () => {
    const notVerdicts = CLAIM_STATUSES.filter((status) => !isVerdict(status));
    expect(notVerdicts).toEqual(["unverified", "in-review", "not-checkable"]);
    for (const status of notVerdicts) {
      expect(buildClaimReview(exportClaim({ status }), ORGANISATION), status).toBeNull();
    }
    expect(buildClaimReview(exportClaim({ status: "false", publishedAt: null }), ORGANISATION)).toBeNull();
    expect(buildClaimReview(exportClaim({ status: "false" }), ORGANISATION)).not.toBeNull();
  });

  it("makes the claimant a Person or an Organization by kind, with a URL only when known", () => {
    const person = review({ claimant: { id: "c1", name: "Jane Minister", kind: "person", url: null } });
    expect(person.itemReviewed.author).toEqual({ "@type": "Person", name: "Jane Minister" });

    const party = review({
      claimant: { id: "c2", name: "Example Party", kind: "organization", url: "https://party.example/" },
    });
    expect(party.itemReviewed.author).toEqual({
      "@type": "Organization",
      name: "Example Party",
      url: "https://party.example/",
    });
  });

  it("takes first appearance and appearances from appears-in links only, each source once", () => {
    const supporting = exportSource({ title: "Supporting report" });
    const speech = exportSource({ title: "Speech" });
    const tweet = exportSource({ title: "Post" });
    const claim = exportClaim({
      links: [
        exportLink({ relation: "appears-in", source: speech, quote: "first words" }),
        exportLink({ relation: "appears-in", source: tweet }),
        exportLink({ relation: "appears-in", source: speech, quote: "later words" }),
        exportLink({ relation: "supports", source: supporting }),
        exportLink({ relation: "disputes", source: exportSource({ title: "Dispute" }) }),
        exportLink({ relation: "context", source: exportSource({ title: "Background" }) }),
      ],
    });
    const item = review(claim).itemReviewed;

    expect(item.firstAppearance?.name).toBe("Speech");
    expect(item.appearance?.map((work) => work.name)).toEqual(["Speech", "Post"]);

    const unsourced = review({ links: [exportLink({ relation: "supports", source: supporting })] }).itemReviewed;
    expect(unsourced).not.toHaveProperty("firstAppearance");
    expect(unsourced).not.toHaveProperty("appearance");
  });

  it("lists corrections and dates the review by its latest change", () => {
    const updatedAt = new Date("2025-09-20T00:00:00.000Z");
    const corrections = [
      exportCorrection({ createdAt: new Date("2025-09-18T00:00:00.000Z"), note: "First correction." }),
      exportCorrection({ createdAt: new Date("2025-09-25T10:00:00.000Z"), note: "Second correction." }),
    ];
    const corrected = review({ updatedAt, corrections });
    expect(corrected.dateModified).toBe("2025-09-25T10:00:00.000Z");
    expect(corrected.correction).toEqual([
      { "@type": "CorrectionComment", text: "First correction.", datePublished: "2025-09-18T00:00:00.000Z" },
      { "@type": "CorrectionComment", text: "Second correction.", datePublished: "2025-09-25T10:00:00.000Z" },
    ]);

    const editedSince = review({ updatedAt: new Date("2025-09-30T00:00:00.000Z"), corrections });
    expect(editedSince.dateModified).toBe("2025-09-30T00:00:00.000Z");

    const uncorrected = review({ updatedAt, corrections: [] });
    expect(uncorrected.dateModified).toBe("2025-09-20T00:00:00.000Z");
    expect(uncorrected).not.toHaveProperty("correction");
  });

  it("lists only corrections of the review: not the one that gave the claim its first verdict", () => {
    // Published "not checkable" (no review), corrected to False: that correction is when the review
    // began, and a later one corrects the review.
    const rated = new Date("2025-09-18T00:00:00.000Z");
    const corrections = [exportCorrection({ createdAt: rated, note: "Records found." }), exportCorrection({ createdAt: new Date("2025-09-25T10:00:00.000Z"), note: "A figure fixed." })];
    const built = buildClaimReview(exportClaim({ updatedAt: rated, corrections }), ORGANISATION, rated)!;
    expect(built.datePublished).toBe("2025-09-18T00:00:00.000Z");
    expect(built.correction).toEqual([{ "@type": "CorrectionComment", text: "A figure fixed.", datePublished: "2025-09-25T10:00:00.000Z" }]);
    expect(buildClaimReview(exportClaim({ updatedAt: rated, corrections: corrections.slice(0, 1) }), ORGANISATION, rated)).not.toHaveProperty("correction");
  });

  it("leaves absent values out rather than writing null or empty strings", () => {
    const sparse = review({
      statusReason: "  ",
      claimDate: null,
      claimant: { id: "c3", name: "Anonymous account", kind: "organization", url: "" },
      links: [
        exportLink({
          relation: "appears-in",
          source: exportSource({ publisher: "", url: null, publishedAt: null }),
        }),
      ],
      corrections: [exportCorrection({ note: "" })],
    });

    expect(blankPaths(sparse)).toEqual([]);
    expect(blankPaths(review(fullClaim()))).toEqual([]);
    expect(sparse.reviewRating).not.toHaveProperty("ratingExplanation");
    expect(sparse.itemReviewed).not.toHaveProperty("datePublished");
    expect(sparse.itemReviewed.author).toEqual({ "@type": "Organization", name: "Anonymous account" });
    expect(Object.keys(sparse.itemReviewed.firstAppearance ?? {})).toEqual(["@type", "name"]);
  });
});

describe("schema.org vocabulary", () => {
  it("is respected by every review we write", () => {
    const reviews = [
      review(fullClaim()),
      review({ links: [], corrections: [] }),
      review({ claimant: { id: "c4", name: "Example Party", kind: "organization", url: "https://party.example/" } }),
      ...verdictStatuses().map((status) => review({ status })),
    ];
    for (const written of reviews) {
      expect(schemaOrgViolations(written)).toEqual([]);
      expect(schemaOrgViolations(claimReviewDocument(written))).toEqual([]);
    }
  });

  it("is enforced: made-up properties, wrong domains, nested types and literals are rejected", () => {
    const valid = review(fullClaim());
    expect(schemaOrgViolations({ ...valid, rating: 3 })).toEqual(["$.rating: not a property in the schema.org fixture"]);
    expect(schemaOrgViolations({ ...valid, ratingValue: 3 })).toEqual([
      "$.ratingValue: not a property of ClaimReview (domain Rating)",
    ]);
    expect(schemaOrgViolations({ ...valid, author: { "@type": "Rating", ratingValue: 1 } })).toEqual([
      "$.author: a Rating is not in the range Organization, Person",
    ]);
    expect(
      schemaOrgViolations({ ...valid, itemReviewed: { ...valid.itemReviewed, firstAppearance: { "@type": "Person", name: "x" } } }),
    ).toEqual(["$.itemReviewed.firstAppearance: a Person is not in the range CreativeWork"]);
    expect(schemaOrgViolations({ ...valid, author: { "@type": "Organisation", name: "x" } })).toEqual([
      '$.author: unknown @type "Organisation"',
    ]);
    expect(schemaOrgViolations({ ...valid, datePublished: "15 September 2025" })).toEqual([
      '$.datePublished: "15 September 2025" is not a Date or DateTime',
    ]);
    expect(schemaOrgViolations({ ...valid, url: "claims/1" })).toEqual(['$.url: "claims/1" is not a URL']);
    expect(schemaOrgViolations({ ...valid, claimReviewed: 3 })).toEqual(["$.claimReviewed: 3 is not a Text"]);
    expect(schemaOrgViolations({ ...valid, claimReviewed: "" })).toEqual(['$.claimReviewed: "" is not a value']);
    expect(schemaOrgViolations({ ...valid, correction: [] })).toEqual(["$.correction: empty list"]);
  });
});

describe("serializeJsonLd", () => {
  it("cannot close the script tag or open a comment, and parses back to the same value", () => {
    const hostile = "</script><script>alert(1)</script> <!-- & --> \u2028\u2029 done";
    const document = claimReviewDocument(
      review({ summary: hostile, text: `<b>${hostile}</b>`, statusReason: "a > b && c < d" }),
    );
    const serialized = serializeJsonLd(document);

    expect(serialized).not.toMatch(/[<>&\u2028\u2029]/);
    expect(serialized).toContain("\\u003c/script\\u003e");
    expect(serialized).toContain("\\u2028\\u2029");
    expect(JSON.parse(serialized)).toEqual(document);
    expect(JSON.parse(serialized).claimReviewed).toBe(hostile);
  });

  it("leaves other text, non-Latin and emoji included, as JSON.stringify writes it", () => {
    const value = { name: "Zoë ادعاء 这是 Это 🤥 \"quoted\" \\ back" };
    expect(serializeJsonLd(value)).toBe(JSON.stringify(value));
  });
});

describe("JSON-LD graph streaming", () => {
  it("joins pages into one document, skipping pages with no reviews", () => {
    const pages = [[], [review(), review()], [], [review({ status: "accurate" })]];
    let written = 0;
    let text = JSONLD_GRAPH_OPEN;
    for (const page of pages) {
      text += jsonLdGraphItems(page, written > 0);
      written += page.length;
    }
    text += JSONLD_GRAPH_CLOSE;

    const document: unknown = JSON.parse(text);
    expect(document).toEqual({ "@context": "https://schema.org", "@graph": pages.flat() });
    expect(text).not.toContain("<");
  });

  it("writes a valid empty graph when there is nothing to publish", () => {
    const text = JSONLD_GRAPH_OPEN + jsonLdGraphItems([], false) + JSONLD_GRAPH_CLOSE;
    expect(JSON.parse(text)).toEqual({ "@context": "https://schema.org", "@graph": [] });
  });
});
