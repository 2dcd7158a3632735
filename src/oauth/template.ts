/**
 * `{name}` placeholders in a preset's strings: its URLs' inputs (Microsoft's
 * {tenant}), its API base and headers' kept fields ({instance_url},
 * {tenant_id}). One reading of them for all three.
 */

/** `template` with each `{name}` that `values` holds filled in, the others left as they are and listed in `missing`. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): {text: string; missing: string[]} {
  const missing: string[] = [];
  const text = template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    if (Object.hasOwn(values, name)) return values[name];
    missing.push(name);
    return whole;
  });
  return {text, missing};
}

/** A provider's URL fields that may hold `{name}`s: the manifest's inputs (Microsoft's {tenant}), a user's (Shopify's {shop}), kept fields (apiBase's {instance_url}). */
export const TEMPLATED_URL_FIELDS = ['authorizeUrl', 'tokenUrl', 'revocationUrl', 'identityUrl', 'revokeAt', 'apiBase'] as const;

type UrlField = (typeof TEMPLATED_URL_FIELDS)[number];

/** Those of `fields` that are set, with `values` filled in; a `{name}` values lacks is left for a later fill. */
export function fillUrlFields(fields: Partial<Record<UrlField, string | undefined>>, values: Readonly<Record<string, string>>): Partial<Record<UrlField, string>> {
  const urls: Partial<Record<UrlField, string>> = {};
  for (const field of TEMPLATED_URL_FIELDS) {
    const template = fields[field];
    if (typeof template === 'string') urls[field] = fillTemplate(template, values).text;
  }
  return urls;
}
