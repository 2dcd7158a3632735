/**
 * The account (`GET /v1/account`): the one the caller acts on, answered from
 * its id and mode alone. No table: nothing about it can be changed here yet.
 */
import type {Partition} from '../ids';

/**
 * The account is the business that installed the app, not the app: a neutral
 * made-up name (the same as the preview's top bar shows), whatever app runs.
 */
export const LOCAL_ACCOUNT_NAME = 'Local test account';

export function accountObject(partition: Partition): Record<string, unknown> {
  const name = LOCAL_ACCOUNT_NAME;
  const requirements = {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
  };
  return {
    id: partition.account,
    object: 'account',
    business_profile: {mcc: null, name, product_description: null, support_email: null, support_phone: null, support_url: null, url: null},
    business_type: 'company',
    capabilities: {card_payments: 'active', transfers: 'active'},
    charges_enabled: true,
    controller: {type: 'account'},
    country: 'US',
    // A fixed date: the account "exists" before anything in the store, whenever the store started.
    created: 1577836800,
    default_currency: 'usd',
    details_submitted: true,
    email: 'owner@example.com',
    external_accounts: {object: 'list', data: [], has_more: false, url: `/v1/accounts/${partition.account}/external_accounts`},
    future_requirements: requirements,
    metadata: {},
    payouts_enabled: true,
    requirements,
    settings: {dashboard: {display_name: name, timezone: 'Etc/UTC'}},
    tos_acceptance: {date: null, ip: null, user_agent: null},
    type: 'standard',
  };
}
