import "server-only";
import { createHmac } from "node:crypto";
import type { DeskCopy, DeskCopyPage } from "@/lib/cache/desk-copies";
import { db } from "@/lib/db";
import { isRole } from "@/lib/domain/role";
import { authSecret } from "@/lib/env";
import { can } from "@/lib/permissions";
import { readSessionDirect } from "@/lib/session-direct";

// What proxy.ts reads to name a desk page's copy (docs/decisions/041-desk-copies-with-fresh-nonces.md):
// who is asking, from their session, and a stamp of every record the page shows. A stamp is a
// count, a sum of versions (every edit adds one, whatever the processes' clocks say) and the
// newest updatedAt of each kind of record, so adding, removing or editing any of them gives a
// new stamp and so a new copy. What a page shows that no stamp covers is kept by time instead:
// the insights figures (a minute, ADR 031), and the copies' own `revalidate`.

/**
 * The copy that answers this request: its page, the person as their menu shows them, and the
 * stamp. Null when the page is rendered per request instead: no session this module can read
 * (Better Auth then answers, refreshes or refuses, ADR 033), a disabled account, a role without
 * the page's permission (the page answers 403), or a source that does not exist (404).
 */
export async function deskCopyFor(page: DeskCopyPage, headers: Headers): Promise<DeskCopy | null> {
  const user = await readSessionDirect(headers);
  if (!user || user.banned || !isRole(user.role)) return null;
  if (!can(user.role, page.kind === "insights" ? "insights:view" : "source:edit")) return null;
  const records = page.kind === "insights" ? await storiesStamp() : await finderStamp(page.sourceId);
  if (records === null) return null;
  // The insights' figures are kept a minute (ADR 031): its copy is named by the minute too, so a
  // person coming back later never gets figures older than a minute or two. And a copy is named by
  // the secret its nonce is made with, so a new secret never meets a copy rendered under the old.
  const minute = page.kind === "insights" ? `/${Math.floor(Date.now() / 60_000)}` : "";
  return { ...page, person: { id: user.id, name: user.name, role: user.role }, stamp: `${secretGeneration()}/${records}${minute}` };
}

/** The insights page's story menu and story filter: every story, its title, address and archive. */
export async function storiesStamp(): Promise<string> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT COUNT(*) AS "stories", SUM("version") AS "versions", MAX("updatedAt") AS "updated" FROM "Story"`;
  return stampOf(row!, ["stories", "versions", "updated"]);
}

/**
 * The claim finder's source (its text, date and title), the claimants it guesses from, and the
 * claims quoting the source ("Already recorded", with each claim's summary). Null for no such
 * source. One statement: this is read for every request of the page, before its copy is served.
 */
export async function finderStamp(sourceId: string): Promise<string | null> {
  // The links from their (sourceId, claimId) index, each claim by its key: an aggregate over
  // "claims with a link to the source" would walk every claim (100 ms at 100,000 claims).
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT s."version" AS "sourceVersion", s."updatedAt" AS "sourceUpdated",
      (SELECT COUNT(*) FROM "Claimant") AS "claimants",
      (SELECT SUM("version") FROM "Claimant") AS "claimantVersions",
      (SELECT MAX("updatedAt") FROM "Claimant") AS "claimantUpdated",
      l."links", l."linkVersions", l."linkUpdated", l."claimVersions", l."claimUpdated"
    FROM "Source" s CROSS JOIN (
      SELECT COUNT(*) AS "links", SUM(cs."version") AS "linkVersions", MAX(cs."updatedAt") AS "linkUpdated",
        SUM(c."version") AS "claimVersions", MAX(c."updatedAt") AS "claimUpdated"
      FROM "ClaimSource" cs JOIN "Claim" c ON c."id" = cs."claimId"
      WHERE cs."sourceId" = ${sourceId}
    ) l
    WHERE s."id" = ${sourceId}`;
  if (!row) return null;
  return stampOf(row, ["sourceVersion", "sourceUpdated", "claimants", "claimantVersions", "claimantUpdated", "links", "linkVersions", "linkUpdated", "claimVersions", "claimUpdated"]);
}

/**
 * A row of counts, sums and times as one string. Each engine gives them its own way (a number, a
 * bigint, a Date, a string of digits or of a time): any change to the rows changes how they print.
 */
function stampOf(row: Record<string, unknown>, columns: readonly string[]): string {
  return columns.map((column) => {
    const value = row[column];
    return value instanceof Date ? String(value.getTime()) : String(value ?? 0);
  }).join(":");
}

let secret: string | null = null;
let generation: string | null = null;

/** A name for the secret in use that says nothing of it: part of every copy's key. */
function secretGeneration(): string {
  secret ??= authSecret();
  generation ??= createHmac("sha256", secret).update("desk-copy-generation").digest("base64url").slice(0, 8);
  return generation;
}

/**
 * The nonce a copy is rendered with: the same for every render of that copy (a copy may be
 * rendered again by any request for it), secret to the server, and never sent to a browser,
 * which gets each response's own in its place (lib/http/copy-nonce.mjs).
 */
export function deskCopyNonce(key: string): string {
  secret ??= authSecret();
  return createHmac("sha256", secret).update(`desk-copy-nonce\0${key}`).digest().subarray(0, 16).toString("base64");
}
