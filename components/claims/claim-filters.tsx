import Link from "next/link";
import { CLAIM_STATUSES, STATUS_INFO } from "@/lib/domain/status";
import type { ClaimFilters as Filters } from "@/lib/validation/claim-query";
import { MAX_QUERY_LENGTH, claimQueryString } from "@/lib/validation/claim-query";

interface Option {
  id: string;
  label: string;
}

export interface ClaimFiltersProps {
  filters: Filters;
  stories: Option[];
  /** null when there are too many for a menu (lib/data/sources.ts FILTER_MENU_LIMIT). */
  claimants: Option[] | null;
  sources: Option[] | null;
  /** The claimant or source filtered by, named even when there is no menu to show it in. */
  activeClaimant: Option | null;
  activeSource: Option | null;
}

/** Text and attribute values in markup, escaped as React escapes them. */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * A long menu's options as markup, the one chosen marked `selected`. Made as a string rather than
 * as React elements: the story menu alone was a third of a claims page's markup, rendered twice
 * (into the HTML and into the page's payload) for every list not cached yet; a string is copied.
 * Exported for its test.
 */
export function optionsMarkup(anyLabel: string, options: Option[], chosen: string | undefined): string {
  const option = (value: string, label: string) => `<option value="${escape(value)}"${value === (chosen ?? "") ? " selected" : ""}>${escape(label)}</option>`;
  return option("", anyLabel) + options.map((o) => option(o.id, o.label)).join("");
}

const fieldClass = "mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5 text-sm";
const labelClass = "block text-sm font-medium text-stone-800";

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
/**
 * A menu when there are few enough to choose from; otherwise the active filter, named, with a
 * way to drop it, or a pointer to where that filter starts (a claimant's or source's page).
 */
function MenuOrActive({ name, label, anyLabel, options, active, filters, whereToFilter }: { name: "claimant" | "source"; label: string; anyLabel: string; options: Option[] | null; active: Option | null; filters: Filters; whereToFilter: string }) {
  const id = `filter-${name}`;
  if (options) {
    return (
      <div>
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        <select id={id} name={name} className={fieldClass} dangerouslySetInnerHTML={{ __html: optionsMarkup(anyLabel, options, filters[name]) }} />
      </div>
    );
  }
  if (active) {
    return (
      <fieldset>
        <legend className={labelClass}>{label}</legend>
        <input type="hidden" name={name} value={active.id} />
        <p className="mt-1 text-sm">
          {active.label}{" "}
          <Link href={`/claims${claimQueryString({ ...filters, [name]: undefined })}`} className="text-blue-800 underline">
            Remove the {label.toLowerCase()} filter
          </Link>
        </p>
      </fieldset>
    );
  }
  return (
    <p className="text-sm text-stone-700 sm:self-end">
      {label}: too many for a menu; open {whereToFilter} from the{" "}
      <Link href={name === "claimant" ? "/claimants" : "/sources"} className="text-blue-800 underline">
        {name === "claimant" ? "claimants" : "sources"} list
      </Link>{" "}
      and filter from there.
    </p>
  );
}

export function ClaimFilters({ filters, stories, claimants, sources, activeClaimant, activeSource }: ClaimFiltersProps) {
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
          <select id="filter-story" name="story" className={fieldClass} dangerouslySetInnerHTML={{ __html: optionsMarkup("Any story", stories, filters.story) }} />
        </div>
        <MenuOrActive name="claimant" label="Claimant" anyLabel="Anyone" options={claimants} active={activeClaimant} filters={filters} whereToFilter="a claimant’s page" />
        <MenuOrActive name="source" label="Source" anyLabel="Any source" options={sources} active={activeSource} filters={filters} whereToFilter="a source’s page" />
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
