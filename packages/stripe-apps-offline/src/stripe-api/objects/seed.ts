/**
 * The seeded data set: a few dozen customers per mode, the catalogue they buy
 * from, their subscriptions and invoices, the payment intents that paid them
 * (and a few one-off payments), a charge for every succeeded payment, a few
 * refunds, and a balance transaction for every charge and refund, all
 * referring to one another within the account and mode. Made up here (no
 * Stripe fixture is copied), and deterministic: the same ids on every
 * re-seed, so a bookmarked page keeps working; times are relative to the
 * moment of seeding, and nothing is dated after it.
 *
 * This file holds only the story (names, the catalogue, how often each state
 * occurs, what refers to what); every object's shape, with Stripe's defaults,
 * comes from its kind's builder (priceObject, chargeObject, invoiceObject, …),
 * the same one a create route uses where there is one.
 */
import {balanceTransactionObject, type BalanceTransactionObject} from './balance-transactions';
import {chargeObject, type ChargeObject} from './charges';
import type {CustomerObject, CustomerWrite} from './customers';
import {invoiceObject, subscriptionLineItem, type InvoiceObject} from './invoices';
import type {Kind} from './kinds';
import {paymentIntentObject, type PaymentIntentObject, type PaymentIntentStatus} from './payment-intents';
import {PICKER_IDS} from './pickerIds';
import {priceObject, type Interval, type PriceObject} from './prices';
import {productObject, type ProductObject} from './products';
import {refundObject, type RefundObject} from './refunds';
import {subscriptionItemObject, subscriptionObject, type SubscriptionObject, type SubscriptionStatus} from './subscriptions';

export const SEED_CUSTOMERS = 36;

/** Test mode's picker ids one by one, for the tests that open those objects (pickerIds.ts). */
export const PICKER_CUSTOMER = PICKER_IDS.test.customer;
export const PICKER_PAYMENT_INTENT = PICKER_IDS.test.paymentIntent;
export const PICKER_INVOICE = PICKER_IDS.test.invoice;
export const PICKER_PRODUCT = PICKER_IDS.test.product;
export const PICKER_SUBSCRIPTION = PICKER_IDS.test.subscription;
/** The same objects' ids in live mode, where the picker starts after a switch of mode. */
export const LIVE_PICKER = PICKER_IDS.live;
const TEST_PICKER = PICKER_IDS.test;

const FIRST = ['Ada', 'Ben', 'Chidi', 'Dana', 'Emil', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Keiko', 'Luca', 'Maya', 'Nils', 'Olu', 'Priya', 'Quinn', 'Rosa'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Novak', 'Haddad', 'Silva', 'Kowalski', 'Brennan', 'Iyer', 'Fischer', 'Adeyemi'];
const DOMAINS = ['example.com', 'example.org', 'example.net'];
const BRANDS = ['visa', 'mastercard', 'amex'] as const;
/** What a customer's card statement shows for the seeded charges. */
const STATEMENT_DESCRIPTOR = 'LOCAL TEST';

/** The catalogue: products and their prices (amounts in cents). The first product is the picker's. */
const CATALOGUE: {name: string; description: string; active: boolean; prices: {nickname: string; amount: number; interval: Interval | null; active: boolean}[]}[] = [
  {
    name: 'Pro plan',
    description: 'Everything, for one team.',
    active: true,
    prices: [
      {nickname: 'Pro monthly', amount: 2900, interval: 'month', active: true},
      {nickname: 'Pro yearly', amount: 29000, interval: 'year', active: true},
    ],
  },
  {name: 'Starter plan', description: 'The basics, for trying it out.', active: true, prices: [{nickname: 'Starter monthly', amount: 900, interval: 'month', active: true}]},
  {name: 'Team plan', description: 'Pro for up to 25 people, with audit export.', active: true, prices: [{nickname: 'Team monthly', amount: 9900, interval: 'month', active: true}]},
  {name: 'Onboarding session', description: 'An hour with us setting it up.', active: true, prices: [{nickname: 'One session', amount: 15000, interval: null, active: true}]},
  {name: 'Classic plan', description: 'The first plan, no longer sold.', active: false, prices: [{nickname: 'Classic monthly', amount: 500, interval: 'month', active: false}]},
];

const SUBSCRIPTION_STATUSES: [SubscriptionStatus, number][] = [
  ['active', 0.7],
  ['canceled', 0.15],
  ['past_due', 0.07],
  ['trialing', 0.08],
];
const ONE_OFF_STATUSES: [PaymentIntentStatus, number][] = [
  ['succeeded', 0.7],
  ['requires_payment_method', 0.12],
  ['canceled', 0.12],
  ['processing', 0.06],
];
const DAY = 24 * 3600;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** mulberry32: small, fast and good enough for made-up data; never for anything secret. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `at` moved on by `count` intervals, calendar months and years as Stripe bills them. */
function advance(at: number, interval: Interval, count = 1): number {
  if (interval === 'day') return at + count * DAY;
  if (interval === 'week') return at + count * 7 * DAY;
  const date = new Date(at * 1000);
  if (interval === 'month') date.setUTCMonth(date.getUTCMonth() + count);
  else date.setUTCFullYear(date.getUTCFullYear() + count);
  return Math.floor(date.getTime() / 1000);
}

export interface SeedCustomer {
  write: CustomerWrite;
  /** Id, creation time and the fields the seed sets to match the rest (invoice numbering, delinquency). */
  seeded: Partial<CustomerObject> & {id: string; created: number};
}

export interface SeedData {
  customers: SeedCustomer[];
  products: ProductObject[];
  prices: PriceObject[];
  subscriptions: SubscriptionObject[];
  invoices: InvoiceObject[];
  paymentIntents: PaymentIntentObject[];
  charges: ChargeObject[];
  refunds: RefundObject[];
  balanceTransactions: BalanceTransactionObject[];
}

/** Which part of the seed each kind's table takes, customers apart (they are created, for their derived fields). */
export const SEEDED: {[K in Exclude<Kind, 'customer'>]: keyof Omit<SeedData, 'customers'>} = {
  payment_intent: 'paymentIntents',
  product: 'products',
  price: 'prices',
  subscription: 'subscriptions',
  invoice: 'invoices',
  charge: 'charges',
  refund: 'refunds',
  balance_transaction: 'balanceTransactions',
};

interface Card {
  pm: string;
  brand: (typeof BRANDS)[number];
  last4: string;
  expMonth: number;
  expYear: number;
  fingerprint: string;
}

/** Everything to insert for one mode; each list oldest first (lists page by insertion order). */
export function seedData(livemode: boolean, now: number): SeedData {
  const random = prng(livemode ? 0x5eed2 : 0x5eed1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const roll = <T>(table: [T, number][]): T => {
    const r = random();
    let cumulative = 0;
    for (const [value, p] of table) {
      cumulative += p;
      if (r < cumulative) return value;
    }
    return table[0][0];
  };
  const id = (prefix: string, length: number) => {
    let out = prefix;
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return out;
  };
  const picker = livemode ? LIVE_PICKER : TEST_PICKER;
  const out: SeedData = {customers: [], products: [], prices: [], subscriptions: [], invoices: [], paymentIntents: [], charges: [], refunds: [], balanceTransactions: []};

  // The catalogue exists before the first customer.
  const catalogueCreated = now - 200 * DAY;
  CATALOGUE.forEach((entry, p) => {
    const productId = p === 0 ? picker.product : id('prod_', 14);
    const prices = entry.prices.map((price, k) =>
      priceObject({
        id: id('price_', 24),
        active: price.active,
        created: catalogueCreated + p * 600 + k * 60 + 30,
        currency: 'usd',
        livemode,
        nickname: price.nickname,
        product: productId,
        recurring: price.interval ? {interval: price.interval, interval_count: 1, meter: null, trial_period_days: null, usage_type: 'licensed'} : null,
        unit_amount: price.amount,
      }),
    );
    out.products.push(
      productObject({
        id: productId,
        active: entry.active,
        created: catalogueCreated + p * 600,
        default_price: prices[0].id,
        description: entry.description,
        livemode,
        name: entry.name,
        updated: catalogueCreated + p * 600 + 300,
      }),
    );
    out.prices.push(...prices);
  });
  const productOf = (price: PriceObject) => out.products.find((p) => p.id === price.product) as ProductObject;
  const subscribable = out.prices.filter((p) => p.active && p.type === 'recurring');
  const oneOff = out.prices.find((p) => p.type === 'one_time') as PriceObject;

  /** A succeeded payment's charge and balance transaction; refunds some. */
  const charge = (intent: PaymentIntentObject, card: Card, name: string, email: string, refundable: boolean): string => {
    const chargeId = id('ch_', 24);
    const created = intent.created + 2;
    const txn = id('txn_', 24);
    const fee = Math.round(intent.amount * 0.029) + 30;
    const c = chargeObject({
      id: chargeId,
      amount: intent.amount,
      balance_transaction: txn,
      billing_details: {address: {city: null, country: 'US', line1: null, line2: null, postal_code: null, state: null}, email, name, phone: null, tax_id: null},
      calculated_statement_descriptor: STATEMENT_DESCRIPTOR,
      created,
      currency: intent.currency,
      customer: intent.customer,
      description: intent.description,
      livemode,
      payment_intent: intent.id,
      payment_method: card.pm,
      payment_method_details: {
        card: {
          brand: card.brand,
          checks: {address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass'},
          country: 'US',
          exp_month: card.expMonth,
          exp_year: card.expYear,
          fingerprint: card.fingerprint,
          funding: 'credit',
          last4: card.last4,
          network: card.brand,
          three_d_secure: null,
          wallet: null,
        },
        type: 'card',
      },
      receipt_email: email,
    });
    out.charges.push(c);
    out.balanceTransactions.push(balanceTransactionObject({id: txn, created, amount: intent.amount, fee, currency: 'usd', type: 'charge', source: chargeId, description: intent.description}, now));
    if (refundable && random() < 0.12 && created < now - 2 * DAY) {
      const amount = random() < 0.6 ? intent.amount : Math.round(intent.amount / 2);
      const refundId = id('re_', 24);
      const refundTxn = id('txn_', 24);
      const refundCreated = Math.min(now - 3600, created + DAY + Math.floor(random() * 6 * DAY));
      const refund = refundObject({
        id: refundId,
        amount,
        balance_transaction: refundTxn,
        charge: chargeId,
        created: refundCreated,
        currency: intent.currency,
        customer: intent.customer,
        destination_details: {card: {reference: id('', 12), reference_status: 'available', reference_type: 'acquirer_reference_number', type: 'refund'}, type: 'card'},
        payment_intent: intent.id,
        payment_method: card.pm,
        reason: 'requested_by_customer',
      });
      out.refunds.push(refund);
      out.balanceTransactions.push(balanceTransactionObject({id: refundTxn, created: refundCreated, amount: -amount, fee: 0, currency: 'usd', type: 'refund', source: refundId, description: 'REFUND FOR CHARGE'}, now));
      c.amount_refunded = amount;
      c.refunded = amount === intent.amount;
      c.refunds.data.push(refund);
    }
    return chargeId;
  };

  const paymentIntent = (piId: string, customer: string, amount: number, created: number, status: PaymentIntentStatus, description: string, email: string, card: Card) =>
    paymentIntentObject({id: piId, livemode, created, amount, currency: 'usd', status, customer, description, receipt_email: email, card: card.pm, secret: id('', 24), now});

  for (let i = 0; i < SEED_CUSTOMERS; i++) {
    const first = FIRST[i % FIRST.length];
    const last = pick(LAST);
    const name = `${first} ${last}`;
    const email = `${first}.${last}${i >= FIRST.length ? i : ''}@${pick(DOMAINS)}`.toLowerCase();
    // Spread over the last 180 days, oldest first.
    const created = now - Math.round(((SEED_CUSTOMERS - i) / SEED_CUSTOMERS) * 180 * DAY) + Math.floor(random() * 3600);
    const picked = i === 0;
    const customerId = picked ? picker.customer : id('cus_', 14);
    const prefix = id('', 8).toUpperCase();
    const card: Card = {
      pm: id('pm_', 24),
      brand: pick(BRANDS),
      last4: String(1000 + Math.floor(random() * 9000)),
      expMonth: 1 + Math.floor(random() * 12),
      expYear: new Date(now * 1000).getUTCFullYear() + 1 + Math.floor(random() * 4),
      fingerprint: id('', 16),
    };
    let invoiceCount = 0;
    let delinquent = false;
    let firstIntent = true;
    const intentId = () => {
      const generated = id('pi_', 24);
      const chosen = picked && firstIntent ? picker.paymentIntent : generated;
      firstIntent = false;
      return chosen;
    };

    // A subscription for most customers; the picker's is always an active Pro monthly.
    if (picked || random() < 0.6) {
      const price = picked ? subscribable[0] : pick(subscribable);
      const recurring = price.recurring as NonNullable<PriceObject['recurring']>;
      const product = productOf(price);
      const status = picked ? 'active' : roll(SUBSCRIPTION_STATUSES);
      const subId = picked ? picker.subscription : id('sub_', 24);
      const itemId = id('si_', 14);
      let start = Math.min(now - 3 * 3600, created + 600 + Math.floor(random() * DAY));
      let trialEnd: number | null = null;
      if (status === 'trialing') {
        start = Math.max(created + 600, now - (1 + Math.floor(random() * 10)) * DAY);
        trialEnd = start + 14 * DAY;
      }
      const endedAt = status === 'canceled' ? Math.floor(start + (now - start) * (0.3 + 0.6 * random())) : null;
      const limit = endedAt ?? now;
      // Period starts up to the limit: one invoice each (a trial has one, for nothing).
      const starts: number[] = [start];
      if (status !== 'trialing') {
        for (let next = advance(start, recurring.interval); next <= limit && starts.length < 24; next = advance(next, recurring.interval)) starts.push(next);
      }
      const invoiceIds: string[] = [];
      starts.forEach((periodStart, n) => {
        const periodEnd = trialEnd ?? advance(periodStart, recurring.interval);
        const invoiceId = picked && n === 0 ? picker.invoice : id('in_', 24);
        invoiceIds.push(invoiceId);
        const amount = status === 'trialing' ? 0 : price.unit_amount;
        const open = status === 'past_due' && n === starts.length - 1;
        const finalized = Math.min(now - 120, periodStart + (n === 0 ? 0 : 3600));
        const paidAt = open || amount === 0 ? (open ? null : finalized) : finalized + 5;
        let piId: string | null = null;
        if (amount > 0) {
          piId = intentId();
          const intent = paymentIntent(piId, customerId, amount, finalized, open ? 'requires_payment_method' : 'succeeded', n === 0 ? 'Subscription creation' : 'Subscription update', email, card);
          if (!open) intent.latest_charge = charge(intent, card, name, email, !picked);
          out.paymentIntents.push(intent);
        }
        invoiceCount++;
        if (open) delinquent = true;
        const attemptCount = open ? 1 + Math.floor(random() * 3) : amount > 0 ? 1 : 0;
        const line = subscriptionLineItem({
          id: id('il_', 24),
          invoice: invoiceId,
          livemode,
          amount,
          currency: 'usd',
          description: status === 'trialing' ? `Trial period for ${product.name}` : `1 × ${product.name} (at $${(price.unit_amount / 100).toFixed(2)} / ${recurring.interval})`,
          period: {start: periodStart, end: periodEnd},
          price: price.id,
          product: product.id,
          subscription: subId,
          subscriptionItem: itemId,
        });
        out.invoices.push(
          invoiceObject({
            id: invoiceId,
            livemode,
            created: periodStart,
            customer: customerId,
            currency: 'usd',
            amount,
            status: open ? 'open' : 'paid',
            finalizedAt: finalized,
            paidAt,
            lines: [line],
            attempt_count: attemptCount,
            billing_reason: n === 0 ? 'subscription_create' : 'subscription_cycle',
            customer_email: email,
            customer_name: name,
            next_payment_attempt: open ? now + 2 * DAY : null,
            number: `${prefix}-${String(invoiceCount).padStart(4, '0')}`,
            parent: {quote_details: null, subscription_details: {metadata: {}, subscription: subId}, type: 'subscription_details'},
            _payment_intent: piId,
          }),
        );
      });
      const currentStart = starts[starts.length - 1];
      const item = subscriptionItemObject({id: itemId, created: start, price, subscription: subId, period: {start: currentStart, end: trialEnd ?? advance(currentStart, recurring.interval)}});
      out.subscriptions.push(
        subscriptionObject({
          id: subId,
          livemode,
          created: start,
          customer: customerId,
          currency: 'usd',
          status,
          item,
          latest_invoice: invoiceIds[invoiceIds.length - 1],
          billing_cycle_anchor: trialEnd ?? start,
          canceled_at: endedAt,
          cancellation_details: {comment: null, feedback: null, reason: endedAt ? 'cancellation_requested' : null},
          default_payment_method: card.pm,
          ended_at: endedAt,
          trial_end: trialEnd,
          trial_start: trialEnd ? start : null,
        }),
      );
    }

    // One-off payments (onboarding sessions), in any state a payment can be in.
    const payments = Math.floor(random() * 3);
    for (let j = 0; j < payments; j++) {
      const status = roll(ONE_OFF_STATUSES);
      const piCreated = Math.min(now - 60, created + Math.floor(random() * (now - created)));
      const intent = paymentIntent(intentId(), customerId, oneOff.unit_amount, piCreated, status, productOf(oneOff).name, email, card);
      if (status === 'succeeded') intent.latest_charge = charge(intent, card, name, email, true);
      out.paymentIntents.push(intent);
    }

    out.customers.push({
      write: {
        text: {name, email, description: null, phone: null},
        metadata: {clear: false, changes: i % 4 === 0 ? {crm_id: `crm_${1000 + i}`} : {}},
      },
      seeded: {id: customerId, created, invoice_prefix: prefix, next_invoice_sequence: invoiceCount + 1, delinquent},
    });
  }
  for (const list of Object.values(out) as {created: number}[][]) list.sort((a, b) => a.created - b.created);
  return out;
}
