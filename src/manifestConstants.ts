/**
 * Reading stripe-app.json's `constants` (as the view receives them in
 * `environment.constants`) for both features. The manifest is written by
 * whoever forks the app, so every value is checked here rather than trusted.
 */
import type {ExtensionContextValue} from '@stripe/ui-extension-sdk/context';

export type ManifestConstants = ExtensionContextValue['environment']['constants'];

/** `constants[key]` as written, or undefined when `constants` is not an object or lacks it. */
export function manifestConstant(constants: ManifestConstants, key: string) {
  return constants && typeof constants === 'object' && !Array.isArray(constants) ? constants[key] : undefined;
}

/** A non-blank string, trimmed; undefined for anything else. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
