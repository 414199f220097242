import type { Result } from '../contract/errors';

/** The largest request body (HTTP) or call message input (the call socket) the host reads. */
export const BODY_LIMIT = 1024 * 1024;

/**
 * The answers both call channels give to what never reaches the core, so that a page (or an
 * attacker) gets the same refusal whichever channel it used.
 */
export const refusals = {
  tooLarge: (): Result<never> => ({ ok: false, error: { code: 'REQUEST_REFUSED', message: 'The request is larger than the station accepts (1 MiB).' } }),
  notJson: (): Result<never> => ({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'The request body is not valid JSON.' } }),
  badCallId: (): Result<never> => ({
    ok: false,
    error: { code: 'VALIDATION_FAILED', message: 'A call id is 22 to 64 letters, digits, "-" or "_" (128 random bits or more).' },
  }),
  /**
   * A resend whose first arrival went to another run of the host, or whose answer is no longer
   * kept: whether it was done cannot be told, so it is not done again. The page treats it as an
   * unreachable station (the packer looks at the screen, which reloads its state, and scans again).
   */
  unknownOutcome: (): Result<never> => ({
    ok: false,
    error: {
      code: 'INTERNAL',
      message: 'The station restarted, or waited too long, before answering this call; check the screen before trying again.',
      params: { reason: 'unreachable' },
    },
  }),
};

/** Ids the page gives calls that may be resent: at least 128 random bits, base64url. */
export const CALL_ID = /^[A-Za-z0-9_-]{22,64}$/;
