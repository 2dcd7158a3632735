/**
 * What can go wrong calling the app backend, as values a view can show. The
 * backend's own words are not passed on: the view says what happened in its
 * own, so nothing a server sends ends up on screen unchecked.
 */
export type BackendCallErrorKind =
  | 'not-configured' // constants.backendUrl is missing or not an https:// (or local http://) URL
  | 'no-user' // no signed-in user to sign for
  | 'signature' // the signature could not be made, or the backend refused it (401)
  | 'refused' // the backend refused the request (4xx)
  | 'unavailable' // the backend answered 5xx or something unreadable
  | 'network'; // no answer at all (down, or blocked by the CSP)

const MESSAGES: Record<BackendCallErrorKind, string> = {
  'not-configured': "This app's backend address is not set up (constants.backendUrl in stripe-app.json).",
  'no-user': 'No signed-in Dashboard user was found, so the app backend cannot be asked on your behalf.',
  signature: 'The app backend did not accept this session. Reload the page and try again.',
  refused: 'The app backend refused the request.',
  unavailable: 'The app backend did not answer properly. Try again in a moment.',
  network: 'Could not reach the app backend. Check your connection and try again.',
};

export class BackendCallError extends Error {
  constructor(
    readonly kind: BackendCallErrorKind,
    /** The backend's `error.type` when it sent one (a code, never a message). */
    readonly code?: string,
  ) {
    super(MESSAGES[kind]);
    this.name = 'BackendCallError';
  }
}
