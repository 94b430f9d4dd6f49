// The small rules behind the API, one by one: timing against the appointment, working days, names, languages,
// rate windows.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SupplementRequest } from '@dvc-kit/sdk';
import { demoDossiers } from '../src/demo-dossiers.ts';
import { negotiateLocale } from '../src/locale.ts';
import { maskName } from '../src/mask.ts';
import { createRateLimiter } from '../src/rate-limit.ts';
import type { DossierRecord } from '../src/store.ts';
import { addWorkingDays, toVnIso, vnDay, workingDaysBetween } from '../src/time.ts';
import { timingOf } from '../src/timing.ts';

const at = (iso: string) => new Date(iso);

function dossier(overrides: Partial<DossierRecord>): DossierRecord {
  return {
    code: '000.40.21.H56-260302-0001', procedure: { code: '1.004222', name: 'Đăng ký thường trú' }, applicantMasked: 'Lê V** A*',
    agency: 'Công an phường Nam Thành', status: 4, receivedAt: '2026-03-02T09:00:00+07:00', appointmentAt: '2026-03-11T16:30:00+07:00',
    finishedAt: null, returnedAt: null, history: [], supplements: [], ...overrides,
  };
}

function supplement(requestedAt: string, fulfilledAt: string | null, newAppointmentAt: string | null = null): SupplementRequest {
  return { requestedAt, content: 'Bổ sung giấy tờ', items: ['Giấy tờ'], dueAt: null, newAppointmentAt, fulfilledAt };
}

describe('timing', () => {
  test('finished before, on, or after the appointment day (Vietnam time)', () => {
    assert.equal(timingOf(dossier({ status: 10, finishedAt: '2026-03-10T15:00:00+07:00' }), at('2026-04-01T00:00:00Z')), 'early');
    assert.equal(timingOf(dossier({ status: 10, finishedAt: '2026-03-11T23:59:00+07:00' }), at('2026-04-01T00:00:00Z')), 'on-time');
    assert.equal(timingOf(dossier({ status: 9, finishedAt: '2026-03-12T00:01:00+07:00' }), at('2026-04-01T00:00:00Z')), 'overdue');
    // 16:59 UTC on the 11th is already the 12th in Vietnam.
    assert.equal(timingOf(dossier({ status: 9, finishedAt: '2026-03-11T17:01:00Z' }), at('2026-04-01T00:00:00Z')), 'overdue');
  });

  test('still being handled: on track until the appointment day has passed', () => {
    assert.equal(timingOf(dossier({}), at('2026-03-11T16:00:00Z')), 'on-track');
    assert.equal(timingOf(dossier({}), at('2026-03-11T17:30:00Z')), 'overdue');
  });

  test('no timing for dossiers not received, refused, withdrawn or stopped', () => {
    for (const status of [1, 3, 7, 8] as const) assert.equal(timingOf(dossier({ status }), at('2026-05-01T00:00:00Z')), null);
    assert.equal(timingOf(dossier({ appointmentAt: null }), at('2026-05-01T00:00:00Z')), null);
  });

  test('working days waiting for supplements do not count; a new appointment replaces the old one', () => {
    // Requested Tue 3rd, supplied Fri 6th: 3 working days paused, so the deadline moves from Wed 11th to Mon 16th.
    const paused = [supplement('2026-03-03T09:30:00+07:00', '2026-03-06T09:00:00+07:00')];
    assert.equal(timingOf(dossier({ status: 10, finishedAt: '2026-03-16T10:00:00+07:00', supplements: paused }), at('2026-04-01T00:00:00Z')), 'on-time');
    assert.equal(timingOf(dossier({ status: 10, finishedAt: '2026-03-13T10:00:00+07:00', supplements: paused }), at('2026-04-01T00:00:00Z')), 'early');
    assert.equal(timingOf(dossier({ status: 10, finishedAt: '2026-03-17T10:00:00+07:00', supplements: paused }), at('2026-04-01T00:00:00Z')), 'overdue');
    const rescheduled = [supplement('2026-03-03T09:30:00+07:00', '2026-03-06T09:00:00+07:00', '2026-03-17T16:30:00+07:00')];
    assert.equal(timingOf(dossier({ status: 10, appointmentAt: '2026-03-17T16:30:00+07:00', finishedAt: '2026-03-17T10:00:00+07:00', supplements: rescheduled }), at('2026-04-01T00:00:00Z')), 'on-time');
  });

  test('an open supplement request keeps the clock stopped', () => {
    const open = [supplement('2026-03-09T09:30:00+07:00', null)];
    assert.equal(timingOf(dossier({ status: 5, supplements: open }), at('2026-03-30T03:00:00Z')), 'on-track');
    assert.equal(timingOf(dossier({ status: 5, supplements: [] }), at('2026-03-30T03:00:00Z')), 'overdue');
  });
});

describe('working days', () => {
  test('weekends are skipped both ways, and counted in Vietnam time', () => {
    const friday = Date.parse('2026-03-06T10:00:00+07:00');
    assert.equal(toVnIso(addWorkingDays(friday, 1)), '2026-03-09T10:00:00+07:00');
    assert.equal(toVnIso(addWorkingDays(friday, -5)), '2026-02-27T10:00:00+07:00');
    assert.equal(workingDaysBetween(friday, Date.parse('2026-03-09T08:00:00+07:00')), 1);
    assert.equal(workingDaysBetween(friday, friday), 0);
    assert.equal(vnDay(Date.parse('2026-03-06T17:30:00Z')), vnDay(Date.parse('2026-03-07T08:00:00+07:00')));
  });
});

describe('names and languages', () => {
  test('masking keeps the family name and first letters only', () => {
    assert.equal(maskName('Nguyễn Văn An'), 'Nguyễn V** A*');
    assert.equal(maskName('Trần Thị Thu Hương'), 'Trần T** T** H****');
    assert.equal(maskName('Lý'), 'L*');
    assert.equal(maskName(''), '');
    // Decomposed input (NFD, as some keyboards send it) masks the same as composed.
    assert.equal(maskName('Nguyễn Văn An'.normalize('NFD')), 'Nguyễn V** A*');
  });

  test('Accept-Language: English only when preferred over Vietnamese', () => {
    assert.equal(negotiateLocale(null), 'vi');
    assert.equal(negotiateLocale('en-US,en;q=0.9'), 'en');
    assert.equal(negotiateLocale('vi-VN,vi;q=0.9,en;q=0.8'), 'vi');
    assert.equal(negotiateLocale('fr-FR, en;q=0.5'), 'en');
    assert.equal(negotiateLocale('en;q=0.3, vi;q=0.7'), 'vi');
    assert.equal(negotiateLocale('en;q=0'), 'vi');
    assert.equal(negotiateLocale('de, fr'), 'vi');
  });
});

describe('rate windows', () => {
  test('a sliding window refuses beyond the limit and tells how long to wait', () => {
    const limiter = createRateLimiter(3, 60_000);
    const t0 = 1_000_000;
    assert.equal(limiter.hit('a', t0), 0);
    assert.equal(limiter.hit('a', t0 + 10_000), 0);
    assert.equal(limiter.hit('a', t0 + 20_000), 0);
    assert.equal(limiter.hit('a', t0 + 30_000), 30);
    assert.equal(limiter.hit('b', t0 + 30_000), 0, 'keys are independent');
    assert.equal(limiter.blockedFor('a', t0 + 59_000), 1);
    assert.equal(limiter.hit('a', t0 + 60_001), 0, 'the oldest hit left the window');
  });
});

describe('demo dossiers on any first-start day', () => {
  test('every scenario keeps its timing, its past and its order, whatever the weekday and hour', () => {
    const monday = Date.parse('2026-03-02T00:00:00+07:00');
    for (let day = 0; day < 7; day++) {
      for (const hour of [0.5, 12, 23.5]) {
        const anchor = new Date(monday + day * 86_400_000 + hour * 3_600_000);
        const dossiers = demoDossiers(anchor);
        assert.equal(new Set(dossiers.map((d) => d.code)).size, dossiers.length);
        for (const demo of dossiers) {
          const label = `${demo.code} (${demo.scenario}) first started ${anchor.toISOString()}`;
          assert.equal(timingOf({ ...demo, applicantMasked: '' }, anchor), demo.expectedTiming, label);
          const times = demo.history.map((entry) => Date.parse(entry.at));
          assert.ok(times.every((time) => time < anchor.getTime()), `${label}: history is in the past`);
          assert.deepEqual(times, [...times].sort((a, b) => b - a), `${label}: newest first`);
          if (demo.receivedAt && demo.appointmentAt) assert.ok(demo.receivedAt < demo.appointmentAt, label);
          if (demo.finishedAt && demo.returnedAt) assert.ok(demo.finishedAt <= demo.returnedAt, label);
        }
      }
    }
  });
});
