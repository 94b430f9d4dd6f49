// Survey forms as data and survey responses as the citizen's browser sends them: validation against the form,
// idempotent replays, criteria computed from the dossier, persistence.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChoiceQuestion, SurveyForm, SurveyReceipt } from '@dvc-kit/sdk';
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
    assert.match(comment.help ?? '', /thông tin cá nhân/);
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
    assert.deepEqual(noDossier.errors, [{ pointer: '/dossierCode', message: 'is required for this form' }]);
    const unknown = await expectProblem(await submit({ form: 'default', dossierCode: '000.40.21.H56-200101-0001', dossierToken: proof.dossierToken, answers: DEFAULT_ANSWERS }, key('unknown')), 'validation', 422);
    assert.deepEqual(unknown.errors?.map((e) => e.pointer), ['/dossierToken']);
    const empty = await expectProblem(await submit({ form: 'default', ...proof, answers: { ...DEFAULT_ANSWERS, contacts: '' } }, key('empty')), 'validation', 422);
    assert.deepEqual(empty.errors?.map((e) => e.pointer), ['/answers/contacts']);
  });

  test('dossierCode and dossierToken come together or not at all', async () => {
    const proof = await surveyProof(server, dossierWith(10, 'early').code);
    const cases: [unknown, { pointer: string; message: string }[]][] = [
      [{ form: 'default', dossierCode: proof.dossierCode, answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierToken', message: 'is required with dossierCode' }]],
      [{ form: 'default', dossierToken: proof.dossierToken, answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierCode', message: 'is required with dossierToken' }]],
      [{ form: 'general', dossierToken: proof.dossierToken, answers: { overall: '2' } },
        [{ pointer: '/dossierCode', message: 'is required with dossierToken' }]],
      [{ form: 'default', ...proof, dossierToken: 'a'.repeat(129), answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierToken', message: 'must be at most 128 characters' }]],
      [{ form: 'default', ...proof, dossierToken: `${proof.dossierToken}\u0000`, answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierToken', message: 'must not contain control characters' }]],
      [{ form: 'default', ...proof, dossierToken: 7, answers: DEFAULT_ANSWERS },
        [{ pointer: '/dossierToken', message: 'must be a string' }]],
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
    assert.deepEqual(JSON.parse(answers[0]?.body ?? '').errors, [{ pointer: '/dossierToken', message: 'does not match a looked-up dossier' }]);
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
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    const returned = first.demo.find((d) => d.status === 10);
    assert.ok(returned);
    const proof = await surveyProof(first, returned.code);
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
