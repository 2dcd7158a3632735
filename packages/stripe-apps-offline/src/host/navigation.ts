/**
 * The page's side of navigation: the Dashboard routes a view asks for, the
 * app's own route kept in the address bar, and the values `useStorage`
 * shares between the app's views.
 */
import type {SearchParams} from '@stripe/ui-extension-sdk/types/global.navigation';

/** The viewport the SDK's router is made for; Stripe's manifest schema file does not list it yet. */
export const FULL_PAGE_VIEWPORT = 'stripe.dashboard.fullpage';

export interface DashboardRoute {
  name: string;
  params?: Record<string, unknown>;
}

export function isDashboardRoute(value: unknown): value is DashboardRoute {
  return typeof value === 'object' && value !== null && typeof (value as {name?: unknown}).name === 'string';
}

/** "customerDetails · id=cus_1", as the route bar and the log show a route. */
export function describeRoute(route: DashboardRoute): string {
  const params = Object.entries(route.params ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return [route.name, ...params].join(' · ').slice(0, 200);
}

/** A full-page route of this app, as the href its router reads ("/glob/segments?search"), or null for a Dashboard page. */
export function appHrefOf(route: DashboardRoute): {href: string; searchParams: SearchParams} | null {
  if (route.name === 'fullPageGlob') {
    const glob = Array.isArray(route.params?.glob) ? route.params.glob.map(String) : [];
    const searchParams = (route.params?.searchParams ?? {}) as SearchParams;
    return {href: `/${glob.map(encodeURIComponent).join('/')}`, searchParams};
  }
  if (route.name === 'fullPage') return {href: '/', searchParams: {}};
  return null;
}

const DETAIL_PAGES: Record<string, {area: string; param: string}> = {
  customerDetails: {area: 'customer', param: 'customerId'},
  invoiceDetails: {area: 'invoice', param: 'invoiceId'},
  paymentDetails: {area: 'payment', param: 'paymentId'},
  paymentReviewDetails: {area: 'payment', param: 'paymentId'},
  productDetails: {area: 'product', param: 'productId'},
  subscriptionDetails: {area: 'subscription', param: 'subscriptionId'},
};
const OTHER_PAGES: Record<string, string> = {
  customers: 'stripe.dashboard.customer.list',
  invoices: 'stripe.dashboard.invoice.list',
  payments: 'stripe.dashboard.payment.list',
  products: 'stripe.dashboard.product.list',
  subscriptions: 'stripe.dashboard.subscription.list',
  dashboard: 'stripe.dashboard.home.overview',
  balanceOverview: 'stripe.dashboard.balance.overview',
  billing: 'stripe.dashboard.billing.overview',
  reportsHub: 'stripe.dashboard.report.overview',
  revenueRecognition: 'stripe.dashboard.revenue-recognition.overview',
  taxReporting: 'stripe.dashboard.tax-report.overview',
  onboarding: 'onboarding',
};

/** Dashboard URL paths (after the account and test/ segments) the preview has stand-in pages for. */
const URL_PAGES: Record<string, {list: string; detail: string; param: string}> = {
  customers: {list: 'customers', detail: 'customerDetails', param: 'customerId'},
  payments: {list: 'payments', detail: 'paymentDetails', param: 'paymentId'},
  invoices: {list: 'invoices', detail: 'invoiceDetails', param: 'invoiceId'},
  products: {list: 'products', detail: 'productDetails', param: 'productId'},
  subscriptions: {list: 'subscriptions', detail: 'subscriptionDetails', param: 'subscriptionId'},
};

/**
 * The route a Dashboard URL (https://dashboard.stripe.com/[acct_…/][test/]customers/cus_…)
 * stands for, when the preview has that page; views link to objects this way
 * as well as with route descriptors. Null for any other URL. The URL's test/
 * segment does not switch the preview's mode: the switch in the header does.
 */
export function routeOfDashboardUrl(url: URL): DashboardRoute | null {
  if (url.protocol !== 'https:' || url.hostname !== 'dashboard.stripe.com') return null;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0]?.startsWith('acct_')) parts.shift();
  if (parts[0] === 'test') parts.shift();
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'dashboard')) return {name: 'dashboard'};
  const page = URL_PAGES[parts[0]];
  if (!page || parts.length > 2) return null;
  if (parts.length === 1) return {name: page.list};
  let id: string;
  try {
    id = decodeURIComponent(parts[1]);
  } catch {
    return null;
  }
  return {name: page.detail, params: {[page.param]: id}};
}

/**
 * The viewports the Dashboard shows on the page a route opens (and the page's
 * object), so the preview can open the app's view there as the Dashboard would.
 */
export function viewportsOfRoute(route: DashboardRoute): {viewports: string[]; objectId?: string} | null {
  const detail = DETAIL_PAGES[route.name];
  if (detail) {
    const id = route.params?.[detail.param];
    const base = `stripe.dashboard.${detail.area}.detail`;
    return {viewports: [base, `${base}.page-module`], objectId: typeof id === 'string' ? id : undefined};
  }
  const page = OTHER_PAGES[route.name];
  return page ? {viewports: [page]} : null;
}

/** Search params in the page's address: strings as they are, anything else as JSON. */
export function encodeAppRoute(href: string, searchParams: SearchParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (value === undefined || value === null) continue;
    query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const qs = query.toString();
  return qs ? `${href}?${qs}` : href;
}

export function decodeAppRoute(route: string | null): {href: string; searchParams: SearchParams} {
  if (!route || !route.startsWith('/')) return {href: '/', searchParams: {}};
  const [href, qs = ''] = route.split(/\?(.*)/s);
  return {href, searchParams: Object.fromEntries(new URLSearchParams(qs))};
}

type StorageListener = (key: string, value: string | null, from: object) => void;
const listeners = new Map<string, Set<StorageListener>>();
const STORAGE_PREFIX = 'keyring-preview:useStorage:';

/**
 * `useStorage` values for one app session (a preview user in one mode), in
 * this page's sessionStorage: like the Dashboard's, they outlive a view and a
 * reload but not the browser tab, and another user does not see them.
 */
export function appStorage(scope: string) {
  const read = (): Record<string, string> => {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_PREFIX + scope) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  };
  return {
    snapshot: read,
    write(key: string, value: string | null, from: object) {
      const values = read();
      if (value === null) delete values[key];
      else values[key] = String(value);
      sessionStorage.setItem(STORAGE_PREFIX + scope, JSON.stringify(values));
      for (const listener of listeners.get(scope) ?? []) listener(key, value, from);
    },
    subscribe(listener: StorageListener) {
      const set = listeners.get(scope) ?? new Set();
      set.add(listener);
      listeners.set(scope, set);
      return () => set.delete(listener);
    },
  };
}
