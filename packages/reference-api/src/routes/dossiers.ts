import type { DossierLookup } from '@dvc-kit/sdk';
import { readJsonBody } from '../body.ts';
import { constantTimeEqual } from '../crypto.ts';
import { toDossier } from '../dossier-view.ts';
import { Checker, isPlainObject } from '../input.ts';
import { ProblemError, validationProblem } from '../problems.ts';
import { normalizeIdNumber } from '../store.ts';
import { enforceLimit, privateJson } from './http.ts';
import type { RouteContext, RouteTable } from './types.ts';

/** `{agency id}-{yyMMdd}-{NNNN}`; agency ids include pre-2025 district codes, so only their alphabet is checked. */
export const DOSSIER_CODE = /^[0-9A-Z][0-9A-Z.]{0,39}-\d{6}-\d{3,6}$/;
/** CCCD (12 digits), CMND (9), passport (letter + digits) or tax code (10, or 13 with a branch suffix). */
const ID_NUMBER = /^[0-9A-Z]{6,20}$/;
const MAX_CAPTCHA_TOKEN = 4096;

const NOT_A_LOOKUP = { vi: 'phải là một đối tượng JSON có code và idNumber', en: 'must be a JSON object with code and idNumber' };

// Compared against when the code is unknown, so both failures cost the same hash and comparison.
const ABSENT_HASH = '0'.repeat(64);

export function parseDossierCode(value: unknown, checker: Checker, pointer: string): string | undefined {
  const code = checker.text(value, pointer, { maxLength: 64 });
  if (code === undefined) return undefined;
  const normalized = code.toUpperCase();
  if (!DOSSIER_CODE.test(normalized)) {
    checker.add(pointer, {
      vi: 'phải có dạng 000.00.06.H56-231027-0361 (mã cơ quan-yyMMdd-số thứ tự)',
      en: 'must look like 000.00.06.H56-231027-0361 (agency-yyMMdd-number)',
    });
    return undefined;
  }
  return normalized;
}

function parseLookup(body: unknown): DossierLookup {
  if (!isPlainObject(body)) throw validationProblem([{ pointer: '', message: NOT_A_LOOKUP }]);
  const checker = new Checker();
  checker.onlyKnown(body, ['code', 'idNumber']);
  const code = parseDossierCode(body.code, checker, '/code');
  const rawId = checker.text(body.idNumber, '/idNumber', { maxLength: 32 });
  let idNumber: string | undefined;
  if (rawId !== undefined) {
    idNumber = normalizeIdNumber(rawId);
    if (!ID_NUMBER.test(idNumber)) {
      checker.add('/idNumber', {
        vi: 'phải là số CCCD (12 chữ số), CMND (9 chữ số), hộ chiếu hoặc mã số thuế',
        en: 'must be a CCCD (12 digits), CMND (9 digits), passport or tax code number',
      });
      idNumber = undefined;
    }
  }
  checker.throwIfAny();
  return { code: code as string, idNumber: idNumber as string };
}

export function dossierRoutes(context: RouteContext): RouteTable {
  const { store, clock, limits } = context;
  return [
    {
      method: 'POST', path: '/v1/dossiers/lookup', handler: async (c) => {
        const now = clock();
        enforceLimit(context.lookupsPerClient.hit(context.clientOf(c), now.getTime()));
        const { code, idNumber } = parseLookup(await readJsonBody(c.req.raw, limits.bodyBytes));

        if (context.captcha) {
          const token = c.req.header('x-captcha-token') ?? null;
          const usable = token !== null && token.length <= MAX_CAPTCHA_TOKEN ? token : null;
          if (!(await context.captcha(usable, c.req.raw))) throw new ProblemError('captcha-required');
        }

        enforceLimit(context.failedLookupsPerCode.blockedFor(code, now.getTime()));
        const dossier = await store.getDossier(code);
        const hash = await store.hashIdNumber(idNumber);
        const matches = constantTimeEqual(hash, dossier?.idHash ?? ABSENT_HASH);
        if (!dossier || !matches) {
          context.failedLookupsPerCode.hit(code, now.getTime());
          throw new ProblemError('dossier-not-found');
        }
        return privateJson(c, toDossier(dossier, c.get('locale'), now, await store.surveyToken(code)));
      },
    },
  ];
}
