import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/desk/print-button";
import { ReportView } from "@/components/report/report-view";
import { loadReport } from "@/lib/api/exports";
import { AppError } from "@/lib/errors";
import { PDF_MAX_CLAIMS } from "@/lib/report/model";
import { requirePageUser } from "@/lib/session";
import { toSearchParams } from "@/lib/validation/claim-query";
import { exportQueryString, parseExportQuery } from "@/lib/validation/export-query";

export const metadata: Metadata = { title: "Report" };

/** The printable report: the same content as the PDF, as a page to print from the browser. */
export default async function ReportPage({ searchParams }: PageProps<"/desk/export/report">) {
  await requirePageUser("export:run", "/desk/export/report");
  const parsed = parseExportQuery(toSearchParams(await searchParams), "editor");
  let problem: string | null = parsed.ok ? null : parsed.message;
  let report = null;
  if (parsed.ok) {
    try {
      report = await loadReport(parsed.query, "page");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.message;
    }
  }
  if (!parsed.ok || !report) {
    return (
      <>
        <h1 className="mb-4 font-serif text-3xl font-bold">Report</h1>
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">This report cannot be made.</p>
          <p className="mt-1">{problem}</p>
          <p className="mt-2">
            <Link href="/desk/export" className="text-blue-800 underline">
              Back to export
            </Link>
          </p>
        </div>
      </>
    );
  }
  return (
    <>
      <div className="no-print mb-6 flex flex-wrap items-center gap-3">
        <PrintButton />
        {report.claims.length <= PDF_MAX_CLAIMS ? (
          <a href={`/api/exports${exportQueryString(parsed.query.filters, { format: "pdf" })}`} className="text-blue-800 underline">
            Download as PDF
          </a>
        ) : (
          <span className="text-sm text-stone-700">A PDF holds at most {PDF_MAX_CLAIMS} claims: print this page, or narrow the filters.</span>
        )}
        <Link href={`/desk/export${exportQueryString(parsed.query.filters)}`} className="text-blue-800 underline">
          Change the filters
        </Link>
      </div>
      <ReportView report={report} />
    </>
  );
}
