"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** Moves the keyboard's starting point to `element` without showing a focus ring on it. */
function startFrom(element: HTMLElement) {
  const tabIndex = element.getAttribute("tabindex");
  element.tabIndex = -1;
  element.focus({ preventScroll: true });
  if (tabIndex === null) element.removeAttribute("tabindex");
  else element.setAttribute("tabindex", tabIndex);
}

/** The element the address's fragment names, if any (a malformed %-escape names none). */
function namedPart(): HTMLElement | null {
  if (!window.location.hash) return null;
  try {
    return document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
  } catch {
    return null;
  }
}

/**
 * After a move to another page inside the app (a link, or a form whose action redirects), the
 * keyboard starts again as after a full page load: the next Tab reaches "Skip to content", or,
 * when the address names a part of the page (`#link-source`), the first control in that part.
 * Next.js leaves focus where it was: on a menu link the new page still has, or on nothing when
 * the old page's control is gone, and the next Tab then went wherever that control had been.
 * Next's route announcer reads out the new page's title.
 */
export function FocusOnNavigation() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    startFrom(namedPart() ?? document.body);
  }, [pathname]);
  return null;
}
