import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ExportForm, type ExportFormValues } from "@/components/desk/export-form";
import { FocusOnProblem } from "@/components/forms/focus-on-problem";
import { reportRefusal } from "@/lib/api/exports";
import { countExportClaims, explainEmptyClaimReview, getExportOptions, getFilterNames } from "@/lib/data/exports";
import { requirePageUser } from "@/lib/session";
import { toSearchParams } from "@/lib/validation/claim-query";
import { exportQueryString, parseExportQuery } from "@/lib/validation/export-query";

export const metadata: Metadata = { title: "Export" };

// The fields the form marks; a problem with anything else (a hand-edited layout or format in
// the URL) is said at the top of the form.
const FIELD_LABEL: Record<string, string> = {
  story: "Story",
  claimant: "Claimant",
  status: "Statuses",
  from: "Claims dated from",
  to: "Claims dated up to",
  publication: "Publication",
};

function valuesOf(params: URLSearchParams): ExportFormValues {
  return {
    story: params.get("story") ?? "",
    claimant: params.get("claimant") ?? "",
    statuses: params.getAll("status"),
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
    publication: params.get("publication") ?? "all",
    layout: params.get("layout") ?? "claims",
    bom: params.get("bom") === "1",
  };
}

/**
 * The editors' export page. Choosing a format submits the filters here first: a mistake is
 * shown beside its field with everything as typed, and good filters go on to the download
 * (or the printable report) by redirect.
 */
export default async function ExportPage({ searchParams }: PageProps<"/desk/export">) {
  await requirePageUser("export:run", "/desk/export");
  const params = toSearchParams(await searchParams);
  const format = params.get("format");
  const errors: Record<string, string[]> = {};
  let formError: string | null = null;
  let leftOut: Awaited<ReturnType<typeof explainEmptyClaimReview>> = null;

  if (format) {
    const query = new URLSearchParams(params);
    if (format === "report") query.delete("format");
    const parsed = parseExportQuery(query, "editor");
    const names = parsed.ok ? await getFilterNames(parsed.query.filters) : null;
    if (!parsed.ok) {
      const label = FIELD_LABEL[parsed.field];
      if (label) errors[parsed.field] = [parsed.formMessage ?? parsed.message.replace(/^Parameter "[^"]+"/, label)];
      else formError = parsed.message;
    } else if ((parsed.query.filters.story && !names?.story) || (parsed.query.filters.claimant && !names?.claimant)) {
      // An id that names nothing (an address edited by hand, a bookmark from another install)
      // would export an empty file that looks like a story with no claims.
      if (parsed.query.filters.story && !names?.story) errors.story = [`No story has the id “${parsed.query.filters.story}”: choose one from the menu.`];
      if (parsed.query.filters.claimant && !names?.claimant) errors.claimant = [`No claimant has the id “${parsed.query.filters.claimant}”: choose one from the menu.`];
    } else if (format === "pdf" || format === "report") {
      formError = reportRefusal(await countExportClaims(parsed.query.filters), format === "pdf" ? "pdf" : "page");
    } else if (format === "claimreview") {
      // An empty file explains nothing: say which claims were left out, and why.
      leftOut = await explainEmptyClaimReview(parsed.query.filters);
      if (leftOut) {
        formError =
          leftOut.matched === 0
            ? "No claim matches these filters, so there is no ClaimReview to export. Widen the filters."
            : leftOut.matched === 1
              ? "The one claim matching these filters has no published verdict, so there is no ClaimReview to export."
              : `None of the ${leftOut.matched.toLocaleString("en")} claims matching these filters has a published verdict, so there is no ClaimReview to export.`;
      }
    }
    if (parsed.ok && !formError && Object.keys(errors).length === 0) {
      redirect(format === "report" ? `/desk/export/report${exportQueryString(parsed.query.filters)}` : `/api/exports?${query.toString()}`);
    }
  }

  const { stories, claimants } = await getExportOptions();
  const hasErrors = formError !== null || Object.keys(errors).length > 0;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Export</h1>
      <p className="mb-6 max-w-prose text-stone-800">
        Choose the claims, then a format: a spreadsheet (CSV), the full record as JSON (with reviewers’ notes and
        history), schema.org ClaimReview markup for partners and fact-check databases (published verdicts only), or a
        report to print or send as PDF. Readers can download published claims without signing in from the{" "}
        <Link href="/open-data" className="text-blue-800 underline">
          open data
        </Link>{" "}
        page.
      </p>
      {hasErrors ? (
        <div role="alert" tabIndex={-1} data-problem className="mb-6 rounded border border-red-300 bg-red-50 p-4 text-red-900">
          <FocusOnProblem formId="export-form" />
          <p className="font-semibold">Nothing was exported.</p>
          <p className="mt-1">{formError ?? "Please correct the fields marked below."}</p>
          {leftOut && leftOut.claims.length > 0 ? (
            <>
              <p className="mt-2">{leftOut.matched > leftOut.claims.length ? `The first ${leftOut.claims.length} of them:` : "Left out:"}</p>
              <ul className="mt-1 list-disc pl-6">
                {leftOut.claims.map((claim) => (
                  <li key={claim.id}>
                    <Link href={`/desk/claims/${claim.id}`} className="text-red-950 underline">
                      {claim.summary}
                    </Link>
                    : {claim.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <ExportForm values={valuesOf(params)} errors={errors} stories={stories} claimants={claimants} />
    </>
  );
}
