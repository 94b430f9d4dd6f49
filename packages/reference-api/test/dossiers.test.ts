// Dossier lookup as a citizen and as an attacker would use it: the demo set, masking, no enumeration,
// rate limits, the captcha hook, and nothing identifying at rest.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Dossier, DossierStatusCode, TimingClass } from '@dvc-kit/sdk';
import { demoDossiers, maskName } from '../src/index.ts';
import { DEFAULT_ANSWERS, expectProblem, postJson, startTestServer, tempDir, type TestServer } from './support.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

async function lookup(target: TestServer, code: string, idNumber: string, headers: Record<string, string> = {}): Promise<Response> {
  return postJson(`${target.url}/v1/dossiers/lookup`, { code, idNumber }, headers);
}

async function lookupAll(): Promise<{ demo: TestServer['demo'][number]; dossier: Dossier }[]> {
  return Promise.all(server.demo.map(async (demo) => {
    const response = await lookup(server, demo.code, demo.idNumber);
    assert.equal(response.status, 200, demo.code);
    return { demo, dossier: (await response.json()) as Dossier };
  }));
}

describe('the demo dossier set', () => {
  test('covers all 10 statuses and every timing class, each as its scenario intended', async () => {
    const all = await lookupAll();
    assert.ok(all.length >= 40, `${all.length} dossiers`);
    const statuses = new Set(all.map(({ dossier }) => dossier.status.code));
    assert.deepEqual([...statuses].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] satisfies DossierStatusCode[]);
    const timings = new Set(all.map(({ dossier }) => dossier.timing));
    for (const timing of ['early', 'on-time', 'overdue', 'on-track', null] satisfies (TimingClass | null)[]) {
      assert.ok(timings.has(timing), `some dossier is ${timing}`);
    }
    for (const { demo, dossier } of all) {
      assert.equal(dossier.timing, demo.expectedTiming, `${demo.code} (${demo.scenario})`);
      if ([1, 3, 7, 8].includes(dossier.status.code)) assert.equal(dossier.timing, null);
      if (dossier.status.code === 9 || dossier.status.code === 10) assert.ok(dossier.finishedAt);
      if (dossier.status.code === 10) {
        assert.equal(dossier.survey?.form, 'default');
        assert.match(dossier.survey.token, /^[0-9a-f]{32}$/);
      } else {
        assert.equal(dossier.survey, null, 'no survey token before the result is returned');
      }
    }
    const tokens = all.flatMap(({ dossier }) => (dossier.survey ? [dossier.survey.token] : []));
    assert.ok(tokens.length >= 3);
    assert.equal(new Set(tokens).size, tokens.length, 'one token per dossier');
  });

  test('not counting supplement waiting time changes the verdict where it should', async () => {
    const all = await lookupAll();
    const paused = all.filter(({ dossier }) => dossier.finishedAt && dossier.supplements.some((s) => s.fulfilledAt && !s.newAppointmentAt));
    assert.ok(paused.length >= 2);
    // Finished after the appointment on the calendar, yet not overdue: the days spent waiting for the citizen do not count.
    assert.ok(paused.some(({ dossier }) => Date.parse(dossier.finishedAt ?? '') > Date.parse(dossier.appointmentAt ?? '') && dossier.timing !== 'overdue'));
  });

  test('supplement requests carry content, items, due date and (once supplied) a new appointment', async () => {
    const supplements = (await lookupAll()).flatMap(({ dossier }) => dossier.supplements);
    assert.ok(supplements.length >= 6);
    assert.ok(supplements.every((s) => s.content.length > 20 && s.items.length > 0 && s.dueAt));
    assert.ok(supplements.some((s) => s.newAppointmentAt && s.fulfilledAt));
    assert.ok(supplements.some((s) => s.fulfilledAt === null), 'some are still open');
  });

  test('histories are newest first, some 15 entries or longer', async () => {
    const all = await lookupAll();
    for (const { dossier } of all) {
      const times = dossier.history.map((entry) => Date.parse(entry.at));
      assert.deepEqual(times, [...times].sort((a, b) => b - a), `${dossier.code} history is newest first`);
      assert.ok(dossier.history.length >= 1);
    }
    assert.ok(all.filter(({ dossier }) => dossier.history.length >= 15).length >= 3);
  });

  test('codes are {agency}-{yyMMdd}-{NNNN}, dated by reception, including pre-2025 district agencies', async () => {
    const all = await lookupAll();
    for (const { dossier } of all) {
      const match = /^([0-9A-Z.]+)-(\d{6})-(\d{4})$/.exec(dossier.code);
      assert.ok(match, dossier.code);
      const dated = dossier.receivedAt ?? dossier.history.at(-1)?.at ?? '';
      assert.equal(match[2], dated.slice(2, 10).replaceAll('-', ''), `${dossier.code} is dated ${dated}`);
    }
    assert.ok(all.some(({ dossier }) => dossier.code === '000.00.06.H56-231027-0361'), 'the example code of the domain notes exists');
    assert.ok(all.some(({ dossier }) => dossier.code.startsWith('000.00.23.H56-') && (dossier.receivedAt ?? '') < '2025-07-01'));
    assert.equal(new Set(all.map(({ dossier }) => dossier.code)).size, all.length, 'codes are unique');
  });

  test('procedures come from the catalogue, with its names', async () => {
    for (const { dossier } of await lookupAll()) {
      const procedure = server.catalogue.get(dossier.procedure.code);
      assert.ok(procedure, `${dossier.procedure.code} is in the catalogue`);
      assert.equal(dossier.procedure.name, procedure.name);
    }
  });

  test('ID numbers: mostly 12-digit CCCD, some 9-digit CMND, a passport and a tax code', () => {
    const kinds = server.demo.map((d) => d.idKind);
    assert.ok(kinds.filter((k) => k === 'cccd').length > server.demo.length / 2);
    for (const kind of ['cmnd', 'passport', 'tax-code'] as const) assert.ok(kinds.includes(kind), kind);
    for (const demo of server.demo) {
      const pattern = { cccd: /^\d{12}$/, cmnd: /^\d{9}$/, passport: /^[A-Z]\d{7}$/, 'tax-code': /^\d{10}$/ }[demo.idKind];
      assert.match(demo.idNumber, pattern);
    }
  });

  test('the set is deterministic for an anchor, and kept across restarts', async () => {
    const anchor = new Date('2026-03-05T03:00:00Z');
    assert.deepEqual(demoDossiers(anchor), demoDossiers(anchor));
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    const codes = first.demo.map((d) => d.code);
    const featured = first.demo.find((d) => d.featured);
    assert.ok(featured);
    await first.stop();
    const second = await startTestServer({ dataDir, clock: () => new Date(Date.now() + 40 * 86_400_000) });
    try {
      assert.deepEqual(second.demo.map((d) => d.code), codes, 'a later restart keeps the first anchor');
      assert.equal((await lookup(second, featured.code, featured.idNumber)).status, 200, 'the salt survives a restart');
    } finally {
      await second.stop();
    }
  });
});

describe('what a lookup reveals', () => {
  test('the applicant is masked: family name, then first letters', async () => {
    assert.equal(maskName('Nguyễn Văn An'), 'Nguyễn V** A*');
    assert.equal(maskName('  Đặng   Thị  Ánh '), 'Đặng T** Á**');
    for (const { demo, dossier } of await lookupAll()) {
      assert.equal(dossier.applicant, maskName(demo.applicantName));
      const given = demo.applicantName.split(' ').at(-1) ?? '';
      assert.ok(!dossier.applicant.includes(given) || given.length === 1);
    }
  });

  test('code and ID number are forgiving about case, spaces and dashes', async () => {
    const demo = server.demo.find((d) => d.idKind === 'passport');
    assert.ok(demo);
    const response = await lookup(server, ` ${demo.code.toLowerCase()} `, ` ${demo.idNumber.toLowerCase().replace(/(\d{3})/, '$1 ')} `);
    assert.equal(response.status, 200);
  });

  test('status labels follow Accept-Language; published data stays Vietnamese', async () => {
    const demo = server.demo.find((d) => d.status === 5);
    assert.ok(demo);
    const en = (await (await lookup(server, demo.code, demo.idNumber, { 'accept-language': 'en' })).json()) as Dossier;
    const vi = (await (await lookup(server, demo.code, demo.idNumber)).json()) as Dossier;
    assert.equal(en.status.label, 'Additional documents requested');
    assert.equal(vi.status.label, 'Yêu cầu bổ sung giấy tờ');
    assert.equal(en.history[0]?.action, vi.history[0]?.action);
  });

  test('unknown code and wrong ID number get byte-identical answers in similar time', async () => {
    const demo = server.demo.find((d) => d.featured);
    assert.ok(demo);
    const unknown = () => lookup(server, '000.40.21.H56-200101-0001', demo.idNumber);
    const wrongId = () => lookup(server, demo.code, '001099000111');
    const snapshot = async (response: Response) => ({
      status: response.status,
      headers: [...response.headers].filter(([name]) => !['date', 'keep-alive', 'connection'].includes(name)),
      body: await response.text(),
    });
    assert.deepEqual(await snapshot(await unknown()), await snapshot(await wrongId()));

    const median = async (attempt: () => Promise<Response>): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < 25; i++) {
        const started = performance.now();
        await (await attempt()).text();
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[12] ?? 0;
    };
    const [a, b] = [await median(unknown), await median(wrongId)];
    // Both paths read the store, hash the ID number and compare; a gap of milliseconds would be a signal.
    assert.ok(Math.abs(a - b) < 3, `medians ${a.toFixed(2)} ms vs ${b.toFixed(2)} ms`);
  });

  test('nothing identifying at rest: no ID number and no full name in the database files', async () => {
    const files = readdirSync(server.dataDir).map((name) => readFileSync(join(server.dataDir, name)).toString('utf8'));
    const everything = files.join('\n');
    assert.ok(everything.length > 10_000, 'the database was read');
    for (const demo of server.demo) {
      assert.ok(!everything.includes(demo.idNumber), `ID number of ${demo.code} is not stored in clear`);
      assert.ok(!everything.includes(demo.applicantName), `name of ${demo.code} is not stored in full`);
    }
  });
});

describe('rate limits and captcha', () => {
  test('per client: the lookup after the limit gets 429 with Retry-After, in header and body', async () => {
    const limited = await startTestServer({ limits: { lookupsPerClientPerMinute: 5 } });
    try {
      const demo = limited.demo[0];
      assert.ok(demo);
      for (let i = 0; i < 5; i++) assert.notEqual((await lookup(limited, demo.code, demo.idNumber)).status, 429);
      const refused = await lookup(limited, demo.code, demo.idNumber);
      const retryAfter = Number(refused.headers.get('retry-after'));
      const problem = await expectProblem(refused, 'rate-limited', 429);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(problem.retryAfter, retryAfter);
      assert.equal((await fetch(`${limited.url}/v1/procedures?q=khai%20sinh`)).status, 200, 'reading the catalogue is not limited');
    } finally {
      await limited.stop();
    }
  });

  test('per dossier code: after repeated failures even the right ID number waits; other codes do not', async () => {
    const limited = await startTestServer({ limits: { lookupsPerClientPerMinute: 1000, failedLookupsPerCode: 3, failedLookupWindowSeconds: 600 } });
    try {
      const [target, other] = limited.demo;
      assert.ok(target && other);
      for (let i = 0; i < 3; i++) await expectProblem(await lookup(limited, target.code, `00109900011${i}`), 'dossier-not-found', 404);
      const blocked = await lookup(limited, target.code, target.idNumber);
      await expectProblem(blocked, 'rate-limited', 429);
      assert.ok(Number(blocked.headers.get('retry-after')) > 500, 'until the ten-minute window passes');
      assert.equal((await lookup(limited, other.code, other.idNumber)).status, 200);
    } finally {
      await limited.stop();
    }
  });

  test('behind a reverse proxy (trustProxy): each citizen has their own limit; without it, X-Forwarded-For changes nothing', async () => {
    const post = (server: TestServer, i: number, from: string) => postJson(`${server.url}/v1/survey-responses`,
      { form: 'general', answers: { overall: '2' } }, { 'idempotency-key': `proxy-test-${i}-${from.replace(/\W/g, '')}`, 'x-forwarded-for': from });
    const proxied = await startTestServer({ trustProxy: true, limits: { postsPerClientPerMinute: 1 } });
    try {
      // The proxy appends the address it saw to whatever the client sent: the last entry is the one to count.
      assert.equal((await post(proxied, 1, '203.0.113.7, 198.51.100.1')).status, 201);
      assert.equal((await post(proxied, 2, '203.0.113.7, 198.51.100.2')).status, 201, 'another citizen, same proxy');
      await expectProblem(await post(proxied, 3, '192.0.2.99, 198.51.100.1'), 'rate-limited', 429);
    } finally {
      await proxied.stop();
    }
    const direct = await startTestServer({ limits: { postsPerClientPerMinute: 1 } });
    try {
      assert.equal((await post(direct, 1, '198.51.100.1')).status, 201);
      await expectProblem(await post(direct, 2, '198.51.100.2'), 'rate-limited', 429);
    } finally {
      await direct.stop();
    }
  });

  test('per client: survey posts are limited too', async () => {
    const limited = await startTestServer({ limits: { postsPerClientPerMinute: 2 } });
    try {
      const post = (i: number) => postJson(`${limited.url}/v1/survey-responses`, { form: 'general', answers: { overall: '2' } }, { 'idempotency-key': `limit-test-${i}` });
      assert.equal((await post(1)).status, 201);
      assert.equal((await post(2)).status, 201);
      await expectProblem(await post(3), 'rate-limited', 429);
      assert.equal(await limited.store.countResponses(), 2);
    } finally {
      await limited.stop();
    }
  });

  test('the captcha hook sees the X-Captcha-Token header and can refuse with 403', async () => {
    const seen: (string | null)[] = [];
    const guarded = await startTestServer({
      captcha: async (token) => {
        seen.push(token);
        return token === 'valid-token';
      },
    });
    try {
      const demo = guarded.demo[0];
      assert.ok(demo);
      await expectProblem(await lookup(guarded, demo.code, demo.idNumber), 'captcha-required', 403);
      await expectProblem(await lookup(guarded, demo.code, demo.idNumber, { 'x-captcha-token': 'forged' }), 'captcha-required', 403);
      assert.equal((await lookup(guarded, demo.code, demo.idNumber, { 'x-captcha-token': 'valid-token' })).status, 200);
      assert.deepEqual(seen, [null, 'forged', 'valid-token']);
      const survey = await postJson(`${guarded.url}/v1/survey-responses`, { form: 'default', dossierCode: demo.code, dossierToken: '0'.repeat(32), answers: DEFAULT_ANSWERS }, { 'idempotency-key': 'captcha-free-1' });
      assert.notEqual(survey.status, 403, 'surveys are not behind the captcha');
    } finally {
      await guarded.stop();
    }
  });
});
