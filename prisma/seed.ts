/**
 * Seeds the Microsoft–ICE story. Run as a script (`npm run db:seed`, `prisma db seed`) it seeds
 * the database at DATABASE_URL; tests call `seedDatabase` with their own client.
 *
 * Create-only and idempotent: every row has a fixed id, and a row that already exists is left
 * as it is, because an editor may have changed it since the last seed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Prisma, PrismaClient } from "../lib/generated/prisma/client";
import {
  ARTICLE_FILE,
  annotations,
  claimants,
  claims,
  researchDesk,
  sources,
  story,
  type SeedClaim,
} from "./seed-data/microsoft-ice";

export const ARTICLE_PATH = path.join(import.meta.dirname, "seed-data", ARTICLE_FILE);

const IMPORT_REASON = "Imported from the seed story";

export async function seedDatabase(db: PrismaClient): Promise<{ created: number }> {
  const articleText = readFileSync(ARTICLE_PATH, "utf8");
  const now = new Date();

  // One transaction: a seed that fails half-way leaves nothing behind.
  return db.$transaction(async (tx) => {
    let created = 0;

    // Matched by email too: the address is unique, and a desk account may already exist.
    let desk = await tx.user.findFirst({
      where: { OR: [{ id: researchDesk.id }, { email: researchDesk.email }] },
      select: { id: true },
    });
    if (!desk) {
      desk = await tx.user.create({ data: researchDesk, select: { id: true } });
      created++;
    }

    // Matched by slug too, which is unique: claims then join whichever story holds it.
    let storyRow = await tx.story.findFirst({
      where: { OR: [{ id: story.id }, { slug: story.slug }] },
      select: { id: true },
    });
    if (!storyRow) {
      storyRow = await tx.story.create({ data: story, select: { id: true } });
      created++;
    }

    for (const claimant of claimants) {
      if (await tx.claimant.findUnique({ where: { id: claimant.id }, select: { id: true } })) continue;
      await tx.claimant.create({ data: claimant });
      created++;
    }

    for (const { capturesArticle, ...source } of sources) {
      if (await tx.source.findUnique({ where: { id: source.id }, select: { id: true } })) continue;
      await tx.source.create({
        data: { ...source, capturedText: capturesArticle ? articleText : null },
      });
      created++;
    }

    for (const [index, claim] of claims.entries()) {
      // A claim that exists is skipped with everything under it: its links and notes may have
      // been edited or removed on purpose since, and its history has already begun.
      if (await tx.claim.findUnique({ where: { id: claim.id }, select: { id: true } })) continue;
      // A millisecond apart, in the article's order: the story lists its claims by creation.
      const at = new Date(now.getTime() + index);
      created += await createClaim(tx, claim, { storyId: storyRow.id, actorId: desk.id, now: at });
    }

    return { created };
  });
}

/** One claim with its links, notes and history; returns the number of rows written. */
async function createClaim(
  tx: Prisma.TransactionClient,
  { links, ...claim }: SeedClaim,
  { storyId, actorId, now }: { storyId: string; actorId: string; now: Date },
): Promise<number> {
  const row = await tx.claim.create({
    data: { ...claim, storyId, publishedAt: now, createdAt: now },
    select: {
      text: true,
      summary: true,
      claimantId: true,
      storyId: true,
      claimDate: true,
      claimDatePrecision: true,
      status: true,
      statusReason: true,
    },
  });

  for (const link of links) {
    await tx.claimSource.create({
      data: { ...link, id: `${claim.id}--${link.sourceId}`, claimId: claim.id, createdAt: now },
    });
  }

  const notes = annotations.filter((a) => a.claimId === claim.id);
  for (const note of notes) {
    await tx.annotation.create({ data: { ...note, authorId: actorId, createdAt: now } });
  }

  // Both events share a timestamp; their ids ("--created" < "--published") keep the order.
  await tx.claimEvent.createMany({
    data: [
      {
        id: `${claim.id}--created`,
        claimId: claim.id,
        actorId,
        kind: "created",
        after: JSON.stringify(row),
        reason: IMPORT_REASON,
        createdAt: now,
      },
      {
        id: `${claim.id}--published`,
        claimId: claim.id,
        actorId,
        kind: "published",
        before: JSON.stringify({ publishedAt: null }),
        after: JSON.stringify({ publishedAt: now }),
        reason: IMPORT_REASON,
        createdAt: now,
      },
    ],
  });

  return 1 + links.length + notes.length + 2;
}

async function main(): Promise<void> {
  // Imported only here: loading lib/db builds the app's client from DATABASE_URL, which a test
  // that imports seedDatabase with its own client must not do.
  const { db } = await import("../lib/db");
  try {
    const { created } = await seedDatabase(db);
    console.log(created === 0 ? "Seed: nothing to add." : `Seed: created ${created} rows.`);
  } finally {
    await db.$disconnect();
  }
}

const isScript =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isScript) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
