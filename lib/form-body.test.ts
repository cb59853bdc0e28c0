import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT_BYTES, areDecodableActionArgs, checkFormBody } from "./form-body";

function post(body: BodyInit | null, headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1/desk/claims/new", { method: "POST", body, headers });
}

function multipart(fields: Record<string, string>): { body: string; type: string } {
  const boundary = "----factline-test";
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: `${parts.join("")}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

const sized = (body: string, type: string, extra: Record<string, string> = {}) => post(body, { "content-type": type, "content-length": String(Buffer.byteLength(body)), ...extra });

describe("checkFormBody", () => {
  it("lets a well-formed form through, as multipart and as urlencoded", async () => {
    const form = multipart({ text: "ICE more than tripled the data.", summary: "<script>x</script>" });
    expect(await checkFormBody(sized(form.body, form.type))).toBeNull();
    expect(await checkFormBody(sized("text=a&summary=b", "application/x-www-form-urlencoded"))).toBeNull();
  });

  it("lets the app's script send its arguments as a JSON array", async () => {
    expect(await checkFormBody(sized('["$undefined"]', "text/plain;charset=UTF-8", { "next-action": "00aa" }))).toBeNull();
  });

  it("refuses a body larger than the limit by its declared length, before reading it", async () => {
    const refusal = await checkFormBody(post("x", { "content-type": "multipart/form-data; boundary=b", "content-length": String(FORM_BODY_LIMIT_BYTES + 1) }));
    expect(refusal).toEqual({ status: 413, message: expect.stringContaining("larger than 2 MB") });
    // Exactly the limit is accepted as far as the length goes (the body itself is then read).
    const form = multipart({ text: "a".repeat(FORM_BODY_LIMIT_BYTES - 200) });
    expect(await checkFormBody(sized(form.body, form.type))).toBeNull();
  });

  it("counts the bytes of a body whose length is not declared, as a streaming proxy sends it", async () => {
    const streamed = (body: string) => {
      const bytes = new TextEncoder().encode(body);
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          // In network-sized pieces, as it would arrive.
          for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.slice(at, at + 64 * 1024));
          controller.close();
        },
      });
      return new Request("http://127.0.0.1/desk/claims/new", { method: "POST", body: stream, duplex: "half", headers: { "content-type": "application/x-www-form-urlencoded" } } as RequestInit);
    };
    expect(await checkFormBody(streamed(`text=${"a".repeat(1000)}`))).toBeNull();
    expect((await checkFormBody(streamed(`text=${"a".repeat(FORM_BODY_LIMIT_BYTES)}`)))?.status).toBe(413);
  });

  it("refuses a declared length that is not a number", async () => {
    expect((await checkFormBody(post("a=b", { "content-type": "application/x-www-form-urlencoded", "content-length": "3, 3" })))?.status).toBe(400);
  });

  it("refuses a broken multipart body and a junk action call with 400", async () => {
    const broken = '--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\nb';
    expect(await checkFormBody(sized(broken, "multipart/form-data; boundary=XX"))).toEqual({ status: 400, message: expect.stringContaining("could not be read") });
    expect((await checkFormBody(sized("junk", "multipart/form-data")))?.status).toBe(400);
    expect((await checkFormBody(sized("[{{{", "text/plain;charset=UTF-8", { "next-action": "00aa" })))?.status).toBe(400);
    expect((await checkFormBody(sized('{"a":1}', "text/plain;charset=UTF-8", { "next-action": "00aa" })))?.status).toBe(400);
  });

  it("refuses action arguments Next.js could not decode: nested past any of ours, or a reference to nothing", async () => {
    const call = (body: string) => checkFormBody(sized(body, "text/plain;charset=UTF-8", { "next-action": "00aa" }));
    for (const body of [`${"[".repeat(50_000)}${"]".repeat(50_000)}`, `[${"{\"a\":".repeat(40)}1${"}".repeat(40)}]`, '["$1"]', '["$K1"]', '["$Q2"]', '["$@0"]', '[{"x":"$F1"}]']) {
      expect((await call(body))?.status, body.slice(0, 40)).toBe(400);
    }
    for (const body of ['["$$100 million", "$undefined", "$D2026-01-01T00:00:00.000Z", "$n12", "$-0", "$NaN"]', `[${"[".repeat(20)}${"]".repeat(20)}]`]) {
      expect(await call(body), body.slice(0, 40)).toBeNull();
    }
    // A script's form, as a browser sends it: its parts are there for "$K1" to name.
    const form = multipart({ "_1_$ACTION_REF_1": "", "_1_text": "Words", "0": '[{"ok":false,"values":{"summary":"$$5"}},"$K1"]' });
    expect(await checkFormBody(sized(form.body, form.type, { "next-action": "00aa" }))).toBeNull();
    const dangling = multipart({ "0": '["$K2"]', "_1_text": "Words" });
    expect((await checkFormBody(sized(dangling.body, dangling.type, { "next-action": "00aa" })))?.status).toBe(400);
    expect(areDecodableActionArgs({ not: "an array" }, () => true)).toBe(false);
  });

  it("refuses other kinds of body with 415", async () => {
    expect((await checkFormBody(sized('{"a":1}', "application/json")))?.status).toBe(415);
    expect((await checkFormBody(sized("hello", "text/plain")))?.status).toBe(415);
    expect((await checkFormBody(sized("", "")))?.status).toBe(415);
  });
});
