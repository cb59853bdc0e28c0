import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("cursors", () => {
  it("round-trip keyset and offset cursors", () => {
    const keyset = { n: 20, p: "2026-01-02T03:04:05.000Z", id: "abc_1-2" };
    expect(decodeCursor(encodeCursor(keyset))).toEqual(keyset);
    expect(decodeCursor(encodeCursor({ n: 40 }))).toEqual({ n: 40 });
  });

  it("refuse anything that is not one of ours", () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64url");
    for (const text of [
      "",
      "!!!",
      "not base64 at all",
      b64("not json"),
      b64("[]"),
      b64('{"n":-1}'),
      b64('{"n":1.5}'),
      b64('{"n":"1"}'),
      b64('{"n":1,"p":"2026-01-01T00:00:00.000Z"}'),
      b64('{"n":1,"id":"x"}'),
      b64('{"n":1,"p":"yesterday","id":"x"}'),
      b64('{"n":1,"p":"0000-01-01T00:00:00Z","id":"x"}'),
      b64('{"n":1,"p":"9999-12-31T23:59:59.999Z","id":"x"}'),
      b64('{"n":1,"extra":true}'),
      "a".repeat(401),
    ]) {
      expect(decodeCursor(text), text).toBeNull();
    }
  });
});
