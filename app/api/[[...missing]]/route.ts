import { jsonError } from "@/lib/api/responses";

// Any address under /api that names no route: the API's 404, in its JSON error shape, instead of
// the readers' HTML "not found" page.
export function GET(): Response {
  return jsonError("not_found", "No API answers at this address.");
}
