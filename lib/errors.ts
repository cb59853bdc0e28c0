/** The error codes the app raises on purpose; each maps to an HTTP status in route handlers. */
export const APP_ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** A broken rule or a refused request, with a message fit to show a person. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  constructor(code: AppErrorCode, message: string) {
    super(message);
    this.name = "AppError";
    this.code = code;
  }
  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

/**
 * A rule about one field that only the stored record can check (a published claim's status
 * change needs a correction note): shown beside that field, like a validation error.
 */
export class FieldRuleError extends AppError {
  readonly field: string;
  constructor(field: string, message: string) {
    super("bad_request", message);
    this.name = "FieldRuleError";
    this.field = field;
  }
}

/** An edit made against an older version: refused, with the record as it is now. */
export class ConflictError extends AppError {
  readonly current: Record<string, string>;
  /** The version saved now: a form that shows `current` may try again from it. */
  readonly version: number;
  /**
   * What is saved now, by form field name and as a form shows it: a form that sent the values it
   * started from (`base:<field>`) takes these for the fields its person left alone, so saving
   * again keeps what the other person saved (lib/actions/state.ts mergeAfterConflict).
   */
  readonly saved: Record<string, string>;
  constructor(message: string, current: Record<string, string>, version: number, saved: Record<string, string> = {}) {
    super("conflict", message);
    this.name = "ConflictError";
    this.current = current;
    this.version = version;
    this.saved = saved;
  }
}

/**
 * The capture a new-source form names is no longer kept: it waited unsaved longer than a capture
 * is kept without a source (docs/decisions/029-source-capture.md, amendment). The form keeps its
 * text; the person chooses to capture again or to save without the capture's record.
 */
export class CaptureGoneError extends AppError {
  constructor(message: string) {
    super("bad_request", message);
    this.name = "CaptureGoneError";
  }
}
