import type { RedisClientType } from "redis";

export declare const COMMAND_TIMEOUT_MS: number;
export declare function redisUrl(): string | null;
export declare function sharedRedis(): { url: string; client: RedisClientType; state: "connecting" | "up" | "down" | "closed" } | null;
export declare function isRedisUp(): boolean;
export declare function withRedis<T>(command: (client: RedisClientType) => Promise<T>, fallback: () => T | Promise<T>): Promise<T>;
export declare function onRedisReconnect(listener: () => unknown): () => void;
export declare function closeRedis(): Promise<void>;
