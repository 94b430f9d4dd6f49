import type { DossierStatusCode, TimingClass } from '@dvc-kit/sdk';
import type { Tone } from '../base/icons.ts';

const STATUS_TONES: Record<DossierStatusCode, Tone> = {
  1: 'info', 2: 'info', 3: 'danger', 4: 'progress', 5: 'warning',
  6: 'warning', 7: 'neutral', 8: 'danger', 9: 'success', 10: 'success',
};

export function statusTone(code: number): Tone {
  return STATUS_TONES[code as DossierStatusCode] ?? 'info';
}

const TIMING_TONES: Record<TimingClass, Tone> = { early: 'success', 'on-time': 'success', overdue: 'danger', 'on-track': 'progress' };

export function timingTone(timing: TimingClass): Tone {
  return TIMING_TONES[timing] ?? 'info';
}
