import type { Metadata } from "next";
import type { ReactNode } from "react";
import { FocusOnNavigation } from "@/components/layout/focus-on-navigation";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Factline", template: "%s · Factline" },
  description: "Claims in the news, followed to their sources and checked.",
  // Feed readers find the verdicts and corrections feed from any page's head.
  alternates: { types: { "application/atom+xml": [{ url: "/feed.atom", title: "Factline: verdicts and corrections" }] } },
};

// Each page says how it is rendered: per request with a CSP nonce (`dynamic = "force-dynamic"`,
// ADR 009), or, for the cached copies of reader pages, once and then from the cache (ADR 014).
// lib/cache/reader-routes.test.ts checks that every page says one or the other.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <SkipLink />
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
        <FocusOnNavigation />
      </body>
    </html>
  );
}
