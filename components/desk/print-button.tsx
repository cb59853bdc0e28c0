"use client";

/** Opens the browser's print dialog (where "Save as PDF" lives too). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
      Print this report
    </button>
  );
}
