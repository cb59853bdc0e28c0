import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mb-4">
        We have no page at this address. The claim, source or claimant may never have existed, or it is not
        published.
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href="/" className="text-blue-800 underline">
            Home
          </Link>
        </li>
        <li>
          <Link href="/claims" className="text-blue-800 underline">
            Browse and search all claims
          </Link>
        </li>
      </ul>
    </>
  );
}
