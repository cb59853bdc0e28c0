// A form posted to a desk page by someone no longer signed in (signed out in another tab, or
// their account disabled) is sent to sign in by the desk's layout with redirect(), which Next.js
// answers with 307 whatever the method. A 307 keeps the method: the browser posted the form again
// to /sign-in, which answered "Server Action unavailable." (409), a dead end. To sign in is to GET
// that page: the production server (scripts/next-server.mjs) sends such an answer as 303.

/** Whether `location` is the sign-in page, written as Next.js writes it or in full. */
function isSignIn(location) {
  if (typeof location !== "string" || location === "") return false;
  try {
    return new URL(location, "http://app.invalid").pathname === "/sign-in";
  } catch {
    return false;
  }
}

/**
 * Sends a POST's 307 to the sign-in page as "303 See Other". Only 307, what redirect() gives: a
 * 308 is Next.js's own move of an address (a closing slash), whose POST should go on as sent.
 */
export function seeOtherToSignIn(request, response) {
  if (request.method !== "POST") return;
  const writeHead = response.writeHead;
  response.writeHead = function (status, ...rest) {
    const headers = rest.find((part) => part && typeof part === "object");
    const location = headers && !Array.isArray(headers) ? (headers.location ?? headers.Location) : undefined;
    if (status === 307 && isSignIn(location ?? response.getHeader("location"))) {
      response.statusCode = 303;
      return writeHead.call(response, 303, ...rest.filter((part) => typeof part !== "string"));
    }
    return writeHead.call(response, status, ...rest);
  };
}
