import { SelectField, TextField } from "@/components/forms/fields";
import { CLAIM_STATUSES, STATUS_INFO } from "@/lib/domain/status";
import { CSV_LAYOUTS, type CsvLayout } from "@/lib/csv";
import { PUBLICATION_LABEL, PUBLICATION_SCOPES } from "@/lib/validation/export-query";

const LAYOUT_LABEL: Record<CsvLayout, string> = {
  claims: "One row per claim",
  links: "One row per claim–source link, with its quote",
};


/** What the form shows: the values sent (as typed, so an error loses nothing) and one error per field. */
export interface ExportFormValues {
  story: string;
  claimant: string;
  statuses: string[];
  from: string;
  to: string;
  publication: string;
  layout: string;
  bom: boolean;
}

const buttonClass = "rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900";
const secondaryClass = "rounded border border-blue-800 px-4 py-2 font-medium text-blue-900 hover:bg-blue-50";

/**
 * The export form: a plain GET form, so it works without JavaScript and its URL can be
 * bookmarked. Each format is a submit button sending `format`; the page checks the filters and
 * sends the browser on to the download, or shows what is wrong beside the field.
 */
export function ExportForm({
  values,
  errors,
  stories,
  claimants,
}: {
  values: ExportFormValues;
  errors: Record<string, string[]>;
  stories: { id: string; title: string }[];
  claimants: { id: string; name: string }[];
}) {
  const statusErrorId = errors.status?.length ? "status-error" : undefined;
  const publicationErrorId = errors.publication?.length ? "publication-error" : undefined;
  return (
    <form id="export-form" method="get" action="/desk/export" className="space-y-6" aria-label="Export claims">
      <fieldset className="rounded border border-stone-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Which claims</legend>
        <SelectField
          name="story"
          label="Story"
          placeholder="All stories"
          options={stories.map((s) => ({ value: s.id, label: s.title }))}
          defaultValue={values.story}
          errors={errors.story}
        />
        <SelectField
          name="claimant"
          label="Claimant"
          placeholder="All claimants"
          options={claimants.map((c) => ({ value: c.id, label: c.name }))}
          defaultValue={values.claimant}
          errors={errors.claimant}
        />
        <fieldset className="mb-4" aria-describedby={["status-hint", statusErrorId].filter(Boolean).join(" ")}>
          <legend className="font-medium text-stone-900">Statuses</legend>
          <p id="status-hint" className="text-sm text-stone-700">
            Leave all unticked for every status.
          </p>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {CLAIM_STATUSES.map((status) => (
              <label key={status} className="flex items-center gap-2">
                <input type="checkbox" name="status" value={status} defaultChecked={values.statuses.includes(status)} aria-invalid={statusErrorId ? true : undefined} className="h-4 w-4" />
                {STATUS_INFO[status].label}
              </label>
            ))}
          </div>
          {statusErrorId ? (
            <p id={statusErrorId} className="mt-1 text-sm font-medium text-red-800">
              {errors.status!.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField name="from" type="date" label="Claims dated from" hint="The day the claim was made (YYYY-MM-DD). A claim known only to its month or year is included when that month or year meets the range." defaultValue={values.from} errors={errors.from} />
          <TextField name="to" type="date" label="Claims dated up to" hint="Inclusive. Claims with no known date are left out when either date is set." defaultValue={values.to} errors={errors.to} />
        </div>
        {/* A radio takes no aria-invalid (ARIA); its group does, and the keyboard is taken into it. */}
        <fieldset role="radiogroup" aria-describedby={publicationErrorId} aria-invalid={publicationErrorId ? true : undefined}>
          <legend className="font-medium text-stone-900">Publication</legend>
          {PUBLICATION_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-2">
              <input type="radio" name="publication" value={scope} defaultChecked={values.publication === scope} className="h-4 w-4" />
              {PUBLICATION_LABEL[scope]}
            </label>
          ))}
          {publicationErrorId ? (
            <p id={publicationErrorId} className="mt-1 text-sm font-medium text-red-800">
              {errors.publication!.join(" ")}
            </p>
          ) : null}
        </fieldset>
      </fieldset>

      <fieldset className="rounded border border-stone-300 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Spreadsheet (CSV) options</legend>
        {CSV_LAYOUTS.map((layout) => (
          <label key={layout} className="flex items-center gap-2">
            <input type="radio" name="layout" value={layout} defaultChecked={values.layout === layout} className="h-4 w-4" />
            {LAYOUT_LABEL[layout]}
          </label>
        ))}
        <label className="mt-3 flex items-center gap-2">
          <input type="checkbox" name="bom" value="1" defaultChecked={values.bom} className="h-4 w-4" />
          Add a byte-order mark, so Excel reads accents and non-Latin text correctly
        </label>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <button type="submit" name="format" value="csv" className={buttonClass}>
          Download CSV
        </button>
        <button type="submit" name="format" value="json" className={buttonClass}>
          Download JSON
        </button>
        <button type="submit" name="format" value="claimreview" className={buttonClass}>
          Download ClaimReview (JSON-LD)
        </button>
        <button type="submit" name="format" value="pdf" className={buttonClass}>
          Download PDF report
        </button>
        <button type="submit" name="format" value="report" className={secondaryClass}>
          Open printable report
        </button>
      </div>
    </form>
  );
}
