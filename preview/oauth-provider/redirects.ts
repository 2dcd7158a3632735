/** The preview's OAuth return routes, as the Dashboard's: one per mode. */
export function previewRedirectUris(previewOrigin: string, appId: string): string[] {
  return [`${previewOrigin}/test/apps-oauth/${appId}`, `${previewOrigin}/apps-oauth/${appId}`];
}
