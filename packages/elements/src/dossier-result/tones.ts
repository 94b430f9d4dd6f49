import type { TimingClass } from '@dvc-kit/sdk';
import type { Tone } from '../base/icons.ts';

/** The tone of statuses 1 to 10 (domain.md §3), in order. */
const STATUS_TONES: Tone[] = ['info', 'info', 'danger', 'progress', 'warning', 'warning', 'neutral', 'danger', 'success', 'success'];

export function statusTone(code: number): Tone {
  return STATUS_TONES[code - 1] ?? 'info';
}

const TIMING_TONES: Record<TimingClass, Tone> = { early: 'success', 'on-time': 'success', overdue: 'danger', 'on-track': 'progress' };

export function timingTone(timing: TimingClass): Tone {
  return TIMING_TONES[timing] ?? 'info';
}
