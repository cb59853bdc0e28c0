/**
 * The Wayback Machine's list of archived copies of an address: a link a person follows. Factline
 * never calls archive.org itself (docs/decisions/029-source-capture.md).
 */
export function waybackUrl(url: string): string {
  return `https://web.archive.org/web/*/${url}`;
}

export function WaybackLink({ url }: { url: string }) {
  return (
    <a href={waybackUrl(url)} className="text-sm text-blue-800 underline" rel="noopener noreferrer" target="_blank">
      Archived copies on the Wayback Machine<span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}
