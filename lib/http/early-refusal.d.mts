export declare function earlyRefusal(method: string | undefined, headers: Record<string, string | string[] | undefined>): { status: number; message: string; headers: Record<string, string> } | null;
export declare function clientErrorAnswer(error: { code?: string; rawPacket?: Buffer }): { status: number; contentType: string; body: string };
