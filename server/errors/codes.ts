// The one table of error codes: stable SCREAMING_SNAKE names and their HTTP status. Add a code
// here and its message in both catalogues (messages/{id,en}/errors.json `codes`; a test checks).
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400 },
  AUTH_REQUIRED: { status: 401 },
  AUTH_INVALID: { status: 401 },
  AUTH_LOCKED: { status: 429 },
  TWO_FACTOR_REQUIRED: { status: 401 },
  TWO_FACTOR_INVALID: { status: 401 },
  TWO_FACTOR_SETUP_REQUIRED: { status: 403 },
  PASSWORD_CHANGE_REQUIRED: { status: 403 },
  CSRF_REJECTED: { status: 403 },
  FORBIDDEN: { status: 403 },
  PLAN_LIMIT_EXCEEDED: { status: 403 },
  FEATURE_NOT_IN_PLAN: { status: 403 },
  BILLING_OVERDUE: { status: 402 },
  NOT_FOUND: { status: 404 },
  TENANT_NOT_FOUND: { status: 404 },
  TENANT_SUSPENDED: { status: 403 },
  TENANT_READ_ONLY: { status: 403 },
  TENANT_CONTEXT_MISSING: { status: 500 },
  CROSS_TENANT_WRITE: { status: 403 },
  CONFLICT: { status: 409 },
  METHOD_NOT_ALLOWED: { status: 405 },
  PAYLOAD_TOO_LARGE: { status: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 415 },
  RATE_LIMITED: { status: 429 },
  SERVICE_UNAVAILABLE: { status: 503 },
  GATEWAY_NOT_CONFIGURED: { status: 409 },
  GATEWAY_UNAVAILABLE: { status: 503 },
  GATEWAY_REJECTED: { status: 502 },
  GATEWAY_SIGNATURE_INVALID: { status: 401 },
  PAYROLL_RULES_MISSING: { status: 409 },
  ROUTER_UNREACHABLE: { status: 503 },
  ROUTER_AUTH_FAILED: { status: 502 },
  ROUTER_COMMAND_FAILED: { status: 502 },
  PORT_UNAVAILABLE: { status: 409 },
  TOPOLOGY_CYCLE: { status: 409 },
  NODE_HAS_DEPENDANTS: { status: 409 },
  WORK_ORDER_TRANSITION_INVALID: { status: 409 },
  WORK_ORDER_CHECKLIST_INCOMPLETE: { status: 409 },
  INTERNAL: { status: 500 },
} as const satisfies Record<string, { status: number }>;

export type AppErrorCode = keyof typeof ERROR_CODES;

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}
