import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded border border-stone-500 bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

interface FieldBase {
  name: string;
  label: string;
  errors?: string[] | undefined;
  hint?: string;
  required?: boolean;
}

/** Label, control, hint and errors, wired together for screen readers. */
export function FieldShell({ name, label, errors, hint, required, children }: FieldBase & { children: (describedBy: string | undefined) => ReactNode }) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = errors?.length ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="mb-4">
      <label htmlFor={name} className="block font-medium text-stone-900">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
        {required ? <span className="sr-only"> (required)</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      {children(describedBy)}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** A field's problems, under it; `id` is what the control's aria-describedby names. */
function FieldErrors({ id, errors, className = "" }: { id: string | undefined; errors: string[] | undefined; className?: string }) {
  if (!id || !errors?.length) return null;
  return (
    <ul id={id} className={`${className} mt-1 text-sm font-medium text-red-800`.trim()}>
      {errors.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

export function TextField({
  type = "text",
  defaultValue,
  maxLength,
  autoComplete,
  ...base
}: FieldBase & { type?: "text" | "email" | "url" | "date" | "password"; defaultValue?: string; maxLength?: number; autoComplete?: string }) {
  return (
    <FieldShell {...base}>
      {(describedBy) => (
        <input
          id={base.name}
          name={base.name}
          type={type}
          defaultValue={defaultValue}
          maxLength={maxLength}
          autoComplete={autoComplete}
          aria-invalid={base.errors?.length ? true : undefined}
          aria-describedby={describedBy}
          aria-required={base.required || undefined}
          className={inputClass}
        />
      )}
    </FieldShell>
  );
}

export function TextArea({ defaultValue, rows = 4, maxLength, ...base }: FieldBase & { defaultValue?: string; rows?: number; maxLength?: number }) {
  return (
    <FieldShell {...base}>
      {(describedBy) => (
        <textarea
          id={base.name}
          name={base.name}
          rows={rows}
          defaultValue={defaultValue}
          maxLength={maxLength}
          aria-invalid={base.errors?.length ? true : undefined}
          aria-describedby={describedBy}
          aria-required={base.required || undefined}
          className={inputClass}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  options,
  defaultValue,
  placeholder,
  ...base
}: FieldBase & { options: readonly { value: string; label: string }[]; defaultValue?: string; placeholder?: string }) {
  return (
    <FieldShell {...base}>
      {(describedBy) => (
        <select
          // React 19 resets a form after its action; a select only takes a new default when
          // remounted, so a changed default (the value sent back after an error) remounts it.
          key={defaultValue ?? ""}
          id={base.name}
          name={base.name}
          defaultValue={defaultValue ?? ""}
          aria-invalid={base.errors?.length ? true : undefined}
          aria-describedby={describedBy}
          aria-required={base.required || undefined}
          className={inputClass}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * A checkbox with its label beside it, then its hint and errors, wired for screen readers.
 * `checked` is what the box shows: what was sent, after an answer from the action.
 */
export function CheckboxField({ name, label, hint, checked, errors }: { name: string; label: string; hint?: string; checked: boolean; errors?: string[] | undefined }) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <div className="mb-4">
      <label className="flex items-start gap-2">
        <input
          // React resets a form after its action; remount so a value sent back after an error shows.
          key={String(checked)}
          type="checkbox"
          name={name}
          value="1"
          defaultChecked={checked}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          aria-invalid={errorId ? true : undefined}
          className="mt-1 h-4 w-4"
        />
        <span className="font-medium">{label}</span>
      </label>
      {hint ? (
        <p id={hintId} className="ml-6 text-sm text-stone-700">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={errorId} errors={errors} className="ml-6" />
    </div>
  );
}
