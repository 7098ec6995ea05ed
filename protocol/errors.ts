// Typed error codes sent to clients; messages are short and never carry internal detail.

export const ErrorCode = {
  // Frame level (the room could not read the message).
  badFrame: "bad_frame",
  tooLarge: "too_large",
  unknownType: "unknown_type",
  unsupportedProtocol: "unsupported_protocol",
  notJoined: "not_joined",
  rateLimited: "rate_limited",
  roomFull: "room_full",
  internal: "internal",
  // Command level (the reducer refused it).
  forbidden: "forbidden",
  wrongPhase: "wrong_phase",
  notFound: "not_found",
  invalid: "invalid",
  limitReached: "limit_reached",
  conflict: "conflict",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The codes a reducer refusal can carry (the command-level ones above). */
export const REJECTION_CODES = [
  ErrorCode.forbidden,
  ErrorCode.wrongPhase,
  ErrorCode.notFound,
  ErrorCode.invalid,
  ErrorCode.limitReached,
  ErrorCode.conflict,
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/**
 * Refusals whose reason says more than their code, named for clients to show in their own words (the message is
 * English, for logs). A client must read an unknown reason as no reason: later rooms may add some.
 */
export const RejectionReason = {
  animatorClient: "animatorClient",
  clientAnimates: "clientAnimates",
  animatorRole: "animatorRole",
  chooseFirst: "chooseFirst",
  chosen: "chosen",
  timeUp: "timeUp",
  staleReport: "staleReport",
} as const;
export type RejectionReason = (typeof RejectionReason)[keyof typeof RejectionReason];

export interface Rejection {
  code: RejectionCode;
  message: string;
  reason?: RejectionReason;
}

export function reject(
  code: RejectionCode,
  message: string,
  reason?: RejectionReason,
): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: reason ? { code, message, reason } : { code, message } };
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
