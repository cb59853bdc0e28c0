import { db } from "@/lib/db";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { AppError, ConflictError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/session";
import type { SourceFormInput } from "@/lib/validation/source";

function columns(input: SourceFormInput) {
  return {
    title: input.title,
    publisher: input.publisher,
    author: input.author,
    url: input.url,
    kind: input.kind,
    publishedAt: input.publishedAt?.date ?? null,
    publishedAtPrecision: input.publishedAt?.precision ?? "day",
    archivedUrl: input.archivedUrl,
    description: input.description ?? "",
    capturedText: input.capturedText,
  };
}

// Sources belong to no single claim, so their edits are not in a claim's history; the links
// that use them are.
export async function createSource(_actor: CurrentUser, input: SourceFormInput): Promise<{ id: string }> {
  return db.source.create({ data: columns(input), select: { id: true } });
}

export async function updateSource(_actor: CurrentUser, id: string, input: SourceFormInput & { version: number }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.source.updateMany({
      where: { id, version: input.version },
      data: { ...columns(input), version: { increment: 1 } },
    });
    if (count === 1) return;
    const now = await tx.source.findUnique({
      where: { id },
      select: { title: true, publisher: true, url: true, publishedAt: true, publishedAtPrecision: true, version: true },
    });
    if (!now) throw new AppError("not_found", "That source no longer exists.");
    throw new ConflictError("Someone else saved this source after you opened it, so your change was not saved. Here is what is saved now.", {
      Title: now.title,
      Publisher: now.publisher ?? "",
      "Web address": now.url ?? "",
      Date: formatPartialDate(now.publishedAt, now.publishedAtPrecision) ?? "",
      Version: String(now.version),
    }, now.version);
  });
}
