import type { Metadata } from "next";
import { SourceForm } from "@/components/desk/source-form";
import { requirePageUser } from "@/lib/session";
import { isRecordId } from "@/lib/validation/record-id";

export const metadata: Metadata = { title: "New source" };

export default async function NewSourcePage({ searchParams }: PageProps<"/desk/sources/new">) {
  await requirePageUser("source:create", "/desk/sources/new");
  const { claim } = await searchParams;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Add a source</h1>
      <SourceForm returnToClaim={typeof claim === "string" && isRecordId(claim) ? claim : undefined} />
    </>
  );
}
