import type { TimingClass } from '@dvc-kit/sdk';
import type { AlertTone, Tone } from '../base/icons.ts';
import { PROGRESS, SUCCESS } from '../form/icons.ts';

/** The tone of statuses 1 to 10 (domain.md §3), in order. */
const STATUS_TONES: Tone[] = ['info', 'info', 'danger', 'progress', 'warning', 'warning', 'neutral', 'danger', 'success', 'success'];

export function statusTone(code: number): Tone {
  return STATUS_TONES[code - 1] ?? 'info';
}

const TIMING_TONES: Record<TimingClass, Tone> = { early: 'success', 'on-time': 'success', overdue: 'danger', 'on-track': 'progress' };

export function timingTone(timing: TimingClass): Tone {
  return TIMING_TONES[timing] ?? 'info';
}

/** What `icon()` draws for a tone: a message box's tones by name, the others by their path. */
const OUTCOME_PATHS: Partial<Record<Tone, string>> = {
  progress: PROGRESS,
  success: SUCCESS,
  neutral: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm5 11H7v-2h10v2z',
};

export function toneIcon(tone: Tone): AlertTone | string {
  return OUTCOME_PATHS[tone] ?? (tone as AlertTone);
}
