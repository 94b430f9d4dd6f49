/**
 * How close a free-text answer is to its limit. Screen readers hear the counter only when this changes (not on
 * every key): when a fifth of the room is left, when it is full, and when it overflows.
 */
export type CounterLevel = 'ok' | 'low' | 'full' | 'over';

export function counterLevel(length: number, max: number): CounterLevel {
  const left = max - length;
  if (left < 0) return 'over';
  if (left === 0) return 'full';
  return left <= Math.max(10, Math.ceil(max * 0.2)) ? 'low' : 'ok';
}
