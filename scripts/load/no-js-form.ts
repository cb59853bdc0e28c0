// Submits the app's forms over plain HTTP the way a browser without JavaScript does: read the
// page, take every field of the chosen form as the server rendered it (the server action's
// reference and key included), change the ones a person would, and POST it as multipart. Used by
// scripts/load-reviewers.ts and e2e/desk-access-http.spec.ts; it knows nothing about which forms exist.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") return String.fromCodePoint(code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : Number(code.slice(1)));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return match ? decodeHtml(match[1]!) : null;
}

function findForm(html: string, marker: string): string {
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/gi)].map((m) => m[0]).find((f) => f.includes(marker));
  if (!form) throw new Error(`No form containing ${JSON.stringify(marker)} on the page.`);
  return form;
}

/**
 * Where the first form in `html` whose markup contains `marker` posts, as a browser would send
 * it: its own `action` address, or, with none (a server action's form), `page`.
 */
export function formAction(html: string, marker: string, page = ""): string {
  const open = /<form\b[^>]*>/i.exec(findForm(html, marker))![0];
  return attribute(open, "action") ?? page;
}

/** The fields of the first form in `html` whose markup contains `marker`, as rendered. */
export function formFields(html: string, marker: string): Map<string, string> {
  const form = findForm(html, marker);
  const fields = new Map<string, string>();
  for (const [tag] of form.matchAll(/<input\b[^>]*>/gi)) {
    const name = attribute(tag, "name");
    if (!name) continue;
    const type = (attribute(tag, "type") ?? "text").toLowerCase();
    if ((type === "checkbox" || type === "radio") && !/\schecked(=|\s|\/|>)/i.test(tag)) continue;
    if (type === "submit" || type === "button") continue;
    fields.set(name, attribute(tag, "value") ?? "");
  }
  for (const [, open, body] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/gi)) {
    const name = attribute(open!, "name");
    if (!name) continue;
    const selected = /<option\b[^>]*\sselected[^>]*>/i.exec(body!)?.[0] ?? /<option\b[^>]*>/i.exec(body!)?.[0];
    fields.set(name, selected ? (attribute(selected, "value") ?? "") : "");
  }
  for (const [, open, body] of form.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/gi)) {
    const name = attribute(open!, "name");
    if (name) fields.set(name, decodeHtml(body!));
  }
  return fields;
}

/** A person's HTTP session: one cookie jar, one address. */
export class Visitor {
  constructor(
    private readonly origin: string,
    private readonly address: string,
    private readonly cookies = new Map<string, string>(),
  ) {}

  /** The same person, with the same cookie jar, talking to another process of the app at `origin`. */
  at(origin: string): Visitor {
    return new Visitor(origin, this.address, this.cookies);
  }

  /** The cookies this visitor holds: a session to expire, revoke or replay. */
  get jar(): ReadonlyMap<string, string> {
    return this.cookies;
  }

  /** Another visitor, from `address`, holding a copy of these cookies, with `changes` made to them. */
  replaying(address: string, changes: Record<string, string> = {}): Visitor {
    const copy = new Visitor(this.origin, address);
    for (const [name, value] of [...this.cookies, ...Object.entries(changes)]) copy.cookies.set(name, value);
    return copy;
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    return { "x-forwarded-for": this.address, origin: this.origin, ...(cookie ? { cookie } : {}) };
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(pathname: string): Promise<{ status: number; html: string }> {
    const response = await fetch(`${this.origin}${pathname}`, { headers: this.headers(), redirect: "manual" });
    this.keep(response);
    return { status: response.status, html: await response.text() };
  }

  /** POSTs the fields to `pathname` as a form without JavaScript would; redirects are not followed. */
  async post(pathname: string, fields: Map<string, string>): Promise<{ status: number; location: string | null; html: string; headers: Headers }> {
    const body = new FormData();
    for (const [name, value] of fields) body.append(name, value);
    const response = await fetch(`${this.origin}${pathname}`, { method: "POST", body, headers: this.headers(), redirect: "manual" });
    this.keep(response);
    return { status: response.status, location: response.headers.get("location"), html: await response.text(), headers: response.headers };
  }
}
