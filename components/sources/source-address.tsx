/** The source's address, or a plain statement that it has none: we never invent one. */
export function SourceAddress({ url, archivedUrl }: { url: string | null; archivedUrl: string | null }) {
  return (
    <>
      {url ? (
        <a href={url} className="break-all text-blue-800 underline" rel="noopener noreferrer">
          {url}
        </a>
      ) : (
        <span className="text-stone-700">No link recorded: we hold no address for this source.</span>
      )}
      {archivedUrl ? (
        <>
          {" "}
          (
          <a href={archivedUrl} className="text-blue-800 underline" rel="noopener noreferrer">
            archived copy
          </a>
          )
        </>
      ) : null}
    </>
  );
}
