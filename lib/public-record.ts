/**
 * What readers are owed of a claim's history, and nothing of the desk's deliberation.
 *
 * The desk keeps every event (lib/history.ts). Readers get the record of what they could see:
 * publication, each rating and its reason, corrections and updates, and changes to what was
 * already public (words, links, quotes). Never what happened before the first publication
 * (draft wording, sources linked and unlinked, statuses tried), never notes (public notes are
 * shown as notes, not as history), never assignments, never a field outside the lists below.
 *
 * While a claim is unpublished after having been public, readers see nothing change; what
 * changed in that time is shown once, as its net effect, when it is published again, so a
 * wording or quote that existed only in between never reaches them.
 *
 * Pure: it knows nothing of the database or Next.js, and is unit-tested (public-record.test.ts).
 */
import { isClaimStatus, isPendingStatus, isVerdict, type ClaimStatus } from "@/lib/domain/status";

/** An event as the desk stores it (lib/data/selects.ts EVENTS). */
export interface RecordedEvent {
  id: string;
  kind: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  createdAt: Date;
  actor: { name: string } | null;
}

export const PUBLIC_EVENT_KINDS = [
  "published",
  "republished",
  "unpublished",
  "updated",
  "corrected",
  "status-changed",
  "edited",
  "linked",
  "link-edited",
  "unlinked",
  "source-edited",
] as const;

export type PublicEventKind = (typeof PUBLIC_EVENT_KINDS)[number];

/** An entry of the public history: a kind, a date, and only fields readers may see. */
export interface PublicEvent {
  id: string;
  kind: PublicEventKind;
  createdAt: Date;
  /** Who made the change, when the organisation names its people (FACTLINE_PUBLIC_NAMES); null otherwise. */
  actor: { name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

/** The fields readers may see, per kind of change. Ids, captured text and notes' words are not among them. */
const CLAIM_FIELDS = ["text", "summary", "claimant", "story", "claimDate"] as const;
const STATUS_FIELDS = ["status", "statusReason", "correction"] as const;
const LINK_FIELDS = ["source", "relation", "quote", "quotePrefix", "quoteSuffix", "note"] as const;
const SOURCE_FIELDS = ["source", "publisher", "author", "url", "kind", "archivedUrl"] as const;

const STATUS_KINDS = new Set(["status-changed", "corrected", "updated"]);
const LINK_KINDS = new Set(["linked", "link-edited", "unlinked"]);

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function pick(values: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field in values) out[field] = values[field];
  return out;
}

function orNull(values: Record<string, unknown>): Record<string, unknown> | null {
  return Object.keys(values).length > 0 ? values : null;
}

/** The status an event leaves the claim in, if it says. */
function statusAfter(kind: string, after: Record<string, unknown>): ClaimStatus | null {
  if (kind !== "created" && !STATUS_KINDS.has(kind)) return null;
  return isClaimStatus(after.status) ? after.status : null;
}

/**
 * Whether readers have ever seen this claim with a rating (a status other than unverified or in
 * review): the line between an update (a first rating given to a claim readers saw pending) and
 * a correction (a change to a rating readers saw). `currentStatus` covers claims whose history
 * predates status events (their status was set with the claim).
 */
export function readersSawRating(events: readonly Pick<RecordedEvent, "kind" | "after">[], currentStatus?: ClaimStatus): boolean {
  let status: ClaimStatus = "unverified";
  let published = false;
  let sawStatusEvent = false;
  for (const event of events) {
    const after = parse(event.after);
    const next = statusAfter(event.kind, after);
    if (next) {
      status = next;
      if (event.kind !== "created") sawStatusEvent = true;
    }
    if (event.kind === "published") published = true;
    if (event.kind === "unpublished") published = false;
    if (published && !isPendingStatus(status)) return true;
  }
  // A claim published with a rating whose events never named it (older data): the current one.
  if (published && !sawStatusEvent && currentStatus && !isPendingStatus(currentStatus)) return true;
  return false;
}

/** The events firstVerdictShownAt reads: the ones that publish, withdraw or rate a claim. */
export const VERDICT_SHOWN_EVENT_KINDS = ["created", "published", "unpublished", "status-changed", "corrected", "updated"] as const;

/**
 * When readers first saw a verdict on this claim (accurate to false; "not checkable" rates
 * nothing): the first moment it was both published and rated with one. That is when its fact
 * check was published, ClaimReview's datePublished, and the date the feed announces it by; a
 * claim published pending and rated later was reviewed when rated, not when first shown.
 * `events` oldest first. The first publication's time is the date it recorded (the seed's
 * imports record theirs); a republication's is its event's. Null when the events never show a
 * verdict in public (older data, or a claim not reviewed yet).
 */
export function firstVerdictShownAt(events: readonly Pick<RecordedEvent, "kind" | "after" | "createdAt">[]): Date | null {
  let status: ClaimStatus = "unverified";
  let published = false;
  let publishedBefore = false;
  for (const event of events) {
    const after = parse(event.after);
    let at = event.createdAt;
    const next = statusAfter(event.kind, after);
    if (next) status = next;
    if (event.kind === "published") {
      const recorded = typeof after.publishedAt === "string" ? new Date(after.publishedAt) : null;
      if (!publishedBefore && recorded && !Number.isNaN(recorded.getTime())) at = recorded;
      published = true;
      publishedBefore = true;
    }
    if (event.kind === "unpublished") published = false;
    if (published && isVerdict(status)) return at;
  }
  return null;
}

function linkKey(before: Record<string, unknown>, after: Record<string, unknown>): string {
  const sourceId = typeof before.sourceId === "string" ? before.sourceId : typeof after.sourceId === "string" ? after.sourceId : "";
  const relation = typeof before.relation === "string" ? before.relation : typeof after.relation === "string" ? after.relation : "";
  return `${sourceId}\u0000${relation}`;
}

interface PendingLink {
  existedAtStart: boolean;
  exists: boolean;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** Changes made while the claim was withdrawn, kept as their net effect until it is public again. */
class WithdrawnChanges {
  private readonly claim = new Map<string, { before: unknown; after: unknown }>();
  private readonly links = new Map<string, PendingLink>();

  addFields(before: Record<string, unknown>, after: Record<string, unknown>, fields: readonly string[]): void {
    for (const field of fields) {
      if (field === "correction") continue;
      if (!(field in before) && !(field in after)) continue;
      const seen = this.claim.get(field);
      this.claim.set(field, { before: seen ? seen.before : before[field], after: after[field] });
    }
  }

  /** The values readers last saw of these fields, if they changed since, no longer pending. */
  takeBefore(fields: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const seen = this.claim.get(field);
      if (!seen) continue;
      out[field] = seen.before;
      this.claim.delete(field);
    }
    return out;
  }

  addLink(kind: string, before: Record<string, unknown>, after: Record<string, unknown>): void {
    const key = linkKey(before, after);
    const pending = this.links.get(key);
    if (kind === "linked") {
      if (pending) {
        pending.exists = true;
        pending.after = { ...after };
      } else this.links.set(key, { existedAtStart: false, exists: true, before: {}, after: { ...after } });
      return;
    }
    if (kind === "unlinked") {
      if (pending) {
        pending.exists = false;
        if (pending.existedAtStart) for (const [f, v] of Object.entries(before)) if (!(f in pending.before)) pending.before[f] = v;
      } else this.links.set(key, { existedAtStart: true, exists: false, before: { ...before }, after: {} });
      return;
    }
    // link-edited: before and after hold the link's source and the fields that changed.
    if (pending) {
      if (pending.existedAtStart) for (const [f, v] of Object.entries(before)) if (!(f in pending.before)) pending.before[f] = v;
      Object.assign(pending.after, after);
    } else this.links.set(key, { existedAtStart: true, exists: true, before: { ...before }, after: { ...after } });
  }

  /** The net effect as public entries dated at the republication, then forgotten. */
  flush(at: { id: string; createdAt: Date; actor: { name: string } | null }): PublicEvent[] {
    const out: PublicEvent[] = [];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, change] of this.claim) {
      if (JSON.stringify(change.before) === JSON.stringify(change.after)) continue;
      before[field] = change.before;
      after[field] = change.after;
    }
    if (Object.keys(after).length > 0) {
      const statusChanged = "status" in after || "statusReason" in after;
      const wordsChanged = CLAIM_FIELDS.some((f) => f in after);
      if (wordsChanged) out.push({ ...at, id: `${at.id}:edited`, kind: "edited", before: orNull(pick(before, CLAIM_FIELDS)), after: orNull(pick(after, CLAIM_FIELDS)), reason: null });
      if (statusChanged) out.push({ ...at, id: `${at.id}:status`, kind: "status-changed", before: orNull(pick(before, STATUS_FIELDS)), after: orNull(pick(after, STATUS_FIELDS)), reason: null });
    }
    let n = 0;
    for (const link of this.links.values()) {
      n += 1;
      const id = `${at.id}:link-${n}`;
      if (link.existedAtStart && !link.exists) out.push({ ...at, id, kind: "unlinked", before: orNull(pick(link.before, LINK_FIELDS)), after: null, reason: null });
      else if (!link.existedAtStart && link.exists) out.push({ ...at, id, kind: "linked", before: null, after: orNull(pick(link.after, LINK_FIELDS)), reason: null });
      else if (link.existedAtStart && link.exists) {
        const b: Record<string, unknown> = {};
        const a: Record<string, unknown> = {};
        for (const field of LINK_FIELDS) {
          if (field === "source" || !(field in link.after)) continue;
          if (JSON.stringify(link.before[field]) === JSON.stringify(link.after[field])) continue;
          b[field] = link.before[field];
          a[field] = link.after[field];
        }
        if (Object.keys(a).length > 0) {
          const source = link.after.source ?? link.before.source;
          out.push({ ...at, id, kind: "link-edited", before: { ...(source ? { source } : {}), ...b }, after: { ...(source ? { source } : {}), ...a }, reason: null });
        }
      }
    }
    this.claim.clear();
    this.links.clear();
    return out;
  }
}

export interface PublicHistoryOptions {
  /** Name the people who made each change (the organisation's choice); otherwise no names. */
  showNames: boolean;
  /** Titles of the sources that link events name by id, to say which source a change was about. */
  sourceTitles?: ReadonlyMap<string, string>;
}

/** Link event fields with the source named by its title instead of its id. */
function withSourceTitle(values: Record<string, unknown>, titles: ReadonlyMap<string, string> | undefined): Record<string, unknown> {
  const title = typeof values.sourceId === "string" ? titles?.get(values.sourceId) : undefined;
  return title ? { source: title, ...values } : values;
}

/** The claim's public history, oldest first, from its full history (oldest first). */
export function publicHistory(events: readonly RecordedEvent[], options: PublicHistoryOptions): PublicEvent[] {
  const out: PublicEvent[] = [];
  let everPublished = false;
  let published = false;
  const withdrawn = new WithdrawnChanges();

  for (const event of events) {
    const actor = options.showNames && event.actor ? { name: event.actor.name } : null;
    const base = { id: event.id, createdAt: event.createdAt, actor };

    if (event.kind === "published") {
      if (!everPublished) {
        everPublished = published = true;
        out.push({ ...base, kind: "published", before: null, after: null, reason: null });
      } else if (!published) {
        published = true;
        out.push(...withdrawn.flush(base));
        out.push({ ...base, kind: "republished", before: null, after: null, reason: null });
      }
      continue;
    }
    // Before the first publication, everything is the desk's.
    if (!everPublished) continue;
    if (event.kind === "unpublished") {
      if (published) out.push({ ...base, kind: "unpublished", before: null, after: null, reason: null });
      published = false;
      continue;
    }

    const before = parse(event.before);
    const after = parse(event.after);

    if (STATUS_KINDS.has(event.kind)) {
      const kind = event.kind as "status-changed" | "corrected" | "updated";
      // Corrections and updates are written for readers: they are shown when made, even while
      // the claim is withdrawn (its correction note is on the page when it returns).
      if (published || kind !== "status-changed") {
        // Made while withdrawn, it starts from what readers last saw, not from a reason
        // revised out of their sight in between.
        const b = published ? pick(before, STATUS_FIELDS) : { ...pick(before, STATUS_FIELDS), ...withdrawn.takeBefore(["status", "statusReason"]) };
        out.push({ ...base, kind, before: orNull(b), after: orNull(pick(after, STATUS_FIELDS)), reason: event.reason });
      } else withdrawn.addFields(before, after, ["status", "statusReason"]);
      continue;
    }
    if (event.kind === "edited") {
      if (published) {
        const b = pick(before, CLAIM_FIELDS);
        const a = pick(after, CLAIM_FIELDS);
        // An edit of ids alone (claimantId with no name, say) shows nothing readers could read.
        if (Object.keys(a).length > 0 || Object.keys(b).length > 0) out.push({ ...base, kind: "edited", before: orNull(b), after: orNull(a), reason: null });
      } else withdrawn.addFields(before, after, CLAIM_FIELDS);
      continue;
    }
    if (LINK_KINDS.has(event.kind)) {
      const b = withSourceTitle(before, options.sourceTitles);
      const a = withSourceTitle(after, options.sourceTitles);
      if (published) {
        const kind = event.kind as "linked" | "link-edited" | "unlinked";
        out.push({ ...base, kind, before: orNull(pick(b, LINK_FIELDS)), after: orNull(pick(a, LINK_FIELDS)), reason: null });
      } else withdrawn.addLink(event.kind, b, a);
      continue;
    }
    if (event.kind === "source-edited" && published) {
      const b = pick(before, SOURCE_FIELDS);
      const a = pick(after, SOURCE_FIELDS);
      // Only its captured text changed: nothing readers see of the source.
      if (Object.keys(a).some((f) => f !== "source")) out.push({ ...base, kind: "source-edited", before: orNull(b), after: orNull(a), reason: null });
      continue;
    }
    // created, assigned, annotated, annotation-edited, annotation-deleted, and any kind this
    // list does not know: the desk's alone.
  }
  return out;
}

/** The source ids that link events name, to look their titles up for publicHistory. */
export function linkedSourceIds(events: readonly Pick<RecordedEvent, "kind" | "before" | "after">[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    if (!LINK_KINDS.has(event.kind)) continue;
    for (const values of [parse(event.before), parse(event.after)]) if (typeof values.sourceId === "string") ids.add(values.sourceId);
  }
  return [...ids];
}
