import type { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/session";
import { createTestDatabase } from "@/lib/testing/test-database";

// Every API route handler, called in-process with hostile input: each query parameter its schema
// documents, each path id, and each kind of visitor on the editor's export. Whatever arrives, the
// answer keeps the API's contract: never a 5xx; a 4xx is `{ "error": { "code", "message" } }` as
// JSON, with a plain sentence that names what was wrong and shows no internals; a 200 is a
// well-formed file. Only Next's request-bound functions and Better Auth's session lookup are
// replaced; validation, the database and the streamed exports are the real ones.
const mocks = vi.hoisted(() => ({
  /** Who is asking; null is an anonymous visitor. */
  signedIn: { user: null as CurrentUser | null },
  /** Next's data cache, which needs a running server: one stored value per key here. */
  cached: new Map<string, unknown>(),
}));

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({
  unstable_cache:
    (fn: (...args: unknown[]) => Promise<unknown>, keyParts: string[]) =>
    async (...args: unknown[]) => {
      const key = JSON.stringify([keyParts, args]);
      if (!mocks.cached.has(key)) mocks.cached.set(key, await fn(...args));
      return mocks.cached.get(key);
    },
  updateTag: () => {},
  revalidatePath: () => {},
}));
// Better Auth's session lookup answers for mocks.signedIn.user; the rest of it stays real.
vi.mock("@/lib/auth", async (importOriginal) =>
  (await import("@/lib/testing/signed-in-as")).authSignedInAs(await importOriginal(), () => mocks.signedIn.user),
);

// lib/db opens DATABASE_URL when first imported: point it at a fresh, seeded file first.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { NextRequest: Request } = await import("next/server");
const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { APP_ERROR_STATUS } = await import("@/lib/errors");
const { claimQuerySchema } = await import("@/lib/validation/claim-query");
const { EXPORT_QUERY_KINDS } = await import("@/lib/validation/export-query");
const { claimFormSchema } = await import("@/lib/validation/claim");
const { similarQuerySchema } = await import("@/lib/validation/similar-query");
const { csvHeader, CSV_BOM, CSV_LAYOUTS } = await import("@/lib/csv");
const claimOperations = await import("@/lib/operations/claims");
const routes = {
  claims: await import("@/app/api/claims/route"),
  claim: await import("@/app/api/claims/[id]/route"),
  source: await import("@/app/api/sources/[id]/route"),
  exports: await import("@/app/api/exports/route"),
  health: await import("@/app/api/health/route"),
  similar: await import("@/app/api/desk/similar-claims/route"),
  openCsv: await import("@/app/api/open-data/claims.csv/route"),
  openJson: await import("@/app/api/open-data/claims.json/route"),
  openClaimReview: await import("@/app/api/open-data/claimreview.jsonld/route"),
};

const ORIGIN = "http://localhost:3000";

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");

/**
 * Values for any query parameter, as raw URL text: what is percent-encoded here reaches the
 * handler as written, malformed escapes included.
 */
const HOSTILE_VALUES: Record<string, string> = {
  empty: "",
  "10,000 characters": "a".repeat(10_000),
  "2,500 encoded emoji": "%F0%9F%98%80".repeat(2_500),
  NUL: "%00",
  "NUL inside a word": "ice%00tripled",
  "UTF-8 of a lone surrogate (invalid)": "%ED%A0%80",
  "UTF-16 bytes as escapes": "%D8%00",
  "lone percent sign": "%",
  "escape with no hex": "%zz",
  "truncated UTF-8 escape": "%E0%A4%A",
  "right-to-left override, zero-width joiner and emoji": encodeURIComponent("\u202Eevil\u200B\u200D😀🏳️‍🌈"),
  "markup": encodeURIComponent('<script>alert("x")</script>'),
  "javascript: URL": encodeURIComponent("javascript:alert(1)"),
  "SQL single quote": encodeURIComponent("'"),
  "SQL double quote": encodeURIComponent('"'),
  "SQL comment": encodeURIComponent("1;--"),
  "SQL injection": encodeURIComponent("' OR '1'='1'; DROP TABLE \"Claim\";--"),
  "LIKE wildcards": encodeURIComponent("%_"),
  backslash: encodeURIComponent("\\"),
  "minus one": "-1",
  zero: "0",
  "float overflow": "1e309",
  NaN: "NaN",
  Infinity: "Infinity",
  "20-digit integer": "99999999999999999999",
  fraction: "1.5",
  hexadecimal: "0x10",
  "number with spaces": "%205%20",
  "plus sign (a space in a query)": "+5",
  "a real status with other casing": "FALSE",
  "a real date, out of range": "9999-99-99",
  "February 30th": "2025-02-30",
  "the first day of year 0": "0000-01-01",
  "the last day of year 9999": "9999-12-31",
  "Arabic-Indic digits": encodeURIComponent("٥٠"),
  "full-width digits": encodeURIComponent("５"),
  "base64 of junk": b64("junk\u0000\u00ff"),
  "base64 of a negative cursor": b64('{"n":-1}'),
  "base64 of an overflowing cursor": b64('{"n":1e309}'),
  "base64 of a cursor with an extra key": b64('{"n":0,"sql":"\' OR 1=1"}'),
  "base64 of half a keyset cursor": b64('{"n":0,"p":"2025-01-01T00:00:00Z"}'),
  "base64 of a keyset cursor in year 0": b64('{"n":0,"p":"0000-01-01T00:00:00Z","id":"x"}'),
  "base64 of a keyset cursor in year 9999": b64('{"n":5,"p":"9999-12-31T23:59:59.999Z","id":"zzzz"}'),
  "base64 of a keyset cursor with a hostile id": b64(`{"n":1,"p":"2025-01-01T00:00:00Z","id":"' OR 1=1;--"}`),
  "base64 of a cursor far past the end": b64('{"n":10000000}'),
  "base64 of a JSON array": b64("[1,2,3]"),
  "base64 with padding": `${b64('{"n":0}')}==`,
  "base64 of 10,000 characters": "QUFB".repeat(2_500),
};

/** FTS5 syntax, for the search parameter: each must be read as words, never as a query. */
const SEARCH_SYNTAX: Record<string, string> = {
  'lone "': '"',
  "unbalanced quotes": '"microsoft',
  star: "*",
  "prefix star": "micro*",
  "NEAR(": "NEAR(",
  "NEAR group": "NEAR(microsoft ice, 2)",
  "AND OR NOT": "AND OR NOT",
  "boolean operators between words": "microsoft NOT ice",
  caret: "^microsoft",
  colon: ":",
  minus: "-",
  "minus before a word": "-microsoft",
  "open parenthesis": "(",
  "column filter": "text:foo",
  "column set filter": "{summary text}: microsoft",
  "open brace": "{",
  plus: "+",
  "apostrophe suffix": "microsoft's",
  "only punctuation": "$%.'’-",
  "200 characters of words": "ice ".repeat(50),
  "201 characters": "a".repeat(201),
  "50 different words": Array.from({ length: 50 }, (_, i) => `word${i}`).join(" "),
};

/** Parameter names no route documents. */
const UNKNOWN_PARAMETERS: Record<string, string> = {
  "an unknown word": "unknown",
  "a known name in capitals": "Q",
  "an array-style name": "status[]",
  // Computed, so each is a key of the table rather than the table's prototype.
  ["__proto__"]: "__proto__",
  ["constructor"]: "constructor",
  toString: "toString",
  "a name with NUL": "limit%00",
  "a name of invalid UTF-8": "%ED%A0%80",
  "a name with a right-to-left override": encodeURIComponent("\u202Eq"),
  "a 10,000-character name": "n".repeat(10_000),
  "no name at all": "",
  "300 different names at once": Array.from({ length: 300 }, (_, i) => `extra${i}`).join("=1&"),
};

/** Path ids for the [id] routes, as the handler receives them (already decoded by Next). */
const HOSTILE_IDS: Record<string, string> = {
  empty: "",
  "10,000 characters": "a".repeat(10_000),
  "parent directory": "../",
  "path traversal": "../../../etc/passwd",
  "encoded slash": "%2F",
  slash: "a/b",
  NUL: "\u0000",
  "63 letters and an emoji (cut at 64 UTF-16 units)": `${"a".repeat(63)}😀`,
  emoji: "😀",
  "lone surrogate": "\uD800",
  "right-to-left override": "\u202Egnp.exe",
  whitespace: " ",
  "SQL injection": "' OR '1'='1",
  "SQL comment": 'x";--',
  "LIKE wildcard": "%",
  underscore: "_",
  markup: "<script>alert(1)</script>",
  ["__proto__"]: "__proto__",
  "an unknown id": "no-such-record",
};

/** Text a fact-checker may well quote: it must come back as data, byte for byte. */
const HOSTILE_TEXT =
  '<script>alert("claim")</script><img src=x onerror=alert(1)> javascript:alert(1) \' OR \'1\'=\'1\';-- \\ %_ ' +
  '\u202Ereversed\u202C zero\u200Bwidth 😀 🏳️‍🌈 "quoted" &amp; ]]> {{7*7}} ${x} CLAIMSCRIPT';
const HOSTILE_SUMMARY = '<b>Bold</b> & "quotes" \u202Eflip\u202C 😀';

type BodyKind = "json" | "csv" | "jsonld";
type Handler = (request: NextRequest) => Promise<Response>;

interface QueryRoute {
  path: string;
  GET: Handler;
  /** The query parameters the route documents, read from its schema. */
  parameters: string[];
  body: BodyKind;
  /** Parameters every request carries (the export route needs a format). */
  base?: string;
}

const QUERY_ROUTES: QueryRoute[] = [
  { path: "/api/claims", GET: routes.claims.GET, parameters: Object.keys(claimQuerySchema.shape), body: "json" },
  { path: "/api/open-data/claims.csv", GET: routes.openCsv.GET, parameters: Object.keys(EXPORT_QUERY_KINDS["open-csv"].shape), body: "csv" },
  { path: "/api/open-data/claims.json", GET: routes.openJson.GET, parameters: Object.keys(EXPORT_QUERY_KINDS["open-json"].shape), body: "json" },
  { path: "/api/open-data/claimreview.jsonld", GET: routes.openClaimReview.GET, parameters: Object.keys(EXPORT_QUERY_KINDS["open-json"].shape), body: "jsonld" },
  { path: "/api/exports", GET: routes.exports.GET, parameters: Object.keys(EXPORT_QUERY_KINDS.editor.shape), body: "csv", base: "format=csv" },
  // The desk's "Seen before?": a reviewer asks it (the answer names drafts).
  { path: "/api/desk/similar-claims", GET: routes.similar.GET, parameters: Object.keys(similarQuerySchema.shape), body: "json", base: "text=ICE%20tripled%20Azure" },
];

function request(path: string, query = "", headers: HeadersInit = {}): NextRequest {
  return new Request(`${ORIGIN}${path}${query ? `?${query}` : ""}`, { headers });
}

/** The route's base parameters, less any the query sets itself, then the query. */
function withBase(route: QueryRoute, query: string, parameter?: string): string {
  const base = route.base?.split("&").filter((pair) => pair.split("=")[0] !== parameter);
  return [...(base ?? []), query].filter(Boolean).join("&");
}

/** Signs of internals in a message: a stack frame, a file, the database or the validator. */
const INTERNALS = /\n\s*at |\bat .+:\d+:\d+|node_modules|\.(ts|js|mjs):\d|prisma|sqlite|zod|invalid_type|unrecognized_keys|TypeError|RangeError|SyntaxError|undefined|\[object /i;
/** zod's own wording, which says how a value was checked rather than what a person should send. */
const VALIDATOR_WORDING = /too (big|small)|expected \w+ to|invalid (input|option|type|string)|received /i;
/** Characters that change how the rest of a line shows, or cannot be shown at all. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * The whole answer to a call of a handler. A handler that throws (Next.js would answer 500 with
 * its own page) and a body that breaks off mid-stream are answers too, and failing ones.
 */
async function answer(response: Promise<Response>): Promise<Answer | string> {
  let settled: Response;
  try {
    settled = await response;
  } catch (error) {
    return `the handler threw, which Next.js answers with a 500: ${String(error)}`;
  }
  try {
    return { status: settled.status, headers: settled.headers, text: await settled.text() };
  } catch (error) {
    return `status ${settled.status}, but the body broke off: ${String(error)}`;
  }
}

/**
 * What is wrong with an answer, as sentences (none: it keeps the contract). `names` are words
 * a 4xx message must contain, so a person can tell which part of the request to fix.
 */
function contractProblems(result: Answer | string, okBody: BodyKind, names: string[] = []): string[] {
  if (typeof result === "string") return [result];
  const { status, headers, text } = result;
  const type = headers.get("content-type") ?? "";
  if (status >= 500) return [`status ${status}: ${text.slice(0, 300)}`];
  if (status >= 300 && status < 400 && status !== 304) return [`status ${status}, a redirect to ${headers.get("location")}`];
  if (status === 304) return text === "" ? [] : ["a 304 with a body"];
  if (status >= 400) {
    const problems: string[] = [];
    if (!type.startsWith("application/json")) problems.push(`a ${status} sent as "${type}"`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [...problems, `a ${status} whose body is not JSON: ${text.slice(0, 200)}`];
    }
    const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== "string" || typeof error.message !== "string" || Object.keys(body as object).length !== 1) {
      return [...problems, `a ${status} not shaped { error: { code, message } }: ${text.slice(0, 200)}`];
    }
    const { code, message } = error as { code: string; message: string };
    if (APP_ERROR_STATUS[code as keyof typeof APP_ERROR_STATUS] !== status) problems.push(`a ${status} with the code "${code}"`);
    if (!/^[A-Z"].*[.!?]$/s.test(message)) problems.push(`the message is not a sentence: ${JSON.stringify(message.slice(0, 200))}`);
    if (message.length > 300) problems.push(`the message is ${message.length} characters long: ${JSON.stringify(message.slice(0, 100))}…`);
    if (!message.isWellFormed()) problems.push(`the message is not well-formed Unicode: ${JSON.stringify(message)}`);
    if (INVISIBLE.test(message)) problems.push(`the message holds invisible or control characters: ${JSON.stringify(message.slice(0, 200))}`);
    if (INTERNALS.test(message)) problems.push(`the message shows internals: ${JSON.stringify(message.slice(0, 200))}`);
    if (VALIDATOR_WORDING.test(message)) problems.push(`the message is the validator's wording: ${JSON.stringify(message.slice(0, 200))}`);
    for (const name of names) if (!message.includes(name)) problems.push(`the message does not name ${JSON.stringify(name)}: ${JSON.stringify(message.slice(0, 200))}`);
    return problems;
  }
  if (status !== 200) return [`unexpected status ${status}`];
  switch (okBody) {
    case "csv": {
      if (!type.startsWith("text/csv")) return [`a CSV sent as "${type}"`];
      const firstLine = text.replace(CSV_BOM, "").split("\r\n")[0] + "\r\n";
      return CSV_LAYOUTS.some((layout) => csvHeader(layout).startsWith(firstLine)) ? [] : [`the CSV starts with ${JSON.stringify(firstLine.slice(0, 120))}`];
    }
    case "json":
    case "jsonld": {
      const expected = okBody === "json" ? "application/json" : "application/ld+json";
      if (!type.startsWith(expected)) return [`JSON sent as "${type}"`];
      try {
        JSON.parse(text);
        return [];
      } catch (error) {
        return [`a 200 whose JSON does not parse (${String(error)}): ${text.slice(0, 120)}`];
      }
    }
  }
}

/** A raw query key as the handler reads it. */
function decodedName(raw: string): string {
  return new URLSearchParams(`${raw}=x`).keys().next().value ?? raw;
}

const people = {} as Record<"reviewer" | "editor", CurrentUser>;
let publishedClaimId: string;
let draftClaimId: string;
let hostileClaimId: string;
let citedSourceId: string;

beforeAll(async () => {
  await seedDatabase(db);
  for (const role of ["reviewer", "editor"] as const) {
    const user = await db.user.create({ data: { name: `Fuzz ${role}`, email: `fuzz-${role}@example.org`, role } });
    people[role] = { id: user.id, name: user.name, email: user.email, role };
  }
  const published = await db.claim.findFirstOrThrow({ where: { publishedAt: { not: null } }, select: { id: true, storyId: true, claimantId: true } });
  publishedClaimId = published.id;
  citedSourceId = (await db.claimSource.findFirstOrThrow({ where: { claimId: publishedClaimId }, select: { sourceId: true } })).sourceId;

  // The seed's own account writes the hostile claim, through the form's schema as a browser's
  // submission would be; an editor publishes it.
  const seedUser = await db.user.findFirstOrThrow({ where: { id: "factline-research-desk" } });
  const author: CurrentUser = { id: seedUser.id, name: seedUser.name, email: seedUser.email, role: "reviewer" };
  const form = (text: string, summary: string) =>
    claimFormSchema.parse({ text, summary, claimantId: published.claimantId, newClaimantName: "", newClaimantKind: "", newClaimantUrl: "", claimDate: "", storyId: published.storyId });
  hostileClaimId = (await claimOperations.createClaim(author, form(HOSTILE_TEXT, HOSTILE_SUMMARY))).id;
  await claimOperations.changeStatus(author, hostileClaimId, { status: "misleading", reason: HOSTILE_TEXT, version: 1 });
  await claimOperations.setPublished(people.editor, hostileClaimId, true, 2);
  draftClaimId = (await claimOperations.createClaim(author, form("Words said in a draft that readers must not see.", "A draft"))).id;
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

beforeEach(() => {
  mocks.signedIn.user = null;
});

describe("every API route, given hostile query parameters", () => {
  for (const route of QUERY_ROUTES) {
    describe(route.path, () => {
      beforeEach(() => {
        mocks.signedIn.user = route.path === "/api/exports" ? people.editor : route.path === "/api/desk/similar-claims" ? people.reviewer : null;
      });

      it("answers a plain request with a well-formed 200", async () => {
        const result = await answer(route.GET(request(route.path, withBase(route, ""))));
        expect(contractProblems(result, route.body)).toEqual([]);
        expect(typeof result === "string" ? result : result.status).toBe(200);
      });

      for (const parameter of route.parameters) {
        it(`keeps the contract for every hostile "${parameter}", alone and given twice`, async () => {
          const values = parameter === "q" ? { ...HOSTILE_VALUES, ...SEARCH_SYNTAX } : HOSTILE_VALUES;
          const problems: string[] = [];
          const statuses = new Set<number>();
          for (const [name, value] of Object.entries(values)) {
            const once = await answer(route.GET(request(route.path, withBase(route, `${parameter}=${value}`, parameter))));
            problems.push(...contractProblems(once, route.body, [`"${parameter}"`]).map((p) => `${parameter} = ${name}: ${p}`));
            if (typeof once !== "string") statuses.add(once.status);
            const twice = await answer(route.GET(request(route.path, withBase(route, `${parameter}=x&${parameter}=${value}`, parameter))));
            problems.push(...contractProblems(twice, route.body, [`"${parameter}"`]).map((p) => `${parameter} twice, then ${name}: ${p}`));
          }
          expect(problems).toEqual([]);
          // Not vacuous: some of these are refused, and an empty value is no filter at all
          // (but for a parameter the route requires).
          expect([...statuses]).toContain(400);
          if (!route.base?.includes(`${parameter}=`)) expect([...statuses]).toContain(200);
        });
      }

      it("refuses every unknown parameter with a 400 that names it", async () => {
        const problems: string[] = [];
        for (const [name, key] of Object.entries(UNKNOWN_PARAMETERS)) {
          const result = await answer(route.GET(request(route.path, withBase(route, `${key}=1`))));
          // A plain name is named as sent; a nameless one is said to be.
          const shown = decodedName(key);
          const names = shown === "" ? ["no name"] : shown.length <= 40 && !INVISIBLE.test(shown) && shown.isWellFormed() ? [shown] : [];
          problems.push(...contractProblems(result, route.body, names).map((p) => `${name}: ${p}`));
          if (typeof result !== "string" && result.status !== 400) problems.push(`${name}: status ${result.status}, not 400`);
        }
        expect(problems).toEqual([]);
      });
    });
  }

  it("/api/claims pages with its own cursor, and refuses a limit out of range by name", async () => {
    const first = await routes.claims.GET(request("/api/claims", "limit=1"));
    const page = (await first.json()) as { items: { id: string }[]; nextCursor: string | null; total: number };
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toEqual(expect.any(String));
    const second = await routes.claims.GET(request("/api/claims", `limit=1&cursor=${page.nextCursor}`));
    expect(second.status).toBe(200);
    expect(((await second.json()) as typeof page).items[0]?.id).not.toBe(page.items[0]?.id);
    for (const limit of ["-1", "0", "101", "1e309", "NaN", "99999999999999999999"]) {
      const refused = await routes.claims.GET(request("/api/claims", `limit=${limit}`));
      expect(refused.status, `limit=${limit}`).toBe(400);
      expect(await refused.json(), `limit=${limit}`).toEqual({ error: { code: "bad_request", message: expect.stringMatching(/^Parameter "limit" must be/) } });
    }
  });

  it("open data answers hostile If-None-Match headers, and 304 only for its own tag", async () => {
    const path = "/api/open-data/claims.json";
    const fresh = await routes.openJson.GET(request(path));
    const etag = fresh.headers.get("etag");
    expect(etag).toMatch(/^W\/"/);
    const headersTable: Record<string, string> = {
      "its own tag": etag ?? "",
      "10,000 characters": "x".repeat(10_000),
      "ten thousand commas": ",".repeat(10_000),
      "a tag with a quote": 'W/"a"b"',
      "a list ending in its own tag": `"a", W/"b", ${etag}`,
      "control characters": "\t\t",
    };
    const problems: string[] = [];
    for (const [name, value] of Object.entries(headersTable)) {
      const result = await answer(routes.openJson.GET(request(path, "", { "if-none-match": value })));
      problems.push(...contractProblems(result, "json").map((p) => `If-None-Match ${name}: ${p}`));
      const expected = value.includes(etag ?? "?") ? 304 : 200;
      if (typeof result !== "string" && result.status !== expected) problems.push(`If-None-Match ${name}: status ${result.status}, not ${expected}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("the [id] routes, given hostile path ids", () => {
  const ID_ROUTES = [
    { path: "/api/claims", GET: routes.claim.GET, known: () => publishedClaimId },
    { path: "/api/sources", GET: routes.source.GET, known: () => citedSourceId },
  ];

  for (const route of ID_ROUTES) {
    it(`${route.path}/[id] answers a known id with its record, and any other with a 404 sentence`, async () => {
      const call = (id: string) => route.GET(request(`${route.path}/${encodeURIComponent(id.toWellFormed())}`), { params: Promise.resolve({ id }) });
      const known = await answer(call(route.known()));
      expect(contractProblems(known, "json")).toEqual([]);
      expect(typeof known === "string" ? known : JSON.parse(known.text)).toMatchObject({ id: route.known() });

      const ids = { ...HOSTILE_IDS, "a known id with a NUL after it": `${route.known()}\u0000`, "a known id in capitals": route.known().toUpperCase() };
      if (route.path === "/api/claims") Object.assign(ids, { "a draft's id": draftClaimId });
      const problems: string[] = [];
      for (const [name, id] of Object.entries(ids)) {
        const result = await answer(call(id));
        problems.push(...contractProblems(result, "json").map((p) => `${name}: ${p}`));
        if (typeof result !== "string" && result.status !== 404) problems.push(`${name}: status ${result.status}, not 404`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("the editor's export route", () => {
  it("refuses an anonymous visitor with a 401 sentence, whatever the query, and never redirects", async () => {
    // Asked before the query is read, so a stranger learns nothing of the parameters either.
    for (const query of ["format=csv", "format=pdf&publication=drafts", `format=${HOSTILE_VALUES.NUL}&__proto__=1`, ""]) {
      const result = await answer(routes.exports.GET(request("/api/exports", query)));
      expect(contractProblems(result, "csv"), query).toEqual([]);
      expect(typeof result === "string" ? result : JSON.parse(result.text), query).toEqual({ error: { code: "unauthenticated", message: "Please sign in to do this." } });
    }
  });

  it("refuses a reviewer with a 403 sentence", async () => {
    mocks.signedIn.user = people.reviewer;
    const response = await routes.exports.GET(request("/api/exports", "format=csv"));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "forbidden", message: "Your role does not allow this." } });
  });

  it("tells an editor why a PDF of no claims cannot be made, as a 400 sentence", async () => {
    mocks.signedIn.user = people.editor;
    const result = await answer(routes.exports.GET(request("/api/exports", "format=pdf&story=no-such-story")));
    expect(contractProblems(result, "csv")).toEqual([]);
    expect(typeof result === "string" ? result : JSON.parse(result.text)).toEqual({ error: { code: "bad_request", message: expect.stringContaining("No claim matches these filters") } });
  });

  it("asks an editor for a format, naming the ones there are", async () => {
    mocks.signedIn.user = people.editor;
    const response = await routes.exports.GET(request("/api/exports", "publication=drafts"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: "bad_request", message: expect.stringContaining('Parameter "format" is required: one of csv, json') } });
  });
});

describe("the desk's similar-claims route", () => {
  it("refuses an anonymous visitor with a 401 sentence, and names drafts to the desk only", async () => {
    mocks.signedIn.user = null;
    const refused = await answer(routes.similar.GET(request("/api/desk/similar-claims", "text=ICE")));
    expect(contractProblems(refused, "json")).toEqual([]);
    expect(typeof refused === "string" ? refused : refused.status).toBe(401);
    mocks.signedIn.user = people.reviewer;
    const response = await routes.similar.GET(request("/api/desk/similar-claims", `text=${encodeURIComponent("ICE more than tripled its data on Microsoft Azure")}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    const body = (await response.json()) as { claims: { id: string; status: string; url: string }[] };
    expect(body.claims[0]).toMatchObject({ id: "ice-tripled-azure-data", status: "unverified", url: "/desk/claims/ice-tripled-azure-data" });
    const excluded = (await (await routes.similar.GET(request("/api/desk/similar-claims", `text=${encodeURIComponent("ICE more than tripled its data on Microsoft Azure")}&exclude=ice-tripled-azure-data`))).json()) as { claims: { id: string }[] };
    expect(excluded.claims.map((c) => c.id)).not.toContain("ice-tripled-azure-data");
  });
});

describe("hostile text stored in a claim", () => {
  it("comes back from search, the claim and open data as the exact text, in JSON", async () => {
    const search = await routes.claims.GET(request("/api/claims", `q=${encodeURIComponent("<script>alert claimscript")}`));
    expect(search.headers.get("content-type")).toMatch(/^application\/json/);
    const found = (await search.json()) as { items: { id: string; text: string; summary: string }[] };
    expect(found.items.map((item) => item.id)).toEqual([hostileClaimId]);
    expect(found.items[0]).toMatchObject({ text: HOSTILE_TEXT, summary: HOSTILE_SUMMARY });

    const detail = await routes.claim.GET(request(`/api/claims/${hostileClaimId}`), { params: Promise.resolve({ id: hostileClaimId }) });
    expect(detail.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await detail.json()).toMatchObject({ id: hostileClaimId, text: HOSTILE_TEXT, summary: HOSTILE_SUMMARY, statusReason: HOSTILE_TEXT });

    const openData = (await (await routes.openJson.GET(request("/api/open-data/claims.json"))).json()) as { claims: { id: string; text: string }[] };
    expect(openData.claims.find((claim) => claim.id === hostileClaimId)).toMatchObject({ text: HOSTILE_TEXT });
  });
});

describe("/api/health", () => {
  it("says the database answers, as JSON no one caches", async () => {
    const response = await routes.health.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true });
  });
});
