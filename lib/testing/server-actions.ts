import { vi } from "vitest";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import type { CurrentUser } from "@/lib/session";
import { authSignedInAs } from "@/lib/testing/signed-in-as";

/**
 * Next.js's request-bound functions and Better Auth's session lookup, as tests that call server
 * actions in-process replace them. vi.mock is hoisted only in the test file itself, so each
 * such file wires these up with four lines:
 *
 *   vi.mock("next/headers", async () => (await import("@/lib/testing/server-actions")).nextHeadersMock);
 *   vi.mock("next/cache", async () => (await import("@/lib/testing/server-actions")).nextCacheMock);
 *   vi.mock("next/navigation", async () => (await import("@/lib/testing/server-actions")).nextNavigationMock);
 *   vi.mock("@/lib/auth", async (importOriginal) => (await import("@/lib/testing/server-actions")).authMock(await importOriginal()));
 *
 * The real authorize() → getCurrentUser() chain still runs, so a refusal is the one a browser
 * would get.
 */

/** What redirect() throws here; Next's own signal, like this one, ends the action. */
export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

/** Who is asking; null is an anonymous visitor. */
const signedIn = { user: null as CurrentUser | null };

export const nextHeadersMock = { headers: async () => new Headers() };

export const nextCacheMock = { revalidatePath: vi.fn(), updateTag: vi.fn() };

export const nextNavigationMock = {
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  forbidden: () => {
    throw new Error("forbidden() called from a server action");
  },
  notFound: () => {
    throw new Error("notFound() called from a server action");
  },
};

/** lib/auth with Better Auth's session lookup answering for whoever callAction() is acting as. */
export function authMock(actual: unknown) {
  return authSignedInAs(actual as Parameters<typeof authSignedInAs>[0], () => signedIn.user);
}

export type ServerAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** How an action ended: the state it gave its form, or the page it sent the browser to. */
export type ActionOutcome = { state: ActionState; redirectedTo?: never } | { state?: never; redirectedTo: string };

/** Calls `action` as `user` (null: anonymous), as a form post would. Anything else it throws escapes. */
export async function callAction(action: ServerAction, user: CurrentUser | null, formData: FormData): Promise<ActionOutcome> {
  signedIn.user = user;
  try {
    return { state: await action(initialActionState, formData) };
  } catch (error) {
    if (error instanceof RedirectSignal) return { redirectedTo: error.url };
    throw error;
  } finally {
    signedIn.user = null;
  }
}

/** Whether the action did what it was asked: redirected, or told its form so. */
export function succeeded(outcome: ActionOutcome): boolean {
  return outcome.redirectedTo !== undefined || outcome.state?.ok === true;
}

/** Forgets what earlier calls revalidated or expired. */
export function clearCacheCalls(): void {
  nextCacheMock.revalidatePath.mockClear();
  nextCacheMock.updateTag.mockClear();
}

/** A form post's fields, each once. */
export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/**
 * The exported functions of `modules` that are neither in `covered` nor `exempt`, as
 * "module.name": a table of actions that must name every one of them checks this is empty.
 */
export function actionsLeftOut(modules: Record<string, Record<string, unknown>>, covered: Iterable<unknown>, exempt: Iterable<unknown> = []): string[] {
  const known = new Set<unknown>([...covered, ...exempt]);
  return Object.entries(modules).flatMap(([module, exports]) =>
    Object.entries(exports)
      .filter(([, value]) => typeof value === "function" && !known.has(value))
      .map(([name]) => `${module}.${name}`),
  );
}

/**
 * Every module of server actions, by name. Imported only when called: a test file points
 * DATABASE_URL at its own database first, since lib/db opens it on import.
 */
export async function importServerActions() {
  return {
    claims: await import("@/lib/actions/claims"),
    sources: await import("@/lib/actions/sources"),
    links: await import("@/lib/actions/links"),
    annotations: await import("@/lib/actions/annotations"),
    users: await import("@/lib/actions/users"),
    stories: await import("@/lib/actions/stories"),
    claimants: await import("@/lib/actions/claimants"),
    auth: await import("@/lib/actions/auth"),
  };
}
