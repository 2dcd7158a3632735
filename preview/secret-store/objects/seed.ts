/**
 * The seeded data set: a few dozen customers per mode with payment intents that
 * refer to them, so an object-page view has something believable to show
 * offline. Made up here (no Stripe fixture is copied), and deterministic: the
 * same ids on every re-seed, so a bookmarked customer page keeps working;
 * times are relative to the moment of seeding.
 */
import type {CustomerWrite} from './customers';
import type {PaymentIntentObject, PaymentIntentStatus} from './payment-intents';

export const SEED_CUSTOMERS = 36;

/**
 * The ids the preview's object picker starts with on a customer or payment
 * page (preview/host/viewports.ts): in test mode, where the preview opens, the
 * first seeded customer and its first payment intent carry them, so a view
 * that retrieves the object in context finds it. Live mode keeps its own ids
 * (a Stripe id never names objects in both modes).
 */
export const PICKER_CUSTOMER = 'cus_PreviewCustomer1';
export const PICKER_PAYMENT_INTENT = 'pi_PreviewPayment001';

const FIRST = ['Ada', 'Ben', 'Chidi', 'Dana', 'Emil', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Keiko', 'Luca', 'Maya', 'Nils', 'Olu', 'Priya', 'Quinn', 'Rosa'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Novak', 'Haddad', 'Silva', 'Kowalski', 'Brennan', 'Iyer', 'Fischer', 'Adeyemi'];
const DOMAINS = ['example.com', 'example.org', 'example.net'];
const PLANS: [string, number][] = [
  ['Keyring Starter, monthly', 900],
  ['Keyring Pro, monthly', 2900],
  ['Keyring Pro, yearly', 29000],
  ['Keyring Team, monthly', 9900],
  ['Onboarding session', 15000],
];
const STATUSES: [PaymentIntentStatus, number][] = [
  ['succeeded', 0.75],
  ['requires_payment_method', 0.1],
  ['canceled', 0.1],
  ['processing', 0.05],
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

export interface SeedCustomer {
  id: string;
  created: number;
  write: CustomerWrite;
}

export interface SeedData {
  customers: SeedCustomer[];
  paymentIntents: PaymentIntentObject[];
}

/** Everything to insert for one mode, oldest first (lists page by insertion order). */
export function seedData(livemode: boolean, now: number): SeedData {
  const random = prng(livemode ? 0x5eed2 : 0x5eed1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const id = (prefix: string, length: number) => {
    let out = prefix;
    for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return out;
  };
  const customers: SeedCustomer[] = [];
  const paymentIntents: PaymentIntentObject[] = [];
  for (let i = 0; i < SEED_CUSTOMERS; i++) {
    const first = FIRST[i % FIRST.length];
    const last = pick(LAST);
    const email = `${first}.${last}${i >= FIRST.length ? i : ''}@${pick(DOMAINS)}`.toLowerCase();
    // Spread over the last 180 days, oldest first.
    const created = now - Math.round(((SEED_CUSTOMERS - i) / SEED_CUSTOMERS) * 180 * DAY) + Math.floor(random() * 3600);
    const generatedId = id('cus_', 14);
    const picked = i === 0 && !livemode;
    const customer: SeedCustomer = {
      id: picked ? PICKER_CUSTOMER : generatedId,
      created,
      write: {
        text: {name: `${first} ${last}`, email, description: null, phone: null},
        metadata: {clear: false, changes: i % 4 === 0 ? {crm_id: `crm_${1000 + i}`} : {}},
      },
    };
    customers.push(customer);
    // The picker's customer always has a payment intent for the picker's payment page.
    const payments = Math.max(Math.floor(random() * 5), picked ? 1 : 0);
    for (let j = 0; j < payments; j++) {
      const [description, amount] = pick(PLANS);
      const roll = random();
      let status: PaymentIntentStatus = 'succeeded';
      let cumulative = 0;
      for (const [s, p] of STATUSES) {
        cumulative += p;
        if (roll < cumulative) {
          status = s;
          break;
        }
      }
      const piCreated = Math.min(now - 60, created + Math.floor(random() * (now - created)));
      const generatedPiId = id('pi_', 24);
      const piId = picked && j === 0 ? PICKER_PAYMENT_INTENT : generatedPiId;
      paymentIntents.push({
        id: piId,
        object: 'payment_intent',
        amount,
        amount_capturable: 0,
        amount_details: {tip: {}},
        amount_received: status === 'succeeded' ? amount : 0,
        application: null,
        application_fee_amount: null,
        automatic_payment_methods: {enabled: true},
        canceled_at: status === 'canceled' ? piCreated + 3600 : null,
        cancellation_reason: status === 'canceled' ? 'abandoned' : null,
        capture_method: 'automatic',
        client_secret: `${piId}_secret_${id('', 24)}`,
        confirmation_method: 'automatic',
        created: piCreated,
        currency: 'usd',
        customer: customer.id,
        customer_account: null,
        description,
        excluded_payment_method_types: null,
        last_payment_error: null,
        // No charges are served yet: a reference nothing answers would break the views that follow it.
        latest_charge: null,
        livemode,
        managed_payments: null,
        metadata: {},
        next_action: null,
        on_behalf_of: null,
        payment_method: null,
        payment_method_configuration_details: null,
        payment_method_options: {},
        payment_method_types: ['card'],
        processing: null,
        receipt_email: email,
        review: null,
        setup_future_usage: null,
        shipping: null,
        source: null,
        statement_descriptor: null,
        statement_descriptor_suffix: null,
        status,
        transfer_data: null,
        transfer_group: null,
      });
    }
  }
  paymentIntents.sort((a, b) => a.created - b.created);
  return {customers, paymentIntents};
}
