import type { IncomingMessage, ServerResponse } from "node:http";
export declare const COPY_NONCE_HEADER: string;
export declare function freshNonce(): string;
export declare function withResponseNonce(text: string, copyNonce: string, responseNonce: string): string;
export declare function withResponseNonceBytes(bytes: Buffer, copyNonce: string, responseNonce: string): Buffer;
export declare function holdCopyNonce(request: Pick<IncomingMessage, "method">, response: ServerResponse, makeNonce?: () => string): void;
