import {unavailable} from './unavailable';

/** stripe-node 8 signs webhooks with Node's crypto: a view has no signing secret to use it with. */
export function createHmac(): never {
  throw unavailable("Node's crypto (stripe.webhooks, which needs the signing secret)");
}

export default {createHmac};
