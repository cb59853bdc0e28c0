import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ClaimList } from "@/components/claims/claim-list";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { getClaimant } from "@/lib/data/claimants";
import { listClaims } from "@/lib/data/claims";
import { claimantKindLabel } from "@/lib/domain/claimant-kind";
import { DEFAULT_PAGE_SIZE } from "@/lib/validation/claim-query";
import { isRecordId } from "@/lib/validation/record-id";
import { EditOnDesk, mayEditOnDesk } from "@/components/desk/edit-on-desk";
import { NOT_FOUND_METADATA } from "@/lib/not-found-metadata";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

const loadClaimant = cache(async (id: string) => (isRecordId(id) ? getClaimant(id) : null));

export async function generateMetadata({ params }: PageProps<"/claimants/[id]">): Promise<Metadata> {
  const claimant = await loadClaimant((await params).id);
  return claimant ? { title: claimant.name } : NOT_FOUND_METADATA;
}

export default async function ClaimantPage({ params }: PageProps<"/claimants/[id]">) {
  const { id } = await params;
  await dependOn([tag.claimant(id), tag.claimantClaims(id)]);
  const claimant = await loadClaimant(id);
  if (!claimant) notFound();
  const mayEdit = await mayEditOnDesk("claimant:edit");
  const filters = { claimant: claimant.id };
  const page = await listClaims(filters, { limit: DEFAULT_PAGE_SIZE, cursor: null });
  await dependOn(page.items.map((claim) => tag.story(claim.story.id)));

  return (
    <>
      <EditOnDesk href={`/desk/claimants/${claimant.id}/edit`} show={mayEdit}>
        Edit this claimant on the desk
      </EditOnDesk>
      <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-700">
        Claimant · {claimantKindLabel(claimant.kind)}
      </p>
      <h1 className="font-serif text-3xl font-bold">{claimant.name}</h1>
      {claimant.description ? <p className="mt-3 whitespace-pre-line">{claimant.description}</p> : null}
      {claimant.url ? (
        <p className="mt-2 text-sm">
          <a href={claimant.url} className="break-all text-blue-800 underline" rel="noopener noreferrer">
            {claimant.url}
          </a>
        </p>
      ) : null}
      <p className="no-print mt-4 text-sm">
        <Link href={`/claims?claimant=${claimant.id}`} className="text-blue-800 underline">
          Filter the claims list by this claimant
        </Link>{" "}
        (with a status, a story or words)
      </p>
      <div className="mt-8">
        <ClaimList page={page} filters={filters} />
      </div>
    </>
  );
}
