// The one table of error codes: stable SCREAMING_SNAKE names, their HTTP status and the
// message a user sees. Add a code here and nowhere else.
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: "The request is invalid." },
  AUTH_REQUIRED: { status: 401, message: "Sign in to continue." },
  AUTH_INVALID: { status: 401, message: "Email or password is incorrect." },
  AUTH_LOCKED: { status: 429, message: "Too many failed sign-in attempts. Try again later." },
  TWO_FACTOR_REQUIRED: { status: 401, message: "Enter the code from your authenticator app." },
  TWO_FACTOR_INVALID: { status: 401, message: "That code is not valid. Try the current code or a recovery code." },
  TWO_FACTOR_SETUP_REQUIRED: { status: 403, message: "Set up two-factor sign-in to continue." },
  CSRF_REJECTED: { status: 403, message: "The request did not come from this site." },
  FORBIDDEN: { status: 403, message: "You are not allowed to do this." },
  PLAN_LIMIT_EXCEEDED: { status: 403, message: "Your plan's limit is reached. Upgrade the plan or add an add-on." },
  FEATURE_NOT_IN_PLAN: { status: 403, message: "This feature is not part of your plan." },
  BILLING_OVERDUE: { status: 402, message: "Your internet service is isolated for an unpaid bill. Pay the outstanding invoices to restore it." },
  NOT_FOUND: { status: 404, message: "Not found." },
  TENANT_NOT_FOUND: { status: 404, message: "No ISP is registered at this address." },
  TENANT_SUSPENDED: { status: 403, message: "This ISP account is suspended." },
  TENANT_READ_ONLY: { status: 403, message: "This ISP's RRNET subscription is overdue: the account is read-only until the RRNET invoice is paid." },
  TENANT_CONTEXT_MISSING: { status: 500, message: "This operation needs a tenant." },
  CROSS_TENANT_WRITE: { status: 403, message: "Rows cannot be moved between tenants." },
  CONFLICT: { status: 409, message: "This conflicts with existing data." },
  METHOD_NOT_ALLOWED: { status: 405, message: "Method not allowed." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request is too large." },
  RATE_LIMITED: { status: 429, message: "Too many requests. Try again later." },
  SERVICE_UNAVAILABLE: { status: 503, message: "A service this needs is unavailable." },
  GATEWAY_NOT_CONFIGURED: { status: 409, message: "Online payment is not set up for this ISP." },
  GATEWAY_UNAVAILABLE: { status: 503, message: "The payment gateway did not answer. Try again in a moment." },
  GATEWAY_REJECTED: { status: 502, message: "The payment gateway refused the request." },
  GATEWAY_SIGNATURE_INVALID: { status: 401, message: "The payment gateway signature is not valid." },
  INTERNAL: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

export type AppErrorCode = keyof typeof ERROR_CODES;

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}
