/** How the Dashboard formats the values its tables show: dates, amounts, ids. */

/** Amounts arrive in the currency's minor unit (cents), as in the Stripe API. */
export function formatAmount(minor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat('en-US', {style: 'currency', currency: currency.toUpperCase()});
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(minor / 10 ** digits);
  } catch {
    // Not an ISO code (USDC, BTC…): the number and the code.
    return `${(minor / 100).toFixed(2)} ${currency.toUpperCase()}`;
  }
}

/** A date cell's value: a Unix timestamp in seconds (as the API gives), milliseconds, or a date string. */
export function toDate(value: unknown): Date | null {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value === 'string' && value) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}

/**
 * The SDK's date styles ("medium-year-month-day-time", "short-time-timezone?",
 * …) as Intl options: the first word sets the width, the rest the parts shown.
 */
export function formatDate(value: unknown, style = 'short-year-month-day-time', timeZone?: string): string {
  const date = toDate(value);
  if (!date) return String(value ?? '');
  const [width, ...parts] = style.replace(/\?/g, '').split('-');
  const has = (part: string) => parts.includes(part);
  const options: Intl.DateTimeFormatOptions = {timeZone};
  const month = width === 'long' ? 'long' : width === 'medium' ? 'short' : 'numeric';
  if (has('year')) options.year = width === 'short' ? '2-digit' : 'numeric';
  if (has('month')) options.month = month;
  if (has('day')) options.day = 'numeric';
  if (has('weekday')) options.weekday = width === 'long' ? 'long' : 'short';
  if (has('time')) {
    options.hour = 'numeric';
    options.minute = '2-digit';
  }
  if (has('seconds')) options.second = '2-digit';
  if (has('timezone')) options.timeZoneName = 'short';
  try {
    return new Intl.DateTimeFormat('en-US', options).format(date);
  } catch {
    return date.toISOString();
  }
}
