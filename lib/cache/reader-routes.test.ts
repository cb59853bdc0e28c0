import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// The matcher Next.js itself compiles rewrite sources with (server/lib/router-utils/filesystem.js).
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import {
  CACHED_PREFIX,
  CACHED_READER_ROUTES,
  SESSION_COOKIE_NAMES,
  cachedCopyRewrites,
  hasSessionCookie,
  isCachedTreePath,
  isServedFromCache,
  canonicalReaderPath,
} from "@/lib/cache/reader-routes";

// How each page is rendered is decided in three places that must agree: the rewrites in
// next.config.ts, the proxy's choice of policy, and the route files under app/. A page the proxy
// thinks is cached but is rendered per request would carry scripts without a nonce under no
// nonce policy (harmless but wasteful); one rendered once but sent the nonce policy would have
// every script refused. So every page file says how it is rendered, and this test checks it.

const APP = path.resolve(import.meta.dirname, "../../app");
const CACHED_TREE = path.join(APP, "cached", "[edition]");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^(page\.tsx|route\.ts)$/.test(entry.name) ? [full] : [];
  });
}

/** "/claims/[id]" for app/claims/[id]/page.tsx; the route of a file relative to `root`. */
function routeOf(file: string, root: string): string {
  const dir = path.relative(root, path.dirname(file)).split(path.sep).join("/");
  return dir === "" ? "/" : `/${dir}`;
}

const SAMPLE_PATHS = [
  "/",
  "/claims",
  "/claims/ice-tripled-azure-data",
  "/claims/a/b",
  "/claimants",
  "/claimants/microsoft",
  "/sources",
  "/sources/guardian",
  "/stories/microsoft-ice-surveillance",
  "/stories",
  "/methodology",
  "/open-data",
  "/feed.atom",
  "/feedxatom",
  "/corrections",
  "/sign-in",
  "/desk",
  "/desk/claims/x",
  "/api/claims",
  "/Claims/ice-tripled-azure-data",
  "/METHODOLOGY",
];

describe("the cached reader routes", () => {
  it("each has a cached copy that re-exports its page and is rendered once, and nothing else is in the cached tree", () => {
    const all = routeFiles(CACHED_TREE).map((file) => ({ file, route: routeOf(file, CACHED_TREE), text: fs.readFileSync(file, "utf8") }));
    // The claims list's copies are keyed by their filters (lib/cache/claim-list.test.ts), and the
    // desk's by the person and page (lib/cache/desk-copies.test.ts): checked below.
    const keyed = ["/claim-list/[key]", "/desk-insights/[key]", "/desk-finder/[key]"];
    const copies = all.filter((copy) => !keyed.includes(copy.route));
    expect(all.length - copies.length).toBe(keyed.length);
    expect(copies.map((copy) => copy.route).sort()).toEqual(CACHED_READER_ROUTES.map(({ route }) => route).sort());
    for (const { file, route, text } of copies) {
      const original = route === "/feed.atom" ? "@/app/feed.atom/route" : `@/app${route === "/" ? "" : route}/page`;
      expect(text, file).toContain(`from "${original}"`);
      expect(text, file).toMatch(/^export const dynamic = "force-static";$/m);
      expect(text, file).toMatch(/^export const revalidate = 300;$/m);
    }
    // A desk copy is the desk page's own view, in the desk's shell, for the person its key names,
    // and only for a key the proxy made.
    for (const [route, page, view] of [
      ["/desk-insights/[key]", "@/app/desk/insights/page", "<InsightsView"],
      ["/desk-finder/[key]", "@/app/desk/sources/[id]/finder/page", "<FinderView"],
    ] as const) {
      const text = all.find((copy) => copy.route === route)!.text;
      expect(text).toContain(`export { metadata } from "${page}";`);
      expect(text).toMatch(/^export const dynamic = "force-static";$/m);
      expect(text).toMatch(/^export const revalidate = \d+;$/m);
      expect(text).toContain("readDeskCopyKey(");
      expect(text).toContain("if (!copy || !isRole(copy.person.role)) notFound();");
      expect(text).toContain("<DeskShell user={{ name: copy.person.name, role: copy.person.role }}>");
      expect(text).toContain(view);
      // The page it copies draws the same view.
      expect(fs.readFileSync(path.join(APP, page.replace("@/app/", "") + ".tsx"), "utf8")).toContain(view);
    }
    // Nothing is rendered at build time: the edition is a parameter with no value listed.
    expect(fs.readFileSync(path.join(CACHED_TREE, "layout.tsx"), "utf8")).toMatch(/generateStaticParams\(\): \{ edition: string \}\[\] \{\s*return \[\];/);
  });

  it("every other page and feed is rendered per request, for its nonce", () => {
    const files = routeFiles(APP).filter((file) => !file.startsWith(path.join(APP, "cached")) && !file.startsWith(path.join(APP, "api")));
    expect(files.length).toBeGreaterThan(20);
    const deskLayout = fs.readFileSync(path.join(APP, "desk", "layout.tsx"), "utf8");
    expect(deskLayout).toMatch(/^export const dynamic = "force-dynamic";$/m);
    for (const file of files) {
      if (file.startsWith(path.join(APP, "desk") + path.sep)) continue; // the desk layout covers them
      expect(fs.readFileSync(file, "utf8"), path.relative(APP, file)).toMatch(/^export const dynamic = "force-dynamic";$/m);
    }
  });

  it("the proxy's patterns match exactly the addresses Next.js rewrites, in any case", () => {
    for (const { source, pattern } of CACHED_READER_ROUTES) {
      // Rewrites match without regard to case at run time, caseSensitiveRoutes or not
      // (e2e/reader-classification.spec.ts shows it on the production server).
      const nextMatches = getPathMatch(source, { strict: true, removeUnnamedParams: true, sensitive: false });
      for (const sample of SAMPLE_PATHS) {
        expect(pattern.test(sample), `${source} vs ${sample}`).toBe(nextMatches(sample) !== false && sample === (canonicalReaderPath(sample) ?? sample));
      }
    }
    expect(canonicalReaderPath("/Claims/ice-tripled-azure-data")).toBe("/claims/ice-tripled-azure-data");
    expect(canonicalReaderPath("/METHODOLOGY")).toBe("/methodology");
    expect(canonicalReaderPath("/FEED.ATOM")).toBe("/feed.atom");
    expect(canonicalReaderPath("/claims/Some-ID")).toBeNull();
    expect(canonicalReaderPath("/claims/x")).toBeNull();
    expect(canonicalReaderPath("/DESK")).toBeNull();
    expect(canonicalReaderPath("/Claims")).toBeNull();
    expect(isCachedTreePath("/CACHED/current/claims/x")).toBe(true);
    expect(SAMPLE_PATHS.filter((sample) => isServedFromCache(sample, []))).toEqual([
      "/",
      "/claims/ice-tripled-azure-data",
      "/claimants",
      "/claimants/microsoft",
      "/sources",
      "/sources/guardian",
      "/stories/microsoft-ice-surveillance",
      "/methodology",
      "/open-data",
      "/feed.atom",
      "/Claims/ice-tripled-azure-data",
      "/METHODOLOGY",
    ]);
    expect(SAMPLE_PATHS.filter((sample) => CACHED_READER_ROUTES.some(({ pattern }) => pattern.test(sample)))).toEqual([
      "/",
      "/claims/ice-tripled-azure-data",
      "/claimants",
      "/claimants/microsoft",
      "/sources",
      "/sources/guardian",
      "/stories/microsoft-ice-surveillance",
      "/methodology",
      "/open-data",
      "/feed.atom",
    ]);
  });

  it("rewrites into the cached tree only requests without a session cookie", () => {
    const rewrites = cachedCopyRewrites();
    expect(rewrites).toHaveLength(CACHED_READER_ROUTES.length);
    for (const rewrite of rewrites) {
      expect(rewrite.destination.startsWith(CACHED_PREFIX)).toBe(true);
      expect(isCachedTreePath(rewrite.destination)).toBe(true);
      expect(rewrite.missing).toEqual(SESSION_COOKIE_NAMES.map((key) => ({ type: "cookie", key })));
    }
    expect(rewrites.find((r) => r.source === "/")?.destination).toBe(CACHED_PREFIX);
    expect(rewrites.find((r) => r.source === "/claims/:id")?.destination).toBe(`${CACHED_PREFIX}/claims/:id`);

    expect(isServedFromCache("/claims/x", [])).toBe(true);
    expect(isServedFromCache("/claims/x", ["theme", "factline.session_token"])).toBe(false);
    expect(isServedFromCache("/claims/x", ["__Host-factline.session_token"])).toBe(false);
    expect(isServedFromCache("/claims/x", ["factline.session_data"])).toBe(true);
    expect(isServedFromCache("/claims", [])).toBe(false);
    expect(hasSessionCookie(["factline.session_token"])).toBe(true);
    expect(isCachedTreePath("/cachedx")).toBe(false);
    expect(isCachedTreePath("/cached")).toBe(true);
  });
});
