// What a POST to a page (a server action) must look like before Next.js reads it. Next.js answers
// an oversized, unreadable or wrongly typed body with a 500; the proxy checks it first and
// answers in words with a 4xx, and nothing runs (docs/decisions/016-hostile-requests.md).

/** The largest form body accepted: a source's captured text (500,000 characters) fits. */
export const FORM_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * How much of a body Next.js hands the proxy (`experimental.proxyClientMaxBodySize`). A body
 * longer than that reaches the proxy cut short, without a sign; set well above the form limit, a
 * cut body is still longer than the limit by more than any network chunk, so it is refused here
 * and never taken for a shorter, complete form.
 */
export const PROXY_BODY_LIMIT_BYTES = FORM_BODY_LIMIT_BYTES + 1024 * 1024;

export interface BodyRefusal {
  status: 400 | 413 | 415;
  message: string;
}

const FORM_TYPES = new Set(["multipart/form-data", "application/x-www-form-urlencoded"]);

const tooLarge: BodyRefusal = {
  status: 413,
  message: `This form is larger than ${FORM_BODY_LIMIT_BYTES / 1024 / 1024} MB, the most we accept. Nothing was saved: shorten the longest text and send it again.`,
};
const unreadable: BodyRefusal = { status: 400, message: "This form's body could not be read. Nothing was saved: reload the page and try again." };

/**
 * The body's bytes, or null when there are more than the limit. Past the limit the rest is read
 * and dropped, not kept: Next.js answers only once the whole request has arrived, and a read
 * abandoned half way leaves it waiting for ever. Next.js ends the stream at
 * PROXY_BODY_LIMIT_BYTES, so that is all the reading there is.
 */
async function readWithin(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (request.body) {
    for await (const chunk of request.clone().body!) {
      length += chunk.byteLength;
      if (length <= FORM_BODY_LIMIT_BYTES) chunks.push(chunk);
    }
  }
  if (length > FORM_BODY_LIMIT_BYTES) return null;
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Null when the body may go on to its server action; otherwise the answer to give. */
/** Deeper than any argument of ours: Next.js decodes arguments recursively, and overflows on far deeper ones. */
const ARGUMENT_DEPTH_LIMIT = 32;

/**
 * Strings React's reply encoding reads as values rather than text ("$undefined", a date, a
 * number it cannot write in JSON); "$$…" is text that starts with "$". Any other "$…" is a
 * reference to another part of the request, which Next.js fails on with a 500 when it is not there.
 */
const VALUE_TOKENS = /^\$(?:\$|undefined$|u$|-0$|Infinity$|-Infinity$|NaN$|D|n-?\d+$)/;

/**
 * Whether a server action's arguments are what Next.js can decode: an array, nested no deeper
 * than ARGUMENT_DEPTH_LIMIT, whose "$K<id>" form references name parts that were sent, and with
 * no other reference. Walked without recursion, so a hostile depth cannot overflow this either.
 */
export function areDecodableActionArgs(args: unknown, hasPart: (id: string) => boolean): boolean {
  if (!Array.isArray(args)) return false;
  const stack: { value: unknown; depth: number }[] = [{ value: args, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (!value.startsWith("$") || VALUE_TOKENS.test(value)) continue;
      const form = /^\$K(\d+)$/.exec(value);
      if (form && hasPart(form[1]!)) continue;
      return false;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth > ARGUMENT_DEPTH_LIMIT) return false;
    for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: item, depth: depth + 1 });
  }
  return true;
}

export async function checkFormBody(request: Request): Promise<BodyRefusal | null> {
  // A declared length over the limit is refused before a byte is read. Without one (a reverse
  // proxy streaming an HTTP/2 upload, or Next.js forwarding an action), the bytes are counted.
  const declared = request.headers.get("content-length");
  if (declared !== null && !/^\d{1,15}$/.test(declared)) return { status: 400, message: "This request's Content-Length is not a number. Nothing was saved." };
  if (declared !== null && Number(declared) > FORM_BODY_LIMIT_BYTES) return tooLarge;
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const isForm = FORM_TYPES.has(type);
  // The app's script calling a server action with plain values: a JSON array of its arguments.
  const isActionCall = type === "text/plain" && request.headers.has("next-action");
  if (!isForm && !isActionCall) return { status: 415, message: "Forms are accepted as multipart/form-data or application/x-www-form-urlencoded. Nothing was saved." };
  let bytes: Uint8Array<ArrayBuffer> | null;
  try {
    bytes = await readWithin(request);
  } catch {
    return unreadable;
  }
  if (!bytes) return tooLarge;
  try {
    const body = new Response(bytes, { headers: { "content-type": contentType } });
    if (isForm) {
      const form = await body.formData();
      // A script's call of an action sends its arguments as JSON in field "0", next to the form
      // parts they refer to (React names them "_1_email" for "$K1"): checked like a plain call's.
      const root = form.get("0");
      if (typeof root === "string" && request.headers.has("next-action")) {
        const parts = new Set([...form.keys()].map((key) => /^_(\d+)_/.exec(key)?.[1]).filter(Boolean));
        if (!areDecodableActionArgs(JSON.parse(root), (id) => parts.has(id))) return unreadable;
      }
    } else if (!areDecodableActionArgs(await body.json(), () => false)) return unreadable;
    return null;
  } catch {
    return unreadable;
  }
}
