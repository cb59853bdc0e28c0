import type { IncomingMessage, ServerResponse } from "node:http";
export declare function seeOtherToSignIn(request: Pick<IncomingMessage, "method">, response: ServerResponse): void;
