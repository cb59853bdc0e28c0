import Link from "next/link";

const NAV = [
  { href: "/claims", label: "Claims" },
  { href: "/sources", label: "Sources" },
  { href: "/claimants", label: "Claimants" },
  { href: "/methodology", label: "Methodology" },
] as const;

export function SiteHeader() {
  return (
    <header className="border-b border-stone-300 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="font-serif text-2xl font-bold text-stone-900 no-underline">
          Factline
        </Link>
        <nav aria-label="Main" className="no-print">
          <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm font-medium">
            {NAV.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-blue-800 underline-offset-4 hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action="/claims" method="get" role="search" className="no-print flex gap-2">
          <label htmlFor="site-search" className="sr-only">
            Search claims
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search claims"
            maxLength={200}
            className="w-44 rounded border border-stone-400 px-2 py-1 text-sm"
          />
          <button type="submit" className="rounded bg-blue-800 px-3 py-1 text-sm font-medium text-white hover:bg-blue-900">
            Search
          </button>
        </form>
      </div>
    </header>
  );
}
