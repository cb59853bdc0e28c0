// The names of what a cached reader page shows (docs/decisions/014-cached-reader-pages.md).
//
// One rule, kept on both sides: a cached page declares a tag for every record it shows and for
// every set of records it lists; a write expires the tags of the records and sets it changed.
// Nothing else is ever invalidated, so an unrelated change leaves other cached pages alone.

export const tag = {
  /** A claim and everything shown with it on its page: links, quotes, notes, corrections, history. */
  claim: (id: string) => `claim:${id}`,
  /**
   * A published claim as other claims' pages list it under "Related claims" (ADR 030): its
   * summary, status, publication and whether it is a duplicate. Narrower than `claim`, so a note
   * or a link on one claim leaves the pages that list it alone.
   */
  relatedClaim: (id: string) => `related-claim:${id}`,
  /** A claimant's own fields (name, kind, description, address). */
  claimant: (id: string) => `claimant:${id}`,
  /** A source's own fields. */
  source: (id: string) => `source:${id}`,
  /** A story's own fields, by id. */
  story: (id: string) => `story:${id}`,
  /** Whether a story exists at this address: a cached "not found" for a slug waits on it. */
  storySlug: (slug: string) => `story-slug:${slug}`,
  /** Which published claims a claimant has, and what their list shows of each. */
  claimantClaims: (id: string) => `claimant-claims:${id}`,
  /** Which published claims cite a source, and what their backlinks show. */
  sourceClaims: (id: string) => `source-claims:${id}`,
  /** Which published claims a story has, and what its list shows of each. */
  storyClaims: (id: string) => `story-claims:${id}`,
  /**
   * Everything that reads across all published claims: the home page, the claimant and source
   * lists (with their counts), the feed, and the open data's version (lib/cache/version.ts). Any
   * write readers can see expires it; a note or an assignment does not (they are shown only on
   * the claim's own page, and never in the open data).
   */
  published: () => "published",
} as const;

/** Next.js refuses more than 128 tags in one call, and a tag longer than 256 characters. */
export const TAGS_PER_CALL = 128;
export const TAG_MAX_LENGTH = 256;

export function uniqueTags(tags: Iterable<string>): string[] {
  return [...new Set(tags)];
}

/** What a write to one claim expires, from the claim as it was before and as it is after. */
export interface ClaimFootprint {
  published: boolean;
  claimantId: string;
  storyId: string;
  sourceIds: string[];
}

/**
 * The claim's own tag always (a cached "not found" for a draft waits on it too); the sets it
 * belongs to only in a state readers could see, so editing a draft leaves every list alone.
 * Pass the state before the write and after it: a claim moved to another claimant, or a source
 * unlinked, changes the set it left as well as the one it joined.
 */
export function claimWriteTags(id: string, states: (ClaimFootprint | null)[]): string[] {
  const tags = [tag.claim(id)];
  for (const state of states) {
    if (!state?.published) continue;
    tags.push(tag.published(), tag.relatedClaim(id), tag.claimantClaims(state.claimantId), tag.storyClaims(state.storyId));
    for (const sourceId of state.sourceIds) tags.push(tag.sourceClaims(sourceId));
  }
  return uniqueTags(tags);
}

/**
 * Marking a claim as a duplicate (or not) changes its own page (a redirect, or its page again)
 * and takes it out of (or back into) other pages' related claims (ADR 030). Lists still show it:
 * its entry leads to the original through that redirect. A published one also leaves (or
 * rejoins) the feed and the open-data ClaimReview file, which wait on `published`.
 */
export function duplicateMarkTags(id: string, published: boolean): string[] {
  return published ? [tag.claim(id), tag.relatedClaim(id), tag.published()] : [tag.claim(id), tag.relatedClaim(id)];
}

/**
 * Linking or unlinking a source changes the claim's page, that source's backlinks, and the number
 * of sources the claimant's, story's and whole-site lists show for the claim; the claim's other
 * sources list it just as before.
 */
export function linkSetTags(claimId: string, sourceId: string, states: (ClaimFootprint | null)[]): string[] {
  const tags = [tag.claim(claimId)];
  for (const state of states) {
    if (!state?.published) continue;
    tags.push(tag.published(), tag.claimantClaims(state.claimantId), tag.storyClaims(state.storyId), tag.sourceClaims(sourceId));
  }
  return uniqueTags(tags);
}

/**
 * Editing a link (relation, quote, note) changes what the claim's page and the source's backlinks
 * show, and the open data; the claimant's and story's lists show only how many sources a claim
 * has, which stays the same.
 */
export function linkEditTags(claimId: string, sourceId: string, claim: ClaimFootprint | null): string[] {
  return claim?.published ? [tag.claim(claimId), tag.sourceClaims(sourceId), tag.published()] : [tag.claim(claimId)];
}

/** What a write to a story expires, from the story as it was before and as it is after. */
export interface StoryFootprint {
  /** Its address: its page, or a "not found" while readers cannot see it. */
  slug: string;
  /** The addresses it left, each a redirect to `slug` once readers can see it. */
  oldSlugs: string[];
  /** Whether it has a published claim: only then do readers' pages and lists show it. */
  published: boolean;
}

/**
 * Editing a story changes its page and every page that names it (they declare its tag); each of
 * its addresses, old and new, since an old one redirects to the current one and the new one may
 * be a cached "not found"; and, once readers can see it, the lists (home, the claims menu, open
 * data).
 */
export function storyWriteTags(id: string, states: (StoryFootprint | null)[]): string[] {
  const tags = [tag.story(id)];
  for (const state of states) {
    if (!state) continue;
    tags.push(tag.storySlug(state.slug), ...state.oldSlugs.map(tag.storySlug));
    if (state.published) tags.push(tag.published());
  }
  return uniqueTags(tags);
}

/**
 * Archiving changes the story's own page (marked archived), which waits on its address's tag, and
 * the lists once readers can see it; the claims' pages name the story just as before.
 */
export function storyArchiveTags(story: StoryFootprint): string[] {
  return story.published ? [tag.storySlug(story.slug), tag.published()] : [tag.storySlug(story.slug)];
}
