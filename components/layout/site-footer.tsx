import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="border-t border-stone-300 bg-white">
      <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-stone-700">
        <p>
          Factline follows each claim to the sources where it appears and the evidence that bears on it.
          Read how we rate claims in our <Link href="/methodology" className="text-blue-800 underline">methodology</Link>.
        </p>
        <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1">
          <li>
            <Link href="/corrections" className="text-blue-800 underline">
              Corrections
            </Link>
          </li>
          <li>
            <Link href="/open-data" className="text-blue-800 underline">
              Open data
            </Link>
          </li>
          <li>
            <a href="/feed.atom" className="text-blue-800 underline">
              Atom feed
            </a>
          </li>
          <li>
            <Link href="/sign-in" className="text-blue-800 underline">
              Newsroom sign-in
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
