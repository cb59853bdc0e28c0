export declare function earlyRefusal(method: string | undefined, headers: Record<string, string | string[] | undefined>): { status: number; message: string; headers: Record<string, string> } | null;
