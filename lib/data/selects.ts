/** Field sets several reads share, so the reader pages and the desk show a link or an event alike. */

/**
 * The one test of "readers may see this claim": a publication date. Every read that serves
 * readers or open data filters with it; drafts never leave lib/data.
 */
export const PUBLISHED_CLAIM = { publishedAt: { not: null } } as const;

/**
 * A published claim readers see on its own page: not a duplicate whose readers are sent to its
 * published original (lib/data/claims.ts getDuplicateTarget). What the feed announces.
 */
export const SHOWN_ON_ITS_OWN_PAGE = { ...PUBLISHED_CLAIM, NOT: { duplicateOf: { is: { publishedAt: { not: null } } } } } as const;

/** Colleagues who can sign in: an account with a password, not disabled. */
export const ACTIVE_COLLEAGUE = { banned: false, accounts: { some: {} } } as const;

/** A claim-source link's own fields (TextQuoteSelector shape plus relation and note). */
export const LINK_FIELDS = {
  id: true,
  relation: true,
  quote: true,
  quotePrefix: true,
  quoteSuffix: true,
  note: true,
} as const;

/** A source's descriptive fields: what every page and export shows of it (never its captured text). */
export const SOURCE_FIELDS = {
  id: true,
  title: true,
  publisher: true,
  author: true,
  url: true,
  archivedUrl: true,
  kind: true,
  description: true,
  publishedAt: true,
  publishedAtPrecision: true,
} as const;

/** A claim's corrections, oldest first. */
export const CORRECTIONS = {
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  select: { id: true, createdAt: true, note: true, previousStatus: true, newStatus: true },
};

/** A history event with who made it, oldest first. */
export const EVENTS = {
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  select: {
    id: true,
    kind: true,
    before: true,
    after: true,
    reason: true,
    createdAt: true,
    actor: { select: { id: true, name: true } },
  },
};
