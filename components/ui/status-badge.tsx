import { STATUS_INFO, type ClaimStatus, type StatusTone } from "@/lib/domain/status";

// Every pair keeps a contrast ratio above 7:1; the label, not the colour, carries the meaning.
const TONE_CLASS: Record<StatusTone, string> = {
  neutral: "bg-stone-100 text-stone-800 border-stone-400",
  progress: "bg-blue-50 text-blue-900 border-blue-300",
  positive: "bg-green-50 text-green-900 border-green-400",
  mixed: "bg-amber-50 text-amber-950 border-amber-400",
  negative: "bg-red-50 text-red-900 border-red-300",
};

export function StatusBadge({ status }: { status: ClaimStatus }) {
  const info = STATUS_INFO[status];
  return (
    <span
      className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${TONE_CLASS[info.tone]}`}
    >
      <span className="sr-only">Status: </span>
      {info.label}
    </span>
  );
}
