import { STATUS_INFO } from "@/lib/domain/status";
import type { ExportClaim, ExportSource, Organisation } from "@/lib/export-types";

/**
 * The JSON export: one document, written claim by claim so its size is not bounded by memory.
 * Its shape is versioned (`format`, `version`) and documented in docs/exports.md; a change
 * that could break a reader's parser bumps the version.
 *
 *   { format, version, generatedAt, scope, organisation, filters,
 *     claims: [{ ..., claimantId, storyId, links: [{ sourceId, ... }], corrections,
 *                annotations?, history? }],
 *     claimants: [...], sources: [...], stories: [...] }
 *
 * Claimants, sources and stories are listed once each after the claims, for every one a claim
 * refers to: only their ids are kept while the claims stream, and the records are read back
 * REFERENCE_BATCH ids at a time through `references`, so memory holds ids, not records.
 */
export const EXPORT_JSON_FORMAT = "factline-export";
export const EXPORT_JSON_VERSION = 1;

export interface ExportJsonMeta {
  generatedAt: Date;
  /** "open-data": published claims, no annotations or history; "editor": may hold drafts and both. */
  scope: "open-data" | "editor";
  organisation: Organisation;
  filters: Record<string, unknown>;
  references: ExportReferences;
}

/** Reads the records the claims refer to, by id (lib/data/exports.ts reads them from the database). */
export interface ExportReferences {
  claimants(ids: string[]): Promise<ExportClaim["claimant"][]>;
  sources(ids: string[]): Promise<ExportSource[]>;
  stories(ids: string[]): Promise<(ExportClaim["story"] & { url: string })[]>;
}

export const REFERENCE_BATCH = 500;

/** A correction as every JSON answer writes it (exports, open data, the claim API). */
export function correctionJson(c: { id: string; createdAt: Date; previousStatus: string; newStatus: string; note: string }) {
  return { id: c.id, date: c.createdAt.toISOString(), previousStatus: c.previousStatus, newStatus: c.newStatus, note: c.note };
}

function claimJson(claim: ExportClaim) {
  return {
    id: claim.id,
    url: claim.url,
    summary: claim.summary,
    text: claim.text,
    status: claim.status,
    statusLabel: STATUS_INFO[claim.status].label,
    statusReason: claim.statusReason,
    claimDate: claim.claimDate,
    claimantId: claim.claimant.id,
    storyId: claim.story.id,
    publishedAt: claim.publishedAt?.toISOString() ?? null,
    updatedAt: claim.updatedAt.toISOString(),
    links: claim.links.map((link) => ({
      id: link.id,
      sourceId: link.source.id,
      relation: link.relation,
      quote: link.quote,
      quotePrefix: link.quotePrefix,
      quoteSuffix: link.quoteSuffix,
      note: link.note,
    })),
    corrections: claim.corrections.map(correctionJson),
    ...(claim.internals
      ? {
          annotations: claim.internals.annotations.map((a) => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() })),
          history: claim.internals.history.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
        }
      : {}),
  };
}

/** Indents a JSON value by one level, so the streamed document reads like JSON.stringify(doc, null, 2). */
function item(value: unknown): string {
  return `    ${JSON.stringify(value, null, 2).replace(/\n/g, "\n    ")}`;
}

/** One list of referenced records, read a batch of ids at a time, in the order first referred to. */
async function* list<T extends { id: string }>(name: string, ids: Set<string>, read: (ids: string[]) => Promise<T[]>, last: boolean): AsyncGenerator<string> {
  yield `  ${JSON.stringify(name)}: [`;
  let first = true;
  const all = [...ids];
  for (let start = 0; start < all.length; start += REFERENCE_BATCH) {
    const batch = all.slice(start, start + REFERENCE_BATCH);
    const byId = new Map((await read(batch)).map((record) => [record.id, record]));
    let chunk = "";
    for (const id of batch) {
      const record = byId.get(id);
      if (!record) continue;
      chunk += `${first ? "\n" : ",\n"}${item(record)}`;
      first = false;
    }
    if (chunk) yield chunk;
  }
  yield `${first ? "" : "\n  "}]${last ? "\n" : ",\n"}`;
}

export async function* exportJsonChunks(pages: AsyncIterable<ExportClaim[]>, meta: ExportJsonMeta): AsyncGenerator<string> {
  const head = {
    format: EXPORT_JSON_FORMAT,
    version: EXPORT_JSON_VERSION,
    generatedAt: meta.generatedAt.toISOString(),
    scope: meta.scope,
    organisation: meta.organisation,
    filters: meta.filters,
  };
  const headText = JSON.stringify(head, null, 2);
  yield `${headText.slice(0, -2)},\n  "claims": [`;

  const claimants = new Set<string>();
  const sources = new Set<string>();
  const stories = new Set<string>();
  let first = true;
  for await (const page of pages) {
    let chunk = "";
    for (const claim of page) {
      chunk += `${first ? "\n" : ",\n"}${item(claimJson(claim))}`;
      first = false;
      claimants.add(claim.claimant.id);
      stories.add(claim.story.id);
      for (const link of claim.links) sources.add(link.source.id);
    }
    if (chunk) yield chunk;
  }
  yield `${first ? "" : "\n  "}],\n`;
  const { references } = meta;
  yield* list("claimants", claimants, (ids) => references.claimants(ids), false);
  yield* list("sources", sources, (ids) => references.sources(ids), false);
  yield* list("stories", stories, (ids) => references.stories(ids), true);
  yield "}\n";
}
