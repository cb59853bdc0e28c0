import type { Metadata } from "next";
import { FinderView } from "@/components/finder/finder-view";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "Claim finder" };

/** A source's claim finder, for each request; from the second of a person's, often from their copy (ADR 041). */
export default async function ClaimFinderPage({ params, searchParams }: PageProps<"/desk/sources/[id]/finder">) {
  const { id } = await params;
  const asked = (await searchParams).page;
  await requirePageUser("source:edit", `/desk/sources/${id}/finder`);
  return <FinderView sourceId={id} asked={asked} />;
}
