import { HistoryChange, changedFieldNames } from "@/components/claims/history-change";
import { eventKindLabel, type EventKind } from "@/lib/domain/event-kind";
import type { PublicEventKind } from "@/lib/public-record";

/**
 * One entry of a claim's history: the desk's stored event (before/after as JSON text) or a
 * public one (lib/public-record.ts, before/after as values).
 */
export interface HistoryEvent {
  id: string;
  kind: string;
  reason: string | null;
  before: string | Record<string, unknown> | null;
  after: string | Record<string, unknown> | null;
  createdAt: Date;
  actor: { name: string } | null;
}

/** Kinds only the public history has. */
const PUBLIC_ONLY_LABEL: Record<Exclude<PublicEventKind, EventKind>, string> = {
  republished: "Published again",
};

function historyLabel(kind: string): string {
  return kind in PUBLIC_ONLY_LABEL ? PUBLIC_ONLY_LABEL[kind as keyof typeof PUBLIC_ONLY_LABEL] : eventKindLabel(kind);
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** The claim's history, oldest first. */
export function ClaimHistory({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <p className="text-stone-700">No changes recorded yet.</p>;
  return (
    <ol className="space-y-3 border-l-2 border-stone-300 pl-4">
      {events.map((event) => (
        <li key={event.id}>
          <p className="text-sm">
            <span className="font-semibold">{historyLabel(event.kind)}</span>
            {event.actor ? <> by {event.actor.name}</> : null}{" "}
            <time dateTime={event.createdAt.toISOString()} className="text-stone-700">
              {timeFormat.format(event.createdAt)} UTC
            </time>
          </p>
          {/* A status change shows its reason as a change of "Reason"; said once, not twice. */}
          {event.reason && !changedFieldNames(event.kind, event.before, event.after).includes("statusReason") ? (
            <p className="text-sm text-stone-800">{event.reason}</p>
          ) : null}
          <HistoryChange kind={event.kind} before={event.before} after={event.after} />
        </li>
      ))}
    </ol>
  );
}
