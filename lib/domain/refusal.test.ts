import { describe, expect, it } from "vitest";
import { isLimitRefusal } from "@/lib/domain/refusal";
import { signInRefusalMessage, writeRefusalMessage } from "@/lib/rate-limit";

describe("isLimitRefusal", () => {
  it("knows every refusal the proxy and the sign-in limits word", () => {
    const words = [
      ...(["session", "address", "sign-in"] as const).map((scope) => writeRefusalMessage({ scope, retryAfterSeconds: 41 })),
      ...(["pair", "account", "address"] as const).map((scope) => signInRefusalMessage({ scope, retryAfterSeconds: 600 })),
    ];
    for (const message of words) expect(isLimitRefusal(new Error(message)), message).toBe(true);
  });

  it("leaves every other error to the page's error boundary", () => {
    for (const error of [
      new Error("Too many re-renders. React limits the number of renders to prevent an infinite loop."),
      new Error("Failed to fetch"),
      new Error("An unexpected response was received from the server."),
      "Too many changes in a minute from this account.",
      null,
    ]) {
      expect(isLimitRefusal(error)).toBe(false);
    }
  });
});
