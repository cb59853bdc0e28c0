import { describe, expect, it } from "vitest";
import { EXPORT_JSON_FORMAT, EXPORT_JSON_VERSION, REFERENCE_BATCH, exportJsonChunks, type ExportReferences } from "@/lib/export-json";
import type { ExportClaim } from "@/lib/export-types";
import { exportClaim, exportLink, exportSource } from "@/lib/testing/fixtures/export-claims";

// Every claim shares one claimant, story and source, so the lists after the claims must hold each once.
const MICROSOFT = { id: "microsoft", name: "Microsoft", kind: "organization" as const, url: null };
const STORY = { id: "story-1", slug: "ice", title: "ICE" };
const GUARDIAN = exportSource({ id: "guardian", title: "The Guardian" });

function claim(id: string, overrides: Partial<ExportClaim> = {}): ExportClaim {
  return exportClaim({
    id,
    summary: `Summary ${id} with "quotes", a comma and </script>`,
    claimant: MICROSOFT,
    story: STORY,
    publishedAt: new Date("2026-01-02T03:04:05Z"),
    links: [exportLink({ relation: "appears-in", source: GUARDIAN })],
    ...overrides,
  });
}

/** References read from the claims themselves, recording each batch of ids asked for. */
function referencesOf(pages: ExportClaim[][], asked: string[][] = []): ExportReferences {
  const claims = pages.flat();
  const pick = <T extends { id: string }>(all: T[]) => async (ids: string[]) => {
    asked.push(ids);
    return all.filter((r, i) => ids.includes(r.id) && all.findIndex((o) => o.id === r.id) === i);
  };
  return {
    claimants: pick(claims.map((c) => c.claimant)),
    sources: pick(claims.flatMap((c) => c.links.map((l) => l.source))),
    stories: pick(claims.map((c) => ({ ...c.story, url: `https://factline.example/stories/${c.story.slug}` }))),
  };
}

async function render(pages: ExportClaim[][], scope: "editor" | "open-data" = "open-data", references = referencesOf(pages)) {
  async function* source() {
    for (const page of pages) yield page;
  }
  let text = "";
  for await (const chunk of exportJsonChunks(source(), { generatedAt: new Date("2026-11-29T00:00:00Z"), scope, organisation: { name: "Factline", url: "https://factline.example" }, filters: { story: null }, references })) {
    text += chunk;
  }
  return text;
}

describe("exportJsonChunks", () => {
  it("writes one valid, versioned document across pages, listing each claimant, source and story once", async () => {
    const text = await render([[claim("a"), claim("b")], [], [claim("c")]]);
    const doc = JSON.parse(text) as Record<string, unknown> & { claims: { id: string; links: { sourceId: string }[] }[]; sources: { id: string }[]; claimants: unknown[]; stories: { url: string }[] };
    expect(doc).toMatchObject({ format: EXPORT_JSON_FORMAT, version: EXPORT_JSON_VERSION, scope: "open-data", generatedAt: "2026-11-29T00:00:00.000Z" });
    expect(doc.claims.map((c) => c.id)).toEqual(["a", "b", "c"]);
    expect(doc.claims[0]!.links[0]!.sourceId).toBe("guardian");
    expect(doc.sources.map((s) => s.id)).toEqual(["guardian"]);
    expect(doc.claimants).toEqual([{ id: "microsoft", name: "Microsoft", kind: "organization", url: null }]);
    expect(doc.stories).toEqual([{ id: "story-1", slug: "ice", title: "ICE", url: "https://factline.example/stories/ice" }]);
    expect(doc.claims[0]).toMatchObject({ summary: 'Summary a with "quotes", a comma and </script>', statusLabel: "False", publishedAt: "2026-01-02T03:04:05.000Z" });
  });

  it("reads the referenced records back in batches of ids, not from memory", async () => {
    const many = Array.from({ length: REFERENCE_BATCH + 3 }, (_, i) =>
      claim(`c${i}`, { links: [exportLink({ relation: "appears-in", source: exportSource({ id: `s${i}` }) })] }),
    );
    const asked: string[][] = [];
    const doc = JSON.parse(await render([many], "open-data", referencesOf([many], asked))) as { sources: { id: string }[] };
    expect(doc.sources.map((s) => s.id)).toEqual(many.map((_, i) => `s${i}`));
    const sourceBatches = asked.filter((ids) => /^s\d+$/.test(ids[0] ?? ""));
    expect(sourceBatches.map((ids) => ids.length)).toEqual([REFERENCE_BATCH, 3]);
  });

  it("is valid with no claims at all", async () => {
    const doc = JSON.parse(await render([])) as { claims: unknown[]; sources: unknown[] };
    expect(doc.claims).toEqual([]);
    expect(doc.sources).toEqual([]);
  });

  it("carries annotations and history only when the claim has them (editor exports)", async () => {
    const internals = {
      annotations: [{ id: "n1", body: "Ask **Reuters**.", public: false, author: "Rita", createdAt: new Date("2026-01-01T00:00:00Z"), updatedAt: new Date("2026-01-01T00:00:00Z") }],
      history: [{ id: "e1", kind: "created", actor: "Rita", reason: null, before: null, after: { text: "x" }, createdAt: new Date("2026-01-01T00:00:00Z") }],
    };
    const doc = JSON.parse(await render([[claim("a", { internals }), claim("b")]], "editor")) as { claims: Record<string, unknown>[] };
    expect(doc.claims[0]).toMatchObject({ annotations: [{ body: "Ask **Reuters**.", public: false, author: "Rita" }], history: [{ kind: "created", after: { text: "x" } }] });
    expect(doc.claims[1]).not.toHaveProperty("annotations");
    expect(doc.claims[1]).not.toHaveProperty("history");
  });

  it("writes corrections with their dates and both statuses", async () => {
    const corrections = [{ id: "k1", createdAt: new Date("2026-02-01T00:00:00Z"), note: "We were wrong.", previousStatus: "accurate" as const, newStatus: "false" as const }];
    const doc = JSON.parse(await render([[claim("a", { corrections })]])) as { claims: { corrections: unknown[] }[] };
    expect(doc.claims[0]!.corrections).toEqual([{ id: "k1", date: "2026-02-01T00:00:00.000Z", previousStatus: "accurate", newStatus: "false", note: "We were wrong." }]);
  });
});
