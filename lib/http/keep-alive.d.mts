import type { Server } from "node:http";
export declare const KEEP_ALIVE_MS: number;
export declare function keepIdleConnections<S extends Server>(server: S): S;
