/**
 * Where the Dashboard puts a view of each viewport in Stripe's manifest schema
 * (shared/reference/stripe-app.schema.json), and the object a detail page
 * hands its views as `environment.objectContext`.
 */
import {PICKER_IDS} from '../stripe-api/objects/pickerIds';
import {FULL_PAGE_VIEWPORT} from './navigation';

export type Placement =
  /** The app's settings page. */
  | {kind: 'settings'}
  /** The app drawer, beside a stand-in of the Dashboard page it belongs to. */
  | {kind: 'drawer'; page: string; object?: ObjectKind}
  /** A module inside a detail page. */
  | {kind: 'page-module'; page: string; object: ObjectKind}
  /** A page of its own (onboarding). */
  | {kind: 'page'; page: string};

export interface ObjectKind {
  /** The API object name, as objectContext.object carries it. */
  object: string;
  /**
   * The id the picker starts with in each mode: a seeded object of that mode
   * (stripe-api/objects/pickerIds.ts, which the seed follows), since a Stripe
   * id names an object in one mode only.
   */
  samples: {test: string; live: string};
}

const pick = (kind: keyof typeof PICKER_IDS.test) => ({test: PICKER_IDS.test[kind], live: PICKER_IDS.live[kind]});

const OBJECTS: Record<string, ObjectKind> = {
  customer: {object: 'customer', samples: pick('customer')},
  invoice: {object: 'invoice', samples: pick('invoice')},
  payment: {object: 'payment_intent', samples: pick('paymentIntent')},
  // The store serves no payment links: a plausible id, the same in both modes.
  'payment-link': {object: 'payment_link', samples: {test: 'plink_PreviewLink001', live: 'plink_PreviewLink001'}},
  product: {object: 'product', samples: pick('product')},
  subscription: {object: 'subscription', samples: pick('subscription')},
};

const TITLES: Record<string, string> = {
  balance: 'Balances',
  billing: 'Billing',
  customer: 'Customers',
  home: 'Home',
  invoice: 'Invoices',
  'payment-link': 'Payment links',
  payment: 'Payments',
  product: 'Product catalogue',
  report: 'Reports',
  'revenue-recognition': 'Revenue recognition',
  subscription: 'Subscriptions',
  'tax-report': 'Tax reporting',
};

/** Every viewport the manifest schema allows. */
export const VIEWPORTS = [
  'onboarding',
  'settings',
  'stripe.dashboard.balance.overview',
  'stripe.dashboard.billing.overview',
  'stripe.dashboard.customer.detail',
  'stripe.dashboard.customer.detail.page-module',
  'stripe.dashboard.customer.list',
  'stripe.dashboard.drawer.default',
  'stripe.dashboard.home.overview',
  'stripe.dashboard.invoice.detail',
  'stripe.dashboard.invoice.detail.page-module',
  'stripe.dashboard.invoice.list',
  'stripe.dashboard.payment-link.detail',
  'stripe.dashboard.payment-link.list',
  'stripe.dashboard.payment.detail',
  'stripe.dashboard.payment.list',
  'stripe.dashboard.product.detail',
  'stripe.dashboard.product.list',
  'stripe.dashboard.report.overview',
  'stripe.dashboard.revenue-recognition.overview',
  'stripe.dashboard.subscription.detail',
  'stripe.dashboard.subscription.list',
  'stripe.dashboard.tax-report.overview',
] as const;

export function placementOf(viewport: string): Placement | null {
  if (viewport === 'settings') return {kind: 'settings'};
  if (viewport === 'onboarding') return {kind: 'page', page: 'Onboarding'};
  if (viewport === 'stripe.dashboard.drawer.default') return {kind: 'drawer', page: 'Home'};
  // The SDK's router is made for this one; the schema file predates it.
  if (viewport === FULL_PAGE_VIEWPORT) return {kind: 'page', page: 'App page'};
  const match = /^stripe\.dashboard\.([a-z-]+)\.(detail|list|overview)(\.page-module)?$/.exec(viewport);
  if (!match || !(VIEWPORTS as readonly string[]).includes(viewport)) return null;
  const [, area, kind, module] = match;
  const title = TITLES[area] ?? area;
  const object = OBJECTS[area];
  if (kind === 'detail' && object) {
    const page = `${title} › ${object.object} detail`;
    return module ? {kind: 'page-module', page, object} : {kind: 'drawer', page, object};
  }
  return {kind: 'drawer', page: title};
}

/**
 * What the page is titled (its heading and the tab's title): the app's settings
 * page is "<App> settings", once; a view on a page of its own names that view
 * and where the Dashboard shows it, so two tabs on two views tell apart.
 */
export function titleOf(appName: string, solo: {component: string; viewport: string} | undefined): {heading: string; document: string} {
  const settings = `${appName} settings`;
  if (!solo) return {heading: settings, document: `${settings} · offline preview`};
  const placement = placementOf(solo.viewport);
  if (!placement) return {heading: solo.component, document: `${solo.component} (unknown viewport) · offline preview`};
  if (placement.kind === 'settings') return {heading: settings, document: `${settings} · offline preview`};
  const where = placement.kind === 'drawer' ? `drawer on ${placement.page}` : placement.page;
  return {heading: placement.page, document: `${solo.component} · ${where} · offline preview`};
}
