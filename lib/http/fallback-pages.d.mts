import type { IncomingMessage, ServerResponse } from "node:http";
export declare const FORBIDDEN_PAGE: { title: string; text: string; link: { href: string; label: string } };
export declare const HOLD_LIMIT_BYTES: number;
export type NoscriptPages = Record<403 | 404, string>;
export declare function noscriptPages(notFoundHtml: string): NoscriptPages | null;
export declare function withNoscriptCopy(html: string, copy: string): string | null;
export declare function rewriteBody(bytes: Buffer, encoding: unknown, copy: string): Buffer | null;
export declare function holdFallbackPage(request: Pick<IncomingMessage, "method">, response: ServerResponse, pages: NoscriptPages | null): void;
