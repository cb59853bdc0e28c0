import Link from "next/link";
import { CLAIM_STATUSES, STATUS_INFO } from "@/lib/domain/status";
import type { ClaimFilters as Filters } from "@/lib/validation/claim-query";
import { MAX_QUERY_LENGTH } from "@/lib/validation/claim-query";

interface Option {
  id: string;
  label: string;
}

export interface ClaimFiltersProps {
  filters: Filters;
  stories: Option[];
  claimants: Option[];
  sources: Option[];
}

const fieldClass = "mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5 text-sm";
const labelClass = "block text-sm font-medium text-stone-800";

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function ClaimFilters({ filters, stories, claimants, sources }: ClaimFiltersProps) {
  return (
    <form method="get" action="/claims" className="no-print mb-6 rounded border border-stone-300 bg-white p-4" aria-label="Filter claims">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <label htmlFor="filter-q" className={labelClass}>
            Words
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={MAX_QUERY_LENGTH} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="filter-status" className={labelClass}>
            Status
          </label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={fieldClass}>
            <option value="">Any status</option>
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_INFO[status].label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-story" className={labelClass}>
            Story
          </label>
          <select id="filter-story" name="story" defaultValue={filters.story ?? ""} className={fieldClass}>
            <option value="">Any story</option>
            {stories.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-claimant" className={labelClass}>
            Claimant
          </label>
          <select id="filter-claimant" name="claimant" defaultValue={filters.claimant ?? ""} className={fieldClass}>
            <option value="">Anyone</option>
            {claimants.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-source" className={labelClass}>
            Source
          </label>
          <select id="filter-source" name="source" defaultValue={filters.source ?? ""} className={fieldClass}>
            <option value="">Any source</option>
            {sources.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-4 flex items-center gap-4">
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900">
          Show claims
        </button>
        <Link href="/claims" className="text-sm text-blue-800 underline">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
