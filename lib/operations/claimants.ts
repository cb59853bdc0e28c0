import { db } from "@/lib/db";
import { AppError, ConflictError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/session";
import type { ClaimantEditInput } from "@/lib/validation/claimant";

export async function updateClaimant(_actor: CurrentUser, id: string, input: ClaimantEditInput): Promise<void> {
  const { version, ...fields } = input;
  await db.$transaction(async (tx) => {
    const { count } = await tx.claimant.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 1) return;
    const now = await tx.claimant.findUnique({ where: { id }, select: { name: true, kind: true, url: true, version: true } });
    if (!now) throw new AppError("not_found", "That claimant no longer exists.");
    throw new ConflictError(
      "Someone else saved this claimant after you opened it, so your change was not saved. Here is what is saved now.",
      { Name: now.name, Kind: now.kind, "Web address": now.url ?? "" },
      now.version,
    );
  });
}
