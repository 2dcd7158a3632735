/**
 * Products (`/v1/products`): retrieve, list (`active`), create and update,
 * kept per account and mode. The seed (seed.ts) makes a made-up business's plans
 * made-up customers subscribe to.
 */
import type Database from 'better-sqlite3';
import {errors} from '../errors';
import {booleanParam, checkKnown, stringParam, type Raw} from '../params';
import type {Partition} from '../ids';
import {newObjectId} from './kinds';
import {planExpand, type ExpandPlan} from './expand';
import {applyMetadata, metadataParam, NOTHING, type FilterSpec, type Metadata, type MetadataChange} from './params';
import {Resource, type Write} from './resource';
import {tableSpecOf} from './table';

export interface ProductObject {
  id: string;
  object: 'product';
  active: boolean;
  created: number;
  default_price: string | null;
  description: string | null;
  images: string[];
  livemode: boolean;
  marketing_features: {name: string}[];
  metadata: Metadata;
  name: string;
  package_dimensions: null;
  shippable: boolean | null;
  statement_descriptor: string | null;
  tax_code: string | null;
  type: 'service' | 'good';
  unit_label: string | null;
  updated: number;
  url: string | null;
}

export const PRODUCT_FILTERS: readonly FilterSpec[] = [
  {param: 'active', kind: 'boolean'},
  {param: 'ids', kind: 'ids'},
  // Products here are services: never shippable (Stripe's `shippable` is null on them).
  {param: 'shippable', kind: 'boolean', condition: (value) => (value === null ? [] : [NOTHING])},
  {param: 'type', kind: ['good', 'service'], condition: (value) => (value === 'good' ? [NOTHING] : [])},
];

/** Text fields a product create or update may set; on update an empty value unsets all but `name`. */
const TEXT = ['name', 'description', 'unit_label', 'url', 'statement_descriptor'] as const;
type TextField = (typeof TEXT)[number];
const MAX: Record<TextField, number> = {name: 5000, description: 40000, unit_label: 12, url: 5000, statement_descriptor: 22};
const CUSTOM_ID = /^[A-Za-z0-9_-]{1,255}$/;

export interface ProductWrite {
  id: string | null;
  text: Partial<Record<TextField, string | null>>;
  active: boolean | null;
  defaultPrice: string | null;
  metadata: MetadataChange;
  expand: ExpandPlan;
}

function textParams(params: Raw, update: boolean): ProductWrite['text'] {
  const text: ProductWrite['text'] = {};
  for (const field of TEXT) {
    const value = params[field];
    if (value === undefined) continue;
    if (update && value === '' && field !== 'name') {
      text[field] = null;
      continue;
    }
    if (typeof value !== 'string') throw errors.notString(field);
    if (value === '') throw errors.empty(field);
    if (value.length > MAX[field]) throw errors.tooLong(field, MAX[field]);
    text[field] = value;
  }
  return text;
}

export function parseProductCreate(params: Raw): ProductWrite {
  checkKnown(params, ['id', 'active', 'metadata', 'expand', ...TEXT]);
  const id = stringParam(params, 'id', false);
  if (id !== null && !CUSTOM_ID.test(id)) throw errors.notOneOf('id', ['letters, digits, _ and - (up to 255)']);
  const text = textParams(params, false);
  if (text.name === undefined) throw errors.missing('name');
  return {id, text, active: booleanParam(params, 'active'), defaultPrice: null, metadata: metadataParam(params), expand: planExpand(params.expand, 'product', false)};
}

export function parseProductUpdate(params: Raw): ProductWrite {
  checkKnown(params, ['active', 'metadata', 'expand', 'default_price', ...TEXT]);
  return {
    id: null,
    text: textParams(params, true),
    active: booleanParam(params, 'active'),
    defaultPrice: stringParam(params, 'default_price', false),
    metadata: metadataParam(params),
    expand: planExpand(params.expand, 'product', false),
  };
}

/**
 * A product with Stripe's defaults for everything not given: the one shape
 * both a create and the seed start from, so the two cannot drift apart.
 */
export function productObject(fields: Pick<ProductObject, 'id' | 'livemode' | 'created' | 'updated'> & Partial<ProductObject>): ProductObject {
  return {
    object: 'product',
    active: true,
    default_price: null,
    description: null,
    images: [],
    marketing_features: [],
    metadata: {},
    name: '',
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    url: null,
    ...fields,
  };
}

/** Whether a price id belongs to a product and is active; null when there is no such price (prices.ts answers). */
export type PriceCheck = (partition: Partition, priceId: string) => {product: string; active: boolean} | null;

export class Products extends Resource<ProductObject> {
  /** Set by Prices once it exists (they refer to each other). */
  priceCheck: PriceCheck = () => null;

  constructor(db: Database.Database, write: Write, now: () => number) {
    super(db, tableSpecOf('product'), write, now);
  }

  create(partition: Partition, params: ProductWrite): ProductObject {
    return this.write(() => {
      if (params.id !== null && this.table.exists(params.id)) throw errors.productExists();
      const now = this.now();
      const product = productObject({id: params.id ?? newObjectId('product'), livemode: partition.livemode, created: now, updated: now});
      apply(product, params);
      this.table.insert(partition, product);
      return product;
    });
  }

  update(partition: Partition, id: string, params: ProductWrite): ProductObject {
    return this.write(() =>
      this.table.change(partition, id, (product) => {
        if (params.defaultPrice !== null) {
          const price = this.priceCheck(partition, params.defaultPrice);
          if (price === null) throw errors.missingReference('price', params.defaultPrice, 'default_price');
          if (price.product !== id) throw errors.defaultPriceOfOtherProduct(params.defaultPrice);
          if (!price.active) throw errors.inactiveDefaultPrice();
          product.default_price = params.defaultPrice;
        }
        apply(product, params);
        product.updated = this.now();
      }),
    );
  }
}

function apply(product: ProductObject, params: ProductWrite): void {
  for (const field of TEXT) {
    const value = params.text[field];
    if (value === undefined) continue;
    if (field === 'name') product.name = value ?? product.name;
    else product[field] = value;
  }
  if (params.active !== null) product.active = params.active;
  applyMetadata(product, params.metadata);
}
