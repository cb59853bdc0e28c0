import http from "node:http";
import type net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { seeOtherToSignIn } from "@/lib/http/see-other.mjs";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
});

/** What a request with `method` gets from a server whose handler answers as `answer` does. */
async function answered(method: string, answer: (response: http.ServerResponse) => void): Promise<{ status: number; location: string | null }> {
  const server = http.createServer((request, response) => {
    seeOtherToSignIn(request, response);
    answer(response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/desk/claims/c1`, { method, redirect: "manual", body: method === "POST" ? "a=1" : undefined });
  return { status: response.status, location: response.headers.get("location") };
}

// As Next.js answers redirect() in a page: the location set first, the head sent with the body.
const toSignIn = (location: string, status = 307) => (response: http.ServerResponse) => {
  response.statusCode = status;
  response.setHeader("location", location);
  response.end();
};

describe("a POST sent to sign in", () => {
  it("is told to GET the sign-in page (303), however the redirect was written", async () => {
    expect(await answered("POST", toSignIn("/sign-in?next=%2Fdesk%2Fclaims%2Fc1"))).toEqual({ status: 303, location: "/sign-in?next=%2Fdesk%2Fclaims%2Fc1" });
    expect(await answered("POST", toSignIn("https://facts.example.org/sign-in"))).toMatchObject({ status: 303 });
    expect(
      await answered("POST", (response) => {
        response.writeHead(307, "Temporary Redirect", { location: "/sign-in?next=%2Fdesk" });
        response.end();
      }),
    ).toEqual({ status: 303, location: "/sign-in?next=%2Fdesk" });
  });

  it("leaves every other answer alone: a GET, another address, another status", async () => {
    expect(await answered("GET", toSignIn("/sign-in?next=%2Fdesk"))).toMatchObject({ status: 307 });
    expect(await answered("POST", toSignIn("/desk/claims/c2"))).toMatchObject({ status: 307 });
    expect(await answered("POST", toSignIn("/sign-in-help"))).toMatchObject({ status: 307 });
    expect(await answered("POST", toSignIn("/sign-in", 302))).toMatchObject({ status: 302 });
    // Next.js's own 308 (an address with a closing slash) keeps its POST.
    expect(await answered("POST", toSignIn("/sign-in", 308))).toMatchObject({ status: 308 });
  });
});
