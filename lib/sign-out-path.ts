/**
 * Where the desk's "Sign out" form posts (app/sign-out/route.ts). The write limits never count a
 * post here (lib/rate-limit.ts): ending one's own session changes nothing anyone else sees, and
 * a person past the limit must still be able to leave a shared computer signed out.
 */
export const SIGN_OUT_PATH = "/sign-out";
