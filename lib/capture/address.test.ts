import { describe, expect, it } from "vitest";
import { classifyAddress, classifyHostname, ipLiteral } from "@/lib/capture/address";

describe("classifyAddress", () => {
  it.each([
    ["0.0.0.0", "private"],
    ["0.1.2.3", "private"],
    ["10.0.0.1", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.254", "private"],
    ["127.0.0.1", "private"],
    ["127.255.255.254", "private"],
    ["169.254.1.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["192.0.0.8", "private"],
    ["198.18.0.1", "private"],
    ["224.0.0.1", "private"],
    ["239.255.255.250", "private"],
    ["255.255.255.255", "private"],
    ["169.254.169.254", "metadata"],
    ["::", "private"],
    ["::1", "private"],
    ["[::1]", "private"],
    ["::ffff:127.0.0.1", "private"],
    ["::ffff:7f00:1", "private"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "metadata"],
    ["64:ff9b::127.0.0.1", "private"],
    ["64:ff9b::a9fe:a9fe", "metadata"],
    ["64:ff9b:1::1", "private"],
    ["::127.0.0.1", "private"],
    ["2002:7f00:1::", "private"],
    ["2001:0:4136:e378::1", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fd00:ec2::254", "metadata"],
    ["FD00:EC2:0:0:0:0:0:254", "metadata"],
    ["fe80::1", "private"],
    ["fe80::1%eth0", "private"],
    ["fec0::1", "private"],
    ["ff02::1", "private"],
    ["2001:db8::1", "private"],
    ["2001:2::1", "private"],
    ["2001:2:0:ffff::1", "private"],
    ["2001:10::1", "private"],
    ["2001:1ff::1", "private"],
    ["3fff::1", "private"],
    ["3fff:fff::1", "private"],
    ["5f00::1", "private"],
    ["4000::1", "private"],
    ["1fff:ffff::1", "private"],
    ["100::1", "private"],
    ["not an address", "private"],
  ])("refuses %s as %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(["93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "169.253.255.255", "2606:4700::6810:84e5", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2001:200::1", "2a00:1450:4009:80b::200e"])(
    "lets the public address %s through",
    (address) => {
      expect(classifyAddress(address)).toBeNull();
    },
  );
});

describe("host names", () => {
  it("refuses the metadata service's names and localhost before any lookup", () => {
    expect(classifyHostname("metadata.google.internal")).toBe("metadata");
    expect(classifyHostname("METADATA.GOOGLE.INTERNAL.")).toBe("metadata");
    expect(classifyHostname("localhost")).toBe("private");
    expect(classifyHostname("app.localhost")).toBe("private");
    expect(classifyHostname("example.org")).toBeNull();
  });

  it("reads the URL parser's IPv4 spellings as the addresses they are", () => {
    // WHATWG URL turns decimal, octal and hex IPv4 forms into dotted quads; the guard sees those.
    for (const spelling of ["http://2130706433/", "http://0x7f.1/", "http://0177.0.0.1/", "http://127.1/", "http://0x7f000001/"]) {
      const host = new URL(spelling).hostname;
      expect(ipLiteral(host)).toBe("127.0.0.1");
      expect(classifyAddress(host)).toBe("private");
    }
    expect(ipLiteral(new URL("http://[::ffff:a9fe:a9fe]/").hostname)).toBe("::ffff:a9fe:a9fe");
    expect(ipLiteral("example.org")).toBeNull();
  });
});
