import net from "node:net";

/**
 * Which network addresses a capture may connect to (ADR 029). A capture fetches an address a
 * person typed, from inside our network: anything that is not a public unicast address is
 * refused, so the server cannot be turned into a probe of its own network or its cloud's
 * metadata service. Checked on the address actually connected to, after DNS, on every hop.
 */

export type RefusedKind = "private" | "metadata";

/** Names that mean the cloud's metadata service, whatever they resolve to. */
const METADATA_HOSTNAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata"]);
const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254", "169.254.170.2", "100.100.100.200"]);

type Range = readonly [base: number, prefix: number];

// IPv4 ranges that are not public unicast (IANA special-purpose registry, RFC 6890 and after).
const REFUSED_V4: readonly Range[] = [
  [ip4(0, 0, 0, 0), 8], // "this network", unspecified
  [ip4(10, 0, 0, 0), 8], // private
  [ip4(100, 64, 0, 0), 10], // carrier-grade NAT
  [ip4(127, 0, 0, 0), 8], // loopback
  [ip4(169, 254, 0, 0), 16], // link-local, cloud metadata
  [ip4(172, 16, 0, 0), 12], // private
  [ip4(192, 0, 0, 0), 24], // IETF protocol assignments
  [ip4(192, 0, 2, 0), 24], // documentation
  [ip4(192, 88, 99, 0), 24], // 6to4 relay anycast
  [ip4(192, 168, 0, 0), 16], // private
  [ip4(198, 18, 0, 0), 15], // benchmarking
  [ip4(198, 51, 100, 0), 24], // documentation
  [ip4(203, 0, 113, 0), 24], // documentation
  [ip4(224, 0, 0, 0), 4], // multicast
  [ip4(240, 0, 0, 0), 4], // reserved, broadcast
];

function ip4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function parseIPv4(address: string): number | null {
  if (!net.isIPv4(address)) return null;
  const [a, b, c, d] = address.split(".").map(Number) as [number, number, number, number];
  return ip4(a, b, c, d);
}

function inV4(value: number, [base, prefix]: Range): boolean {
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return (value & mask) >>> 0 === base;
}

/** The eight 16-bit groups of an IPv6 address (dotted IPv4 tails included), or null. */
export function parseIPv6(address: string): number[] | null {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!net.isIPv6(bare)) return null;
  let text = bare.toLowerCase();
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]!);
    if (v4 === null) return null;
    text = `${text.slice(0, -dotted[1]!.length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill("0");
  const groups = [...headGroups, ...fill, ...tailGroups].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

function embeddedV4(hi: number, lo: number): string {
  return `${hi >>> 8}.${hi & 0xff}.${lo >>> 8}.${lo & 0xff}`;
}

function refusedV6(groups: number[]): RefusedKind | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const zeroTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
  // ::/96 holds :: (unspecified), ::1 (loopback) and the deprecated IPv4-compatible form: none
  // is a public address. ::ffff:0:0/96 is IPv4-mapped and 64:ff9b::/96 NAT64: each reaches the
  // IPv4 address it carries, so that address decides.
  if (zeroTo(6)) return "private";
  if (zeroTo(5) && g5 === 0xffff) return classifyAddress(embeddedV4(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyAddress(embeddedV4(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return "private"; // local-use NAT64 (RFC 8215)
  // Only 2000::/3 is global unicast; everything else is refused by default, not range by range:
  // unique local fc00::/7 (fd00:ec2::254 is AWS metadata), link-local and old site-local, multicast,
  // discard-only 100::/64, and space IANA has not assigned (5f00::/16 is segment routing's).
  if ((g0 & 0xe000) !== 0x2000) return "private";
  if (g0 === 0x2002) return classifyAddress(embeddedV4(g1, g2)); // 6to4 carries an IPv4 address
  // IETF protocol assignments 2001::/23: Teredo (tunnels to an obfuscated IPv4 address),
  // benchmarking 2001:2::/48, ORCHID; no newsroom's source is served from them.
  if (g0 === 0x2001 && g1 < 0x200) return "private";
  if (g0 === 0x2001 && g1 === 0xdb8) return "private"; // documentation
  if (g0 === 0x3fff && g1 < 0x1000) return "private"; // documentation 3fff::/20
  return null;
}

/**
 * Why an IP address may not be captured from, or null for a public unicast address. Any string
 * that is not an IP address is refused: only resolved addresses reach this check.
 */
export function classifyAddress(address: string): RefusedKind | null {
  const bare = address.replace(/^\[|\]$/g, "").toLowerCase();
  const v4 = parseIPv4(bare);
  if (v4 !== null) {
    if (METADATA_ADDRESSES.has(bare)) return "metadata";
    return REFUSED_V4.some((range) => inV4(v4, range)) ? "private" : null;
  }
  const v6 = parseIPv6(bare);
  if (!v6) return "private";
  const canonical = v6.map((g) => g.toString(16)).join(":");
  if (canonical === "fd00:ec2:0:0:0:0:0:254") return "metadata";
  return refusedV6(v6);
}

/** A host name refused before any lookup: the metadata service's names, and *.localhost. */
export function classifyHostname(hostname: string): RefusedKind | null {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  if (METADATA_HOSTNAMES.has(name)) return "metadata";
  if (name === "localhost" || name.endsWith(".localhost")) return "private";
  return null;
}

/** The host of a URL as an IP address literal, without IPv6 brackets, or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return net.isIP(bare) ? bare : null;
}
