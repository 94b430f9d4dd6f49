// Survey forms as data and survey responses as the citizen's browser sends them: validation against the form,
// idempotent replays, criteria computed from the dossier, persistence.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChoiceQuestion, SurveyForm, SurveyReceipt } from '@dvc-kit/sdk';
import { DEFAULT_ANSWERS, expectProblem, postJson, startTestServer, tempDir, type TestServer } from './support.ts';

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
  test('required questions, valid options and a known dossier are enforced', async () => {
    const returned = dossierWith(10, 'early');
    const missing = await expectProblem(await submit({ form: 'default', dossierCode: returned.code, answers: { overall: '2' } }, key('missing')), 'validation', 422);
    assert.deepEqual(missing.errors?.map((e) => e.pointer).sort(),
      ['/answers/agencies', '/answers/conduct', '/answers/contacts', '/answers/convenience', '/answers/publication']);
    const noDossier = await expectProblem(await submit({ form: 'default', answers: DEFAULT_ANSWERS }, key('nodossier')), 'validation', 422);
    assert.deepEqual(noDossier.errors?.map((e) => e.pointer), ['/dossierCode']);
    const unknown = await expectProblem(await submit({ form: 'default', dossierCode: '000.40.21.H56-200101-0001', answers: DEFAULT_ANSWERS }, key('unknown')), 'validation', 422);
    assert.deepEqual(unknown.errors?.map((e) => e.pointer), ['/dossierCode']);
    const empty = await expectProblem(await submit({ form: 'default', dossierCode: returned.code, answers: { ...DEFAULT_ANSWERS, contacts: '' } }, key('empty')), 'validation', 422);
    assert.deepEqual(empty.errors?.map((e) => e.pointer), ['/answers/contacts']);
  });

  test('criteria 1 and 2 are computed from the dossier dates: early 2, on time 1, overdue 0', async () => {
    for (const [timing, score] of [['early', '2'], ['on-time', '1'], ['overdue', '0']] as const) {
      const dossier = dossierWith(10, timing);
      const response = await submit({ form: 'default', dossierCode: dossier.code, answers: DEFAULT_ANSWERS }, key(`criteria-${timing}`));
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
    const body = { form: 'default', dossierCode: dossier.code, answers: { ...DEFAULT_ANSWERS, comment: 'Cán bộ nhiệt tình.' } };
    const first = await submit(body, idempotencyKey);
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotency-replayed'), null);
    const receipt = (await first.json()) as SurveyReceipt;
    const count = await server.store.countResponses();

    const reordered = { answers: Object.fromEntries(Object.entries(body.answers).reverse()), dossierCode: dossier.code, form: 'default' };
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
});
