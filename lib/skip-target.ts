/**
 * Where "Skip to content" lands on desk pages: after the desk's menu, which sits inside `<main>`.
 * A plain module, not the client component's: a server component importing a value from a
 * "use client" file gets a client reference, not the string.
 */
export const DESK_CONTENT_ID = "desk-content";

export const isDeskPath = (pathname: string): boolean => pathname === "/desk" || pathname.startsWith("/desk/");
