"use client";

import { usePathname } from "next/navigation";
import { DESK_CONTENT_ID, isDeskPath } from "@/lib/skip-target";

/**
 * The first stop of every page. On a reader page it skips the site's header to `<main>`; on a
 * desk page it skips the desk's menu too, so a reviewer does not tab through ten links on every
 * page to reach the form they came for. The address is chosen while the page is rendered
 * (usePathname answers on the server too), so it works before, or without, the scripts.
 */
export function SkipLink() {
  const pathname = usePathname();
  return (
    <a
      href={isDeskPath(pathname) ? `#${DESK_CONTENT_ID}` : "#main"}
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2 focus:text-blue-800"
    >
      Skip to content
    </a>
  );
}
