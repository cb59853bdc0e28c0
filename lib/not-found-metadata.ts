import type { Metadata } from "next";

/**
 * The title of a page for a record that is not there: a page's generateMetadata answers it when
 * it is about to call notFound(), since Next.js keeps the page's metadata, not app/not-found's,
 * for the tab's title (WCAG 2.4.2: the title says what the page is).
 */
export const NOT_FOUND_METADATA: Metadata = { title: "Page not found" };
