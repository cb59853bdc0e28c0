export declare const SURROGATE_KEY_HEADER: "surrogate-key";
export declare const SITE_KEY: "site";
export declare const SURROGATE_KEY_MAX_LENGTH: number;
export declare function surrogateKeysFor(tagsHeader: unknown): string | null;
export declare function withSurrogateKeys<T>(value: T): T;
