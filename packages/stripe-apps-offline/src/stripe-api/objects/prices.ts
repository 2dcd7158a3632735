/**
 * Prices (`/v1/prices`): retrieve, list (`active`, `currency`, `product`,
 * `type`; the active ones unless `active=false`, as Stripe documents), create
 * and update. As on Stripe, a price's amount, currency,
 * product and interval are fixed once created: an update takes `active`,
 * `nickname`, `lookup_key`, `tax_behavior` (once) and `metadata`.
 */
import type Database from 'better-sqlite3';
import {errors} from '../errors';
import {booleanParam, checkKnown, integerParam, stringParam, type Raw} from '../params';
import type {Partition} from '../ids';
import {newObjectId} from './kinds';
import {planExpand, type ExpandPlan} from './expand';
import {applyMetadata, metadataParam, type FilterSpec, type Metadata, type MetadataChange} from './params';
import type {Products} from './products';
import {inStripeOrder, Resource, type Write} from './resource';
import {tableSpecOf} from './table';

/** The currencies a price here may use: a common subset of Stripe's, lower case as the API answers them. */
export const CURRENCIES = ['aud', 'brl', 'cad', 'chf', 'cny', 'czk', 'dkk', 'eur', 'gbp', 'hkd', 'inr', 'jpy', 'mxn', 'nok', 'nzd', 'pln', 'sek', 'sgd', 'usd'];

export type Interval = 'day' | 'week' | 'month' | 'year';
type TaxBehavior = 'exclusive' | 'inclusive' | 'unspecified';

export interface PriceObject {
  id: string;
  object: 'price';
  active: boolean;
  billing_scheme: 'per_unit';
  created: number;
  currency: string;
  custom_unit_amount: null;
  livemode: boolean;
  lookup_key: string | null;
  metadata: Metadata;
  nickname: string | null;
  product: string;
  recurring: {interval: Interval; interval_count: number; meter: null; trial_period_days: number | null; usage_type: 'licensed'} | null;
  tax_behavior: TaxBehavior;
  tiers_mode: null;
  transform_quantity: null;
  type: 'one_time' | 'recurring';
  unit_amount: number;
  unit_amount_decimal: string;
}

/**
 * A price with Stripe's defaults for everything not given: the one shape a
 * create and the seed start from. Keys in Stripe's order; given fields win.
 */
export function priceObject(fields: Pick<PriceObject, 'id' | 'livemode' | 'created' | 'product' | 'currency' | 'unit_amount' | 'recurring'> & Partial<PriceObject>): PriceObject {
  return inStripeOrder<PriceObject>(
    {
      id: fields.id,
      object: 'price',
      active: true,
      billing_scheme: 'per_unit',
      created: fields.created,
      currency: fields.currency,
      custom_unit_amount: null,
      livemode: fields.livemode,
      lookup_key: null,
      metadata: {},
      nickname: null,
      product: fields.product,
      recurring: fields.recurring,
      tax_behavior: 'unspecified',
      tiers_mode: null,
      transform_quantity: null,
      type: fields.recurring ? 'recurring' : 'one_time',
      unit_amount: fields.unit_amount,
      unit_amount_decimal: String(fields.unit_amount),
},
    fields,
  );
}

/** As Stripe documents it: a list without `active` answers the active prices only. */
export const PRICE_FILTERS: readonly FilterSpec[] = [
  {param: 'active', kind: 'boolean', condition: (value) => [{column: 'active', op: '=', value: value ?? 'true'}]},
  {param: 'currency', kind: CURRENCIES},
  {param: 'product', kind: 'string'},
  {param: 'type', kind: ['one_time', 'recurring']},
];

const INTERVALS: readonly Interval[] = ['day', 'week', 'month', 'year'];
/** Stripe's longest interval is one year, however it is counted. */
const MAX_COUNT: Record<Interval, number> = {day: 365, week: 52, month: 12, year: 1};
const TAX_BEHAVIORS: readonly TaxBehavior[] = ['exclusive', 'inclusive', 'unspecified'];

export interface PriceCreate {
  currency: string;
  product: string | null;
  productName: string | null;
  unitAmount: number;
  recurring: PriceObject['recurring'];
  nickname: string | null;
  lookupKey: string | null;
  taxBehavior: TaxBehavior;
  active: boolean;
  metadata: MetadataChange;
  expand: ExpandPlan;
}

export interface PriceUpdate {
  active: boolean | null;
  nickname: string | null | undefined;
  lookupKey: string | null | undefined;
  taxBehavior: TaxBehavior | null;
  metadata: MetadataChange;
  expand: ExpandPlan;
}

function hash(params: Raw, param: string): Raw | null {
  const value = params[param];
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw errors.notHash(param);
  return value as Raw;
}

function amountParam(params: Raw): number {
  const amount = integerParam(params, 'unit_amount');
  const decimal = params.unit_amount_decimal;
  if (amount !== null && decimal !== undefined) throw errors.exclusive('unit_amount', 'unit_amount_decimal');
  if (amount !== null) {
    if (amount < 0) throw errors.negativeAmount('unit_amount');
    return amount;
  }
  if (decimal === undefined) throw errors.priceAmountMissing();
  // Whole minor units only: fractions of a cent are Stripe's, not needed offline.
  if (typeof decimal !== 'string' || !/^\d{1,12}$/.test(decimal)) throw errors.notInteger('unit_amount_decimal');
  return Number(decimal);
}

function recurringParam(params: Raw): PriceObject['recurring'] {
  const recurring = hash(params, 'recurring');
  if (recurring === null) return null;
  for (const key of Object.keys(recurring)) {
    if (!['interval', 'interval_count', 'usage_type', 'trial_period_days'].includes(key)) throw errors.unknown(`recurring[${key}]`);
  }
  const interval = stringParam(recurring, 'interval', true, 'recurring[interval]');
  if (!INTERVALS.includes(interval as Interval)) throw errors.notOneOf('recurring[interval]', INTERVALS);
  const count = recurring.interval_count === undefined ? 1 : integerParam({c: recurring.interval_count}, 'c');
  if (count === null || count < 1) throw errors.notInteger('recurring[interval_count]');
  if (count > MAX_COUNT[interval as Interval]) throw errors.intervalTooLong();
  const usage = recurring.usage_type === undefined ? 'licensed' : stringParam(recurring, 'usage_type', true, 'recurring[usage_type]');
  // Metered prices need a billing meter, which the store does not keep.
  if (usage !== 'licensed') throw errors.notOneOf('recurring[usage_type]', ['licensed']);
  const trial = recurring.trial_period_days === undefined ? null : integerParam({t: recurring.trial_period_days}, 't');
  if (trial !== null && (trial < 0 || trial > 730)) throw errors.notInteger('recurring[trial_period_days]');
  return {interval: interval as Interval, interval_count: count, meter: null, trial_period_days: trial, usage_type: 'licensed'};
}

function optionalText(params: Raw, param: string, max: number, unset: boolean): string | null | undefined {
  const value = params[param];
  if (value === undefined) return undefined;
  if (unset && value === '') return null;
  const text = stringParam(params, param, true);
  if (text.length > max) throw errors.tooLong(param, max);
  return text;
}

function taxBehaviorParam(params: Raw): TaxBehavior | null {
  const value = stringParam(params, 'tax_behavior', false);
  if (value !== null && !TAX_BEHAVIORS.includes(value as TaxBehavior)) throw errors.notOneOf('tax_behavior', TAX_BEHAVIORS);
  return value as TaxBehavior | null;
}

export function parsePriceCreate(params: Raw): PriceCreate {
  checkKnown(params, [
    'currency', 'product', 'product_data', 'unit_amount', 'unit_amount_decimal', 'recurring',
    'nickname', 'lookup_key', 'tax_behavior', 'active', 'metadata', 'expand',
  ]);
  const currency = stringParam(params, 'currency', true);
  if (!CURRENCIES.includes(currency.toLowerCase())) throw errors.invalidCurrency(currency, CURRENCIES);
  const product = stringParam(params, 'product', false);
  const productData = hash(params, 'product_data');
  if (product !== null && productData !== null) throw errors.exclusive('product', 'product_data');
  let productName: string | null = null;
  if (productData !== null) {
    for (const key of Object.keys(productData)) if (key !== 'name') throw errors.unknown(`product_data[${key}]`);
    productName = stringParam(productData, 'name', true, 'product_data[name]');
  } else if (product === null) {
    throw errors.missing('product');
  }
  return {
    currency: currency.toLowerCase(),
    product,
    productName,
    unitAmount: amountParam(params),
    recurring: recurringParam(params),
    nickname: optionalText(params, 'nickname', 5000, false) ?? null,
    lookupKey: optionalText(params, 'lookup_key', 200, false) ?? null,
    taxBehavior: taxBehaviorParam(params) ?? 'unspecified',
    active: booleanParam(params, 'active') ?? true,
    metadata: metadataParam(params),
    expand: planExpand(params.expand, 'price', false),
  };
}

export function parsePriceUpdate(params: Raw): PriceUpdate {
  checkKnown(params, ['active', 'nickname', 'lookup_key', 'tax_behavior', 'metadata', 'expand']);
  return {
    active: booleanParam(params, 'active'),
    nickname: optionalText(params, 'nickname', 5000, true),
    lookupKey: optionalText(params, 'lookup_key', 200, true),
    taxBehavior: taxBehaviorParam(params),
    metadata: metadataParam(params),
    expand: planExpand(params.expand, 'price', false),
  };
}

export class Prices extends Resource<PriceObject> {
  constructor(
    db: Database.Database,
    write: Write,
    now: () => number,
    private readonly products: Products,
  ) {
    super(db, tableSpecOf('price'), write, now);
    // Products and prices refer to each other: a product's default_price is checked against the prices here.
    products.priceCheck = (partition, id) => {
      const price = this.find(partition, id);
      return price ? {product: price.product, active: price.active} : null;
    };
  }

  create(partition: Partition, params: PriceCreate): PriceObject {
    return this.write(() => {
      let product = params.product;
      if (product !== null) {
        if (!this.products.find(partition, product)) throw errors.missingReference('product', product, 'product');
      } else {
        const write = {id: null, text: {name: params.productName ?? ''}, active: null, defaultPrice: null, metadata: {clear: false, changes: {}}, expand: params.expand};
        product = this.products.create(partition, write).id;
      }
      const price = priceObject({
        id: newObjectId('price'),
        active: params.active,
        created: this.now(),
        currency: params.currency,
        livemode: partition.livemode,
        lookup_key: params.lookupKey,
        nickname: params.nickname,
        product,
        recurring: params.recurring,
        tax_behavior: params.taxBehavior,
        unit_amount: params.unitAmount,
      });
      applyMetadata(price, params.metadata);
      this.table.insert(partition, price);
      return price;
    });
  }

  update(partition: Partition, id: string, params: PriceUpdate): PriceObject {
    return this.write(() =>
      this.table.change(partition, id, (price) => {
        if (params.active === false && price.active) {
          const product = this.products.find(partition, price.product);
          if (product?.default_price === id) throw errors.archiveDefaultPrice();
        }
        if (params.taxBehavior !== null && params.taxBehavior !== price.tax_behavior) {
          if (price.tax_behavior !== 'unspecified') throw errors.taxBehaviorFixed();
          price.tax_behavior = params.taxBehavior;
        }
        if (params.active !== null) price.active = params.active;
        if (params.nickname !== undefined) price.nickname = params.nickname;
        if (params.lookupKey !== undefined) price.lookup_key = params.lookupKey;
        applyMetadata(price, params.metadata);
      }),
    );
  }
}
