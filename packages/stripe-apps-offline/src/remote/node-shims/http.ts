import {unavailable} from './unavailable';

/** stripe-node 8 makes a keep-alive Agent when it loads; with the SDK's HTTP client it never uses it. */
export class Agent {
  constructor(readonly options: unknown = {}) {}
}

export function request(): never {
  throw unavailable("stripe-node's Node HTTP client (Node's http.request)");
}

export default {Agent, request};
