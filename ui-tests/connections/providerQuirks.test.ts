/**
 * A provider's departures from the RFCs, read as data: a preset's inputs
 * fill its URLs (each wrong one named), quirk fields are checked like the
 * rest of an entry, and a call as the user is shaped as the provider wants it
 * (its token header, its API headers, a relative URL against a kept field).
 */
import {apiRequest, readConnections, type OAuthProviderConfig} from '../../src/oauth';

const REDIRECTS = {test: 'https://dashboard.stripe.com/test/apps-oauth/com.example.x', live: 'https://dashboard.stripe.com/apps-oauth/com.example.x'};
const read = (...connections: Record<string, unknown>[]) => readConnections({redirectUris: REDIRECTS, connections} as never);
const one = (entry: Record<string, unknown>): OAuthProviderConfig => {
  const {connections, problems} = read(entry);
  expect(problems).toEqual([]);
  return connections[0];
};

describe("a preset's inputs", () => {
  test("Microsoft's tenant is common unless the entry names one", () => {
    expect(one({id: 'ms', preset: 'microsoft', clientId: 'c'}).tokenUrl).toBe('https://login.microsoftonline.com/common/oauth2/v2.0/token');
    expect(one({id: 'ms', preset: 'microsoft', clientId: 'c', inputs: {tenant: 'contoso.onmicrosoft.com'}}).authorizeUrl).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
    );
  });

  test('a value of the wrong form, an input the preset does not take, and inputs without a preset are named', () => {
    expect(read({id: 'ms', preset: 'microsoft', clientId: 'c', inputs: {tenant: 'evil.example/../x'}}).problems).toEqual([
      expect.stringContaining('constants.connections[0].inputs.tenant must be common, organizations, consumers') as string,
    ]);
    expect(read({id: 'ms', preset: 'microsoft', clientId: 'c', inputs: {shop: 'x'}}).problems).toEqual([expect.stringContaining('inputs.shop is not an input of this preset (it takes tenant)') as string]);
    expect(read({id: 'x', name: 'X', authorizeUrl: 'https://x.example/a', tokenUrl: 'https://x.example/t', clientId: 'c', inputs: {tenant: 'a'}}).problems).toEqual([
      expect.stringContaining("inputs fills in a preset's URLs") as string,
    ]);
  });

  test("GitHub's revocation names the entry's own client", () => {
    expect(one({id: 'gh', preset: 'github', clientId: 'Iv1.abc'}).revocationUrl).toBe('https://api.github.com/applications/Iv1.abc/grant');
  });
});

test('quirk fields of the wrong form are named where they are', () => {
  const {problems} = read({id: 'x', preset: 'notion', clientId: 'c', tokenRequestBody: 'xml', keep: {instance_url: 'body:instance_url'}, revocationStyle: 'shout', tokenRefusedStatuses: [500]});
  expect(problems).toEqual([
    'constants.connections[0].tokenRequestBody must be "form" or "json".',
    'constants.connections[0].tokenRefusedStatuses must be a list of 4xx statuses.',
    expect.stringContaining('constants.connections[0].revocationStyle must be one of rfc7009, json, bearer') as string,
    'constants.connections[0].keep must map field names to "token:<path>", "idToken:<claim>" or "identity:<path>".',
  ]);
});

describe('a call as the user', () => {
  test("Salesforce's relative URLs go to the instance the sign-in kept; without it, the error says what is missing", () => {
    const salesforce = one({id: 'sf', preset: 'salesforce', clientId: 'c'});
    const [url, init] = apiRequest(salesforce, {access_token: 't0k', kept: {instance_url: 'https://acme.my.salesforce.com'}}, '/services/data/v62.0/sobjects');
    expect(url).toBe('https://acme.my.salesforce.com/services/data/v62.0/sobjects');
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer t0k');
    expect(() => apiRequest(salesforce, {access_token: 't0k'}, '/services/data')).toThrow("Salesforce's API base needs instance_url, which this connection did not keep; connect again.");
  });

  test("Notion's calls carry Notion-Version; a token header other than Bearer carries the token alone", () => {
    const [, notionInit] = apiRequest(one({id: 'n', preset: 'notion', clientId: 'c'}), {access_token: 't0k'}, 'users/me');
    expect(new Headers(notionInit.headers).get('notion-version')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const custom = one({id: 'shop', name: 'Shop', authorizeUrl: 'https://s.example/a', tokenUrl: 'https://s.example/t', clientId: 'c', tokenHeader: 'X-Shopify-Access-Token'});
    const headers = new Headers(apiRequest(custom, {access_token: 't0k'}, 'https://s.example/admin/shop.json')[1].headers);
    expect([headers.get('x-shopify-access-token'), headers.get('authorization')]).toEqual(['t0k', null]);
  });
});
