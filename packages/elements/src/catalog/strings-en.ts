import type { CatalogLabels } from './labels.ts';

export const en: CatalogLabels = {
  level: { xa: 'Commune', tinh: 'Province', bo: 'Ministry', khac: 'Other agency' },
  online: { 'toan-trinh': 'Fully online', 'mot-phan': 'Partly online', none: 'Not available online' },
  channel: { direct: 'In person', online: 'Online', postal: 'By public postal service' },
  feeKind: { phi: 'Fee', 'le-phi': 'Charge', khac: 'Other charge' },
  unit: { 'working-day': 'working day', day: 'day', hour: 'hour', month: 'month' },
  plural: 's',
  free: 'Free',
  vnd: 'VND',
};
