import { expect } from '@open-wc/testing';
import { clientFor } from './clients.ts';

// No request is sent: a client is created, not used.
describe('clientFor: one client per API base URL on the page', () => {
  it('gives the same client however the same URL is written', () => {
    const site = location.origin;
    const client = clientFor('/clients-test/api');
    expect(client?.baseUrl).to.equal(`${site}/clients-test/api`);
    for (const same of ['/clients-test/api/', `${site}/clients-test/api`, ` ${site}/clients-test/api// `, 'clients-test/api']) {
      expect(clientFor(same), same).to.equal(client);
    }
  });

  it('gives another client for another API, and none for an unusable URL', () => {
    expect(clientFor('/clients-test/other')).to.not.equal(clientFor('/clients-test/api'));
    expect(clientFor('http://[::1')).to.equal(undefined);
  });
});
