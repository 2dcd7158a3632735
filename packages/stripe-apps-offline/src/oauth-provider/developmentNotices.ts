/**
 * oidc-provider prints a warning for each deliberate choice of a local,
 * development-only provider (in-memory grants, its own signing keys, Node 20
 * rather than 22) every time it starts. They
 * are expected here, and a wall of "you MUST change" on every `npm start`
 * teaches people to ignore warnings, so the ones this provider chose on
 * purpose are gathered into one line; any other line it prints passes
 * through untouched. This module must load before oidc-provider does (the
 * runtime warning is printed as that module loads), hence a module of its own
 * imported first.
 */
const EXPECTED = [
  /Unsupported runtime\. Use Node\.js v22/,
  /development-only in-memory adapter is used/,
  /development-only signing keys are used/,
  /default findAccount function called/,
  /default features\.revocation\.allowedPolicy function called/,
];

const seen = new Set<string>();

function quiet(original: (...args: unknown[]) => void): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const text = typeof args[0] === 'string' ? args[0] : '';
    // On a terminal the line starts with a colour code (ESC [ … m), so "oidc-provider" is looked for anywhere.
    if (/oidc-provider (WARNING|NOTICE):/.test(text) && EXPECTED.some((e) => e.test(text))) {
      seen.add(text);
      return;
    }
    original(...args);
  };
}

// The point is to filter what oidc-provider prints there.
console.warn = quiet(console.warn.bind(console));
console.info = quiet(console.info.bind(console));

/** How many expected development notices were held back (for the one line that replaces them). */
export function heldBackNotices(): number {
  return seen.size;
}
