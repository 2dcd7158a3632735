/**
 * The local provider's sign-in, consent and error pages. They stand in for a
 * real provider's, so they look like a plain third-party page rather than a
 * developer tool, and they are self-contained (inline CSS, no fonts or
 * images) because the local stack must work with no network at all.
 */

/** Everything echoed into a page (client name, login, error text) goes through this. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The pages' CSP. form-action must list the client's return origins as well
 * as 'self': Chromium applies it to every redirect that follows a form post,
 * and the last one goes back to the client.
 */
export function pageCsp(redirectUris: string[]): string {
  const origins = [...new Set(redirectUris.map((uri) => new URL(uri).origin))];
  return ["default-src 'none'", "style-src 'unsafe-inline'", `form-action 'self' ${origins.join(' ')}`.trim(), "frame-ancestors 'none'", "base-uri 'none'"].join('; ');
}

const STYLE = `
  *{box-sizing:border-box}
  body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#eef1f5;color:#1a1f36;
    font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
  main{width:100%;max-width:380px;margin:24px;padding:32px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
  .brand{margin:0 0 4px;font-weight:700;font-size:18px}
  .note{margin:0 0 24px;color:#5c6370;font-size:13px}
  h1{margin:0 0 16px;font-size:22px;font-weight:600}
  label{display:block;margin:12px 0 4px;font-weight:600;font-size:14px}
  input{width:100%;padding:8px 10px;border:1px solid #a3acb9;border-radius:4px;font:inherit}
  ul{margin:8px 0 24px;padding-left:20px}
  .actions{display:flex;gap:8px;margin-top:24px}
  .actions form{flex:1;display:flex}
  button{flex:1;padding:9px 16px;border-radius:4px;border:1px solid #3c4257;background:#fff;color:#1a1f36;font:inherit;font-weight:600;cursor:pointer}
  button.primary{background:#3c4257;color:#fff}
  input:focus-visible,button:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
  .error{color:#b3093c}
  code{word-break:break-all}
`;

/** What the pages call the provider when not told whose stand-in it is. */
export const DEFAULT_BRAND = 'Local OAuth provider';

/** `brand`: the provider the pages stand in for, as the app's manifest names it ("Acme (local stand-in)"). */
function layout(title: string, body: string, brand: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(brand)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">${escapeHtml(brand)}</p>
<p class="note">A stand-in for the real one: any user name signs in, with any password.</p>
${body}
</main>
</body>
</html>`;
}

export function loginPage(action: string, clientName: string, brand = DEFAULT_BRAND): string {
  return layout(
    'Sign in',
    `<h1>Sign in to continue to ${escapeHtml(clientName)}</h1>
<form method="post" action="${escapeHtml(action)}">
<label for="login">User name</label>
<input id="login" name="login" autocomplete="username" required autofocus>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>`,
    brand,
  );
}

export function consentPage(actions: {allow: string; cancel: string}, clientName: string, login: string, scopes: string[], brand = DEFAULT_BRAND): string {
  const list = scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return layout(
    'Allow access',
    `<h1>${escapeHtml(clientName)} wants access to your account</h1>
<p>Signed in as <strong>${escapeHtml(login)}</strong>. ${escapeHtml(clientName)} asks for:</p>
<ul>${list || '<li>no additional access</li>'}</ul>
<div class="actions">
<form method="post" action="${escapeHtml(actions.cancel)}"><button type="submit">Cancel</button></form>
<form method="post" action="${escapeHtml(actions.allow)}"><button class="primary" type="submit" autofocus>Allow</button></form>
</div>`,
    brand,
  );
}

export function errorPage(details: Record<string, string | undefined>, brand = DEFAULT_BRAND): string {
  const rows = Object.entries(details)
    .filter(([, v]) => v)
    .map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: <code>${escapeHtml(String(v))}</code></p>`)
    .join('');
  return layout('Something went wrong', `<h1 class="error">Something went wrong</h1>${rows}`, brand);
}
