import { db } from "@/lib/db";
import { claimantKindLabel } from "@/lib/domain/claimant-kind";
import { AppError, ConflictError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/session";
import type { ClaimantEditInput } from "@/lib/validation/claimant";

/**
 * Saves a claimant's edit made from `version`; refused, with what is saved now in words and in
 * form terms, when someone else saved it since.
 */
export async function updateClaimant(_actor: CurrentUser, id: string, input: ClaimantEditInput): Promise<void> {
  const { version, ...fields } = input;
  await db.$transaction(async (tx) => {
    const { count } = await tx.claimant.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
    if (count === 1) return;
    const now = await tx.claimant.findUnique({ where: { id }, select: { name: true, kind: true, description: true, url: true, version: true } });
    if (!now) throw new AppError("not_found", "That claimant no longer exists.");
    // Every field the form writes, so a second save overwrites nothing unseen: the form takes what
    // is saved now in each field its person left alone (lib/actions/state.ts mergeAfterConflict).
    throw new ConflictError(
      "Someone else saved this claimant after you opened it, so your change was not saved. Here is what is saved now.",
      { Name: now.name, Kind: claimantKindLabel(now.kind), "Short description": now.description, "Web address": now.url ?? "" },
      now.version,
      { name: now.name, kind: now.kind, description: now.description, url: now.url ?? "" },
    );
  });
}
