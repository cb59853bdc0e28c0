import type { ReactNode } from "react";

/**
 * A desk list's search: a plain GET form (no JavaScript needed) that reloads the list with `?q=`,
 * and "Show all" back to the whole list once searched. `fieldId` names the field for its label
 * and, with `-hint`, its description.
 */
export function DeskListSearch({ action, name, label, fieldId, q, button, hint }: { action: string; name: string; label: string; fieldId: string; q: string; button: string; hint?: ReactNode }) {
  return (
    <form role="search" aria-label={name} method="get" action={action} className="mb-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor={fieldId} className="block font-medium">
          {label}
        </label>
        {hint ? (
          <p id={`${fieldId}-hint`} className="text-sm text-stone-700">
            {hint}
          </p>
        ) : null}
        <input
          id={fieldId}
          name="q"
          type="search"
          maxLength={200}
          defaultValue={q}
          aria-describedby={hint ? `${fieldId}-hint` : undefined}
          className="mt-1 rounded border border-stone-500 bg-white px-2 py-1.5"
        />
      </div>
      <button type="submit" className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white">
        {button}
      </button>
      {q ? (
        // A whole page load, as the search is (a client navigation would change the list and its
        // count without a word to a screen reader, and drop focus with the link).
        <a href={action} className="text-blue-800 underline">
          Show all
        </a>
      ) : null}
    </form>
  );
}
