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
