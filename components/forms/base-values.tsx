import { baseField } from "@/lib/actions/state";
import { textFingerprint } from "@/lib/text-fingerprint";

/**
 * What an edit form's fields held when it was opened, sent with it as `base:<field>`: when the
 * save is refused because someone else saved first, the fields this person left alone take what
 * is saved now, and theirs stay as typed (lib/actions/state.ts mergeAfterConflict). After such a
 * refusal the form starts again from what is saved now, which the answer's values carry.
 */
export function BaseValues({ start, values, long = [] }: { start: Record<string, string>; values: Record<string, string>; long?: readonly string[] }) {
  return (
    <>
      {Object.entries(start).map(([field, value]) => (
        // A long field (a source's captured text) is sent as its fingerprint, not a second copy.
        <input key={field} type="hidden" name={baseField(field)} value={values[baseField(field)] ?? (long.includes(field) ? textFingerprint(value) : value)} />
      ))}
    </>
  );
}
