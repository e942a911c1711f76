// Reading what a failed Web API call said, for whoever made the call (a listener, a
// command or the worker).
import { ErrorCode } from '@slack/web-api';

/** The parts of a Web API client error that Grow reads. */
export interface SlackErrorShape {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
}

/** The platform error code of a failed call (`missing_scope`, `user_not_found`…), if any. */
export function platformErrorCode(error: unknown): string | undefined {
  const e = (error ?? {}) as SlackErrorShape;
  return e.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}
