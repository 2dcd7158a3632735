/**
 * What every part of the local Stripe API shares and nothing else: the
 * partition a request acts in, and Stripe-shaped ids. Apart from store.ts so
 * the object modules need not import the store that imports them.
 */
import crypto from 'node:crypto';

/** One app's data for one account in one mode: nothing crosses partitions. */
export interface Partition {
  app: string;
  account: string;
  livemode: boolean;
}

/** `prefix` plus `length` letters and digits, as Stripe's ids look (`cus_…`, `appsecret_…`). */
export function newId(prefix: string, length = 24): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const bytes = crypto.randomBytes(length);
  let out = prefix;
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}
