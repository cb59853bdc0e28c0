import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";

// Better Auth's own HTTP endpoints (session, sign-out, admin). Sign-up is disabled in lib/auth.ts;
// it checks Origin against trustedOrigins and rate-limits these routes itself.
export const { GET, POST } = toNextJsHandler(auth.handler);
