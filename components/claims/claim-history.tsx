import { HistoryChange } from "@/components/claims/history-change";
import { eventKindLabel } from "@/lib/domain/event-kind";

export interface HistoryEvent {
  id: string;
  kind: string;
  reason: string | null;
  before: string | null;
  after: string | null;
  createdAt: Date;
  actor: { name: string } | null;
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** The claim's append-only history, oldest first. */
export function ClaimHistory({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <p className="text-stone-700">No changes recorded yet.</p>;
  return (
    <ol className="space-y-3 border-l-2 border-stone-300 pl-4">
      {events.map((event) => (
        <li key={event.id}>
          <p className="text-sm">
            <span className="font-semibold">{eventKindLabel(event.kind)}</span>
            {event.actor ? <> by {event.actor.name}</> : null}{" "}
            <time dateTime={event.createdAt.toISOString()} className="text-stone-700">
              {timeFormat.format(event.createdAt)} UTC
            </time>
          </p>
          {event.reason ? <p className="text-sm text-stone-800">{event.reason}</p> : null}
          <HistoryChange kind={event.kind} before={event.before} after={event.after} />
        </li>
      ))}
    </ol>
  );
}
