import type { ExportClaim, ExportLink } from "@/lib/export-types";
import { quoted } from "@/lib/text";
import {
  claimAnchor,
  claimCountLabel,
  correctionLabel,
  formatReportDate,
  publicationLine,
  relationLabel,
  saidByLine,
  sourceHref,
  sourceMetaLine,
  statusCounts,
  statusLabel,
  statusReasonText,
  type Report,
} from "@/lib/report/model";

/** An address as visible text, and a link only when it is a web address we may send people to. */
function Address({ url }: { url: string }) {
  const href = sourceHref(url);
  return href ? (
    <a href={href} className="break-all text-blue-800 underline" rel="noopener noreferrer">
      {url}
    </a>
  ) : (
    <span className="break-all">{url}</span>
  );
}

function ReportSource({ link }: { link: ExportLink }) {
  const meta = sourceMetaLine(link.source);
  return (
    <li className="break-inside-avoid rounded border border-stone-300 bg-white p-4 print:rounded-none print:border-0 print:border-l-2 print:border-black print:p-0 print:pl-3">
      <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">{relationLabel(link.relation)}</p>
      <p className="mt-1 font-semibold">
        <cite className="not-italic">{link.source.title}</cite>
      </p>
      {meta ? <p className="text-sm text-stone-700">{meta}</p> : null}
      <p className="mt-1 text-sm">
        {link.source.url ? (
          <Address url={link.source.url} />
        ) : (
          <span className="text-stone-700">No link recorded: we hold no address for this source.</span>
        )}
      </p>
      {link.source.archivedUrl ? (
        <p className="text-sm">
          Archived copy: <Address url={link.source.archivedUrl} />
        </p>
      ) : null}
      {link.quote ? (
        <blockquote className="mt-2 whitespace-pre-line border-l-4 border-stone-400 pl-3 print:border-black">
          <p>{quoted(link.quote)}</p>
        </blockquote>
      ) : null}
      {link.note ? <p className="mt-2 text-sm text-stone-800">Note: {link.note}</p> : null}
    </li>
  );
}

function ReportClaim({ claim }: { claim: ExportClaim }) {
  const anchor = claimAnchor(claim);
  return (
    <article
      id={anchor}
      aria-labelledby={`${anchor}-heading`}
      className="mt-6 scroll-mt-4 rounded border border-stone-300 bg-white p-5 print:mt-8 print:break-inside-avoid print:rounded-none print:border-0 print:border-t print:border-black print:p-0 print:pt-4"
    >
      <h3 id={`${anchor}-heading`} className="font-serif text-2xl font-bold leading-tight print:break-after-avoid">
        {claim.summary}
      </h3>
      <blockquote className="mt-3 border-l-4 border-blue-800 bg-stone-50 p-3 font-serif text-lg print:border-black print:bg-transparent">
        <p className="whitespace-pre-line">{quoted(claim.text)}</p>
      </blockquote>
      <p className="mt-2 text-sm text-stone-800">{saidByLine(claim)}.</p>

      <p className="mt-4 font-semibold">Our rating: {statusLabel(claim.status)}</p>
      <p className="mt-1 whitespace-pre-line">{statusReasonText(claim)}</p>
      <p className="mt-2 text-sm text-stone-700">{publicationLine(claim)}.</p>

      {claim.corrections.length > 0 ? (
        <section aria-labelledby={`${anchor}-corrections`} className="mt-4">
          <h4 id={`${anchor}-corrections`} className="font-semibold print:break-after-avoid">
            Corrections
          </h4>
          <ol className="mt-2 space-y-2">
            {claim.corrections.map((correction) => (
              <li key={correction.id} className="break-inside-avoid border-l-2 border-stone-400 pl-3 print:border-black">
                <p className="text-sm font-semibold">
                  <time dateTime={correction.createdAt.toISOString()}>{formatReportDate(correction.createdAt)}</time>:{" "}
                  {correctionLabel(correction)}
                </p>
                <p className="whitespace-pre-line text-sm">{correction.note}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby={`${anchor}-sources`} className="mt-4">
        <h4 id={`${anchor}-sources`} className="font-semibold print:break-after-avoid">
          Sources ({claim.links.length})
        </h4>
        {claim.links.length === 0 ? (
          <p className="mt-1 text-stone-700">No source is linked to this claim yet.</p>
        ) : (
          <ul className="mt-2 space-y-3">
            {claim.links.map((link) => (
              <ReportSource key={link.id} link={link} />
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

/**
 * The report as print-ready HTML, with the same content as the PDF (lib/report/pdf.tsx): a
 * server component, no client script, no inline styles (the CSP allows stylesheets only).
 * Printed, it drops colour and card chrome: every descendant's text goes black.
 */
export function ReportView({ report }: { report: Report }) {
  const counts = statusCounts(report.claims);
  return (
    <div className="text-stone-900 print:text-black print:**:text-black print:**:shadow-none">
      <header className="border-b border-stone-300 pb-4 print:border-black">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">{report.organisation.name}</p>
        <h1 className="mt-1 font-serif text-3xl font-bold leading-tight">{report.title}</h1>
        <p className="mt-2">{report.scope}</p>
        <p className="mt-1 text-sm text-stone-700">
          Generated <time dateTime={report.generatedAt.toISOString()}>{formatReportDate(report.generatedAt)}</time>
        </p>
      </header>

      <section aria-labelledby="report-summary" className="mt-6">
        <h2 id="report-summary" className="text-xl font-semibold">
          Summary
        </h2>
        {report.claims.length === 0 ? (
          <p className="mt-2 text-stone-700">No claim matches these filters.</p>
        ) : (
          <>
            <p className="mt-2">{claimCountLabel(report.claims.length)} in this report.</p>
            <dl className="mt-2 grid w-fit grid-cols-[auto_auto] gap-x-6 gap-y-1">
              {counts.map((count) => (
                <div key={count.status} className="contents">
                  <dt>{count.label}</dt>
                  <dd className="text-right tabular-nums">{count.count}</dd>
                </div>
              ))}
            </dl>
            <table className="mt-4 w-full border-collapse bg-white text-left text-sm print:bg-transparent">
              <caption className="mb-2 text-left font-semibold">Claims in this report, with who made them and our rating</caption>
              <thead>
                <tr className="border-b-2 border-stone-800 print:border-black">
                  <th scope="col" className="py-2 pr-3">
                    Claim
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Claimant
                  </th>
                  <th scope="col" className="py-2">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.claims.map((claim) => (
                  <tr key={claim.id} className="break-inside-avoid border-b border-stone-300 align-top print:border-stone-500">
                    <td className="py-2 pr-3">
                      <a href={`#${claimAnchor(claim)}`} className="text-blue-800 underline">
                        {claim.summary}
                      </a>
                    </td>
                    <td className="py-2 pr-3">{claim.claimant.name}</td>
                    <td className="py-2">{statusLabel(claim.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {report.claims.length > 0 ? (
        <section aria-labelledby="report-claims" className="mt-8">
          <h2 id="report-claims" className="text-xl font-semibold print:break-after-avoid">
            Claims
          </h2>
          {report.claims.map((claim) => (
            <ReportClaim key={claim.id} claim={claim} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
