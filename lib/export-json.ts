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
 * refers to; only their ids are kept while the claims stream.
 */
export const EXPORT_JSON_FORMAT = "factline-export";
export const EXPORT_JSON_VERSION = 1;

export interface ExportJsonMeta {
  generatedAt: Date;
  /** "open-data": published claims, no annotations or history; "editor": may hold drafts and both. */
  scope: "open-data" | "editor";
  organisation: Organisation;
  filters: Record<string, unknown>;
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
    corrections: claim.corrections.map((c) => ({
      id: c.id,
      date: c.createdAt.toISOString(),
      previousStatus: c.previousStatus,
      newStatus: c.newStatus,
      note: c.note,
    })),
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

async function* list(name: string, values: Iterable<unknown>, last: boolean): AsyncGenerator<string> {
  yield `  ${JSON.stringify(name)}: [`;
  let first = true;
  for (const value of values) {
    yield `${first ? "\n" : ",\n"}${item(value)}`;
    first = false;
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

  const claimants = new Map<string, ExportClaim["claimant"]>();
  const sources = new Map<string, ExportSource>();
  const stories = new Map<string, ExportClaim["story"] & { url: string }>();
  let first = true;
  for await (const page of pages) {
    let chunk = "";
    for (const claim of page) {
      chunk += `${first ? "\n" : ",\n"}${item(claimJson(claim))}`;
      first = false;
      claimants.set(claim.claimant.id, claim.claimant);
      stories.set(claim.story.id, { ...claim.story, url: new URL(`/stories/${encodeURIComponent(claim.story.slug)}`, claim.url).toString() });
      for (const link of claim.links) sources.set(link.source.id, link.source);
    }
    if (chunk) yield chunk;
  }
  yield `${first ? "" : "\n  "}],\n`;
  yield* list("claimants", claimants.values(), false);
  yield* list("sources", sources.values(), false);
  yield* list("stories", stories.values(), true);
  yield "}\n";
}
