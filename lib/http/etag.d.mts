import type { IncomingMessage, ServerResponse } from "node:http";
export declare const ETAG_LIMIT_BYTES: number;
export declare function entityTag(bytes: Buffer): string;
export declare function holdEntityTag(request: Pick<IncomingMessage, "method" | "headers">, response: ServerResponse): void;
