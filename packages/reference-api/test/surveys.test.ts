// Survey forms as data and survey responses as the citizen's browser sends them: validation against the form,
// idempotent replays, one evaluation per dossier, criteria computed from the dossier, persistence.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { ChoiceQuestion, SurveyForm, SurveyReceipt } from '@dvc-kit/sdk';
import { createMemoryStore } from '../src/memory-store.ts';
import { openSqliteStore } from '../src/sqlite-store.ts';
import type { Store, StoredResponse } from '../src/store.ts';
import { DEFAULT_ANSWERS, expectProblem, postJson, startTestServer, surveyProof, tempDir, type TestServer } from './support.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server.stop());

let counter = 0;
const key = (label: string) => `${label}-${process.pid}-${counter++}`;
const submit = (body: unknown, idempotencyKey: string, target: TestServer = server) =>
  postJson(`${target.url}/v1/survey-responses`, body, { 'idempotency-key': idempotencyKey });
const form = async (id: string, language = 'vi'): Promise<SurveyForm> =>
  (await (await fetch(`${server.url}/v1/survey-forms/${id}`, { headers: { 'accept-language': language } })).json()) as SurveyForm;

/** A server on a data directory of its own (to restart on), a returned demo dossier there, and its survey proof. */
async function returnedOnFreshStore() {
  const dataDir = tempDir();
  const first = await startTestServer({ dataDir });
  const dossier = first.demo.find((d) => d.status === 10);
  assert.ok(dossier);
  return { dataDir, first, dossier, proof: await surveyProof(first, dossier.code) };
}

function dossierWith(status: number, timing: string | null) {
  const found = server.demo.find((d) => d.status === status && d.expectedTiming === timing);
  assert.ok(found, `a demo dossier with status ${status} and timing ${timing}`);
  return found;
}

describe('forms', () => {
  test('default: the per-dossier evaluation, criteria 3, 4, 6, 7 scored 2/1/0, convenience, overall, optional comment', async () => {
    const vi = await form('default');
    assert.equal(vi.needsDossier, true);
    const choices = vi.questions.filter((q): q is ChoiceQuestion => q.kind === 'choice');
    assert.deepEqual(choices.map((q) => q.id), ['contacts', 'agencies', 'publication', 'conduct', 'convenience', 'overall']);
    for (const question of choices) {
      assert.deepEqual(question.options.map((o) => o.value), ['2', '1', '0']);
      assert.equal(question.required, true);
    }
    assert.equal(vi.questions.find((q) => q.id === 'convenience')?.label, 'Mức độ thuận tiện khi sử dụng dịch vụ');
    assert.equal(vi.questions.find((q) => q.id === 'overall')?.label, 'Đánh giá tổng thể dịch vụ');
    assert.deepEqual(choices.find((q) => q.id === 'overall')?.options.map((o) => o.label), ['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    const comment = vi.questions.at(-1);
    assert.ok(comment?.kind === 'text' && comment.maxLength === 500 && !comment.required);
    assert.match(comment.help ?? '', /cải thiện/);
  });

  test('English has the same questions and values, in English', async () => {
    for (const id of ['default', 'general']) {
      const [vi, en] = [await form(id), await form(id, 'en')];
      const shape = (f: SurveyForm) => f.questions.map((q) => [q.id, q.kind, q.required, q.kind === 'choice' ? q.options.map((o) => o.value) : q.maxLength]);
      assert.deepEqual(shape(en), shape(vi));
      assert.notEqual(en.title, vi.title);
      assert.ok(en.questions.every((q, i) => q.label !== vi.questions[i]?.label));
    }
  });

  test('general: a short form that needs no dossier', async () => {
    const general = await form('general');
    assert.equal(general.needsDossier, false);
    assert.ok(general.questions.length <= 4);
    assert.equal((await submit({ form: 'general', answers: { overall: '1' } }, key('general'))).status, 201);
  });
});

describe('responses', () => {
  test('required questions, valid options and a looked-up dossier are enforced', async () => {
    const proof = await surveyProof(server, dossierWith(10, 'early').code);
    const missing = await expectProblem(await submit({ form: 'default', ...proof, answers: { overall: '2' } }, key('missing')), 'validation', 422);
    assert.deepEqual(missing.errors?.map((e) => e.pointer).sort(),
      ['/answers/agencies', '/answers/conduct', '/answers/contacts', '/answers/convenience', '/answers/publication']);
    const noDossier = await expectProblem(await submit({ form: 'default', answers: DEFAULT_ANSWERS }, key('nodossier')), 'validation', 422);
    assert.deepEqual(noDossier.errors, [{ pointer: '/dossierCode', message: 'là bắt buộc với mẫu khảo sát này' }]);
    const unknown = await expectProblem(await submit({ form: 'default', dossierCode: '000.40.21.H56-200101-0001', dossierToken: proof.dossierToken, answers: DEFAULT_ANSWERS }, key('unknown')), 'validation', 422);
    assert.deepEqual(unknown.errors?.map((e) => e.pointer), ['/dossierToken']);
    const empty = await expectProblem(await submit({ form: 'default', ...proof, answers: { ...DEFAULT_ANSWERS, contacts: '' } }, key('empty')), 'validation', 422);
    assert.deepEqual(empty.errors?.map((e) => e.pointer), ['/answers/contacts']);
  });

  test('dossierCode and dossierToken come together or not at all', async () => {
    const proof = await surveyProof(server, dossierWith(10, 'early').code);
    const cases: [unknown, { pointer: string; message: string }[]][] = [
      [{ form: 'default', dossierCode: proof.dossierCode, answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierToken', message: 'là bắt buộc khi có dossierCode' }]],
      [{ form: 'default', dossierToken: proof.dossierToken, answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierCode', message: 'là bắt buộc khi có dossierToken' }]],
      [{ form: 'general', dossierToken: proof.dossierToken, answers: { overall: '2' } },
        [{ pointer: '/dossierCode', message: 'là bắt buộc khi có dossierToken' }]],
      [{ form: 'default', ...proof, dossierToken: 'a'.repeat(129), answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierToken', message: 'không được dài quá 128 ký tự' }]],
      [{ form: 'default', ...proof, dossierToken: `${proof.dossierToken}\u0000`, answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierToken', message: 'không được chứa ký tự điều khiển' }]],
      [{ form: 'default', ...proof, dossierToken: 7, answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierToken', message: 'phải là một chuỗi ký tự' }]],
    ];
    const before = await server.store.countResponses();
    for (const [body, errors] of cases) {
      const problem = await expectProblem(await submit(body, key('pair')), 'validation', 422);
      assert.deepEqual(problem.errors, errors, JSON.stringify(body));
    }
    assert.equal(await server.store.countResponses(), before);
    // The general form may still name a dossier, with its proof.
    assert.equal((await submit({ form: 'general', ...proof, answers: { overall: '2' } }, key('general-proof'))).status, 201);
  });

  test('a wrong token, another dossier\'s token and an unknown code get byte-identical answers and store nothing', async () => {
    const [mine, other] = server.demo.filter((d) => d.status === 10);
    assert.ok(mine && other);
    const proof = await surveyProof(server, mine.code);
    const othersToken = (await surveyProof(server, other.code)).dossierToken;
    assert.notEqual(othersToken, proof.dossierToken);
    const flipped = (proof.dossierToken.startsWith('0') ? '1' : '0') + proof.dossierToken.slice(1);
    const attempts = [
      { dossierCode: mine.code, dossierToken: flipped },
      { dossierCode: mine.code, dossierToken: othersToken },
      { dossierCode: mine.code, dossierToken: 'not-even-hex' },
      { dossierCode: '000.40.21.H56-200101-0001', dossierToken: proof.dossierToken },
    ];
    const before = await server.store.countResponses();
    const answers = await Promise.all(attempts.map(async (attempt) => {
      const response = await submit({ form: 'default', ...attempt, answers: DEFAULT_ANSWERS }, key('forged'));
      return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
    }));
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    assert.equal(answers[0]?.status, 422);
    assert.deepEqual(JSON.parse(answers[0]?.body ?? '').errors, [{ pointer: '/dossierToken', message: 'không khớp với hồ sơ nào đã được tra cứu' }]);
    assert.equal(await server.store.countResponses(), before, 'no forged rating is counted');
    // Lower case is the normal form of a code: the proof still holds when the citizen typed it in lower case.
    assert.equal((await submit({ form: 'default', ...proof, dossierCode: mine.code.toLowerCase(), answers: DEFAULT_ANSWERS }, key('lower'))).status, 201);
  });

  test('criteria 1 and 2 are computed from the dossier dates: early 2, on time 1, overdue 0', async () => {
    for (const [timing, score] of [['early', '2'], ['on-time', '1'], ['overdue', '0']] as const) {
      const dossier = dossierWith(10, timing);
      const response = await submit({ form: 'default', ...(await surveyProof(server, dossier.code)), answers: DEFAULT_ANSWERS }, key(`criteria-${timing}`));
      assert.equal(response.status, 201);
      const receipt = (await response.json()) as SurveyReceipt;
      const stored = (await server.store.listResponses()).find((r) => r.id === receipt.id);
      assert.deepEqual(stored?.computed, { processingTime: score, processingTimePerAgency: score });
      assert.equal(stored?.dossierCode, dossier.code);
      assert.deepEqual(stored?.answers, DEFAULT_ANSWERS);
    }
  });

  test('a replay with the same key returns the first receipt and stores nothing new', async () => {
    const dossier = dossierWith(10, 'on-time');
    const idempotencyKey = key('replay');
    const proof = await surveyProof(server, dossier.code);
    const body = { form: 'default', ...proof, answers: { ...DEFAULT_ANSWERS, comment: 'Cán bộ nhiệt tình.' } };
    const first = await submit(body, idempotencyKey);
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotency-replayed'), null);
    const receipt = (await first.json()) as SurveyReceipt;
    const count = await server.store.countResponses();

    const reordered = { answers: Object.fromEntries(Object.entries(body.answers).reverse()), dossierToken: proof.dossierToken, dossierCode: dossier.code, form: 'default' };
    for (const again of [body, reordered]) {
      const replay = await submit(again, idempotencyKey);
      assert.equal(replay.status, 201);
      assert.equal(replay.headers.get('idempotency-replayed'), 'true');
      assert.deepEqual(await replay.json(), receipt);
    }
    assert.equal(await server.store.countResponses(), count);

    await expectProblem(await submit({ ...body, answers: { ...body.answers, overall: '0' } }, idempotencyKey), 'idempotency-conflict', 409);
    assert.equal(await server.store.countResponses(), count, 'a conflicting body stores nothing');
    const other = await submit(body, key('replay-other'));
    assert.notEqual(((await other.json()) as SurveyReceipt).id, receipt.id, 'another key is another response');
  });

  test('ten simultaneous posts under one key store one response', async () => {
    const before = await server.store.countResponses();
    const idempotencyKey = key('burst');
    const responses = await Promise.all(Array.from({ length: 10 }, () => submit({ form: 'general', answers: { overall: '2', found: 'yes' } }, idempotencyKey)));
    const receipts = await Promise.all(responses.map(async (r) => {
      assert.equal(r.status, 201);
      return ((await r.json()) as SurveyReceipt).id;
    }));
    assert.equal(new Set(receipts).size, 1);
    assert.equal(await server.store.countResponses(), before + 1);
  });

  test('stored responses and their keys survive a restart', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    const idempotencyKey = key('restart');
    const body = { form: 'general', answers: { overall: '2', comment: 'Nhanh gọn' } };
    const receipt = (await (await submit(body, idempotencyKey, first)).json()) as SurveyReceipt;
    await first.stop();
    const second = await startTestServer({ dataDir });
    try {
      assert.ok((await second.store.listResponses()).some((r) => r.id === receipt.id && r.answers.comment === 'Nhanh gọn'));
      const replay = await submit(body, idempotencyKey, second);
      assert.deepEqual(await replay.json(), receipt);
      assert.equal(await second.store.countResponses(), 1);
    } finally {
      await second.stop();
    }
  });

  test('a survey token survives a restart on the same database, and means nothing to another one', async () => {
    const { dataDir, first, dossier: returned, proof } = await returnedOnFreshStore();
    await first.stop();
    const second = await startTestServer({ dataDir });
    try {
      assert.equal((await surveyProof(second, returned.code)).dossierToken, proof.dossierToken, 'the same token after the restart');
      assert.equal((await submit({ form: 'default', ...proof, answers: DEFAULT_ANSWERS }, key('token-restart'), second)).status, 201);
      // Another store has its own secret, so a token is no function of the code alone.
      assert.ok(server.demo.some((d) => d.code === returned.code), 'the other server has this dossier too');
      await expectProblem(await submit({ form: 'default', ...proof, answers: DEFAULT_ANSWERS }, key('token-elsewhere')), 'validation', 422);
    } finally {
      await second.stop();
    }
  });
});

describe('one evaluation per dossier', () => {
  const evaluationsOf = async (target: TestServer, code: string) =>
    (await target.store.listResponses()).filter((r) => r.dossierCode === code && r.form === 'default');
  const receiptOf = async (response: Response) => {
    assert.equal(response.status, 201);
    return (await response.json()) as SurveyReceipt;
  };

  test('a later evaluation of a dossier replaces the earlier one; a replay of the earlier key brings nothing back', async () => {
    const dossier = server.demo.filter((d) => d.status === 10).at(-1);
    assert.ok(dossier);
    const proof = await surveyProof(server, dossier.code);
    const firstBody = { form: 'default', ...proof, answers: { ...DEFAULT_ANSWERS, overall: '2', comment: 'Lần đầu' } };
    const secondBody = { form: 'default', ...proof, answers: { ...DEFAULT_ANSWERS, overall: '0', comment: 'Đổi ý' } };
    const [firstKey, secondKey] = [key('change-1'), key('change-2')];

    const first = await receiptOf(await submit(firstBody, firstKey));
    const count = await server.store.countResponses();
    const secondResponse = await submit(secondBody, secondKey);
    assert.equal(secondResponse.headers.get('idempotency-replayed'), null, 'a new evaluation, not a replay');
    const second = await receiptOf(secondResponse);
    assert.notEqual(second.id, first.id, 'the receipt names the new response');
    assert.equal(await server.store.countResponses(), count, 'replaced, not added');
    const latest = async () => {
      const stored = await evaluationsOf(server, dossier.code);
      assert.deepEqual(stored.map((r) => [r.id, r.answers.overall, r.answers.comment]), [[second.id, '0', 'Đổi ý']], 'one evaluation: the latest');
    };
    await latest();

    // A client retrying its first post (say, after a lost answer) hears its original receipt and changes nothing.
    const replay = await submit(firstBody, firstKey);
    assert.equal(replay.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(await replay.json(), first);
    await expectProblem(await submit(secondBody, firstKey), 'idempotency-conflict', 409);
    const secondReplay = await submit(secondBody, secondKey);
    assert.equal(secondReplay.headers.get('idempotency-replayed'), 'true');
    assert.deepEqual(await secondReplay.json(), second);
    assert.equal(await server.store.countResponses(), count);
    await latest();

    // The general form naming the same dossier is another question, and does not push out the evaluation.
    await receiptOf(await submit({ form: 'general', ...proof, answers: { overall: '1' } }, key('change-general')));
    await latest();
  });

  test('general-form responses without a dossier are all kept', async () => {
    const before = await server.store.countResponses();
    const body = { form: 'general', answers: { overall: '2' } };
    const receipts = [await receiptOf(await submit(body, key('general-a'))), await receiptOf(await submit(body, key('general-b'))), await receiptOf(await submit(body, key('general-c')))];
    assert.equal(new Set(receipts.map((r) => r.id)).size, 3);
    assert.equal(await server.store.countResponses(), before + 3);
    const ids = new Set((await server.store.listResponses()).map((r) => r.id));
    assert.ok(receipts.every((r) => ids.has(r.id)));
  });

  test('the replacement and the replaced key survive a restart', async () => {
    const { dataDir, first, dossier, proof } = await returnedOnFreshStore();
    const bodies = ['2', '1', '0'].map((overall) => ({ form: 'default', ...proof, answers: { ...DEFAULT_ANSWERS, overall } }));
    const keys = bodies.map(() => key('restart-change'));
    const receipts = [await receiptOf(await submit(bodies[0], keys[0] as string, first)), await receiptOf(await submit(bodies[1], keys[1] as string, first))];
    await first.stop();
    const second = await startTestServer({ dataDir });
    try {
      assert.deepEqual((await evaluationsOf(second, dossier.code)).map((r) => r.id), [receipts[1]?.id]);
      const replay = await submit(bodies[0], keys[0] as string, second);
      assert.equal(replay.headers.get('idempotency-replayed'), 'true');
      assert.deepEqual(await replay.json(), receipts[0]);
      assert.deepEqual((await evaluationsOf(second, dossier.code)).map((r) => r.id), [receipts[1]?.id], 'the replay restored nothing');
      const third = await receiptOf(await submit(bodies[2], keys[2] as string, second));
      assert.deepEqual((await evaluationsOf(second, dossier.code)).map((r) => [r.id, r.answers.overall]), [[third.id, '0']]);
      assert.equal(await second.store.countResponses(), 1);
    } finally {
      await second.stop();
    }
  });

  // The same rule in both stores: the memory store backs the API in a browser tab.
  const stores: [string, () => { store: Store; dispose: () => void }][] = [
    ['memory', () => ({ store: createMemoryStore(), dispose: () => {} })],
    ['sqlite', () => {
      const dir = tempDir();
      return { store: openSqliteStore(dir), dispose: () => rmSync(dir, { recursive: true, force: true }) };
    }],
  ];
  for (const [kind, open] of stores) {
    test(`${kind} store: one response per dossier and form, replaced atomically, old keys replay their receipt`, async () => {
      const { store, dispose } = open();
      try {
        let n = 0;
        const response = (form: string, dossierCode: string | null, overall: string): StoredResponse => ({
          id: `id-${n++}`, form, receivedAt: `2026-01-0${n}T08:00:00+07:00`, formVersion: 1, dossierCode, answers: { overall }, computed: {},
        });
        const code = '000.00.06.H56-231027-0361';
        const a = response('default', code, '2');
        const b = response('default', code, '0');
        const general = response('general', code, '1');
        const loose = [response('general', null, '2'), response('general', null, '2')];
        assert.equal((await store.saveResponse('key-a', 'fp-a', a)).outcome, 'created');
        assert.equal((await store.saveResponse('key-general', 'fp-g', general)).outcome, 'created');
        for (const [i, r] of loose.entries()) assert.equal((await store.saveResponse(`key-loose-${i}`, 'fp-l', r)).outcome, 'created');
        assert.deepEqual(await store.saveResponse('key-b', 'fp-b', b), { outcome: 'created', receipt: { id: b.id, form: 'default', receivedAt: b.receivedAt } });
        const ids = async () => (await store.listResponses()).map((r) => r.id).sort();
        const expected = [b.id, general.id, ...loose.map((r) => r.id)].sort();
        assert.deepEqual(await ids(), expected);
        assert.equal(await store.countResponses(), 4);

        assert.deepEqual(await store.saveResponse('key-a', 'fp-a', response('default', code, '1')),
          { outcome: 'replayed', receipt: { id: a.id, form: 'default', receivedAt: a.receivedAt } });
        assert.deepEqual(await store.saveResponse('key-a', 'fp-other', response('default', code, '1')), { outcome: 'conflict' });
        assert.deepEqual(await ids(), expected, 'replaying a replaced key stores nothing and keeps the latest');
        assert.equal((await store.listResponses()).find((r) => r.id === b.id)?.answers.overall, '0');
      } finally {
        await store.close();
        dispose();
      }
    });
  }
});
