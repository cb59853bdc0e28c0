import { db } from "@/lib/db";
import { claimantKindLabel } from "@/lib/domain/claimant-kind";
import { AppError, ConflictError, FieldRuleError } from "@/lib/errors";
import { claimantNamed } from "@/lib/operations/claims";
import type { CurrentUser } from "@/lib/session";
import type { ClaimantEditInput } from "@/lib/validation/claimant";

/**
 * Saves a claimant's edit made from `version`; refused, with what is saved now in words and in
 * form terms, when someone else saved it since.
 */
export async function updateClaimant(_actor: CurrentUser, id: string, input: ClaimantEditInput & { sameName?: boolean }): Promise<void> {
  const { version, sameName, ...fields } = input;
  await db.$transaction(async (tx) => {
    // A new name another claimant has is asked about, as adding a claimant of that name is.
    const before = await tx.claimant.findUnique({ where: { id }, select: { name: true } });
    const renamed = before !== null && before.name.trim().toLowerCase() !== fields.name.trim().toLowerCase();
    const named = renamed && !sameName ? await claimantNamed(tx, fields.name, id) : null;
    if (named) {
      throw new FieldRuleError(
        "sameName",
        `Another claimant is named “${named.name}” already. If they are the same, record the claims under one of them; if not, tick this box to keep this name for both.`,
      );
    }
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
