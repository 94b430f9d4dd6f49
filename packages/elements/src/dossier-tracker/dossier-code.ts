/**
 * What a citizen types from a paper receipt, made comparable: receipts are read aloud, copied from phones and
 * typed on small keyboards, so surrounding spaces, lower case and spaces around the dashes are forgiven.
 */
export function normalizeDossierCode(input: string): string {
  return input.trim().replace(/\s*-\s*/g, '-').toUpperCase();
}

/**
 * `{agency}-{yyMMdd}-{NNNN}` (domain.md §3), loosely: the agency part may be a current provincial code
 * (`000.00.06.H56`) or an old district-style one (`H56.22`, `000.22.30.H56`); the date must look like a date;
 * the daily sequence is 3 to 6 digits. The server has the final word; this only catches typing slips early.
 */
const DOSSIER_CODE = /^[A-Z0-9]+(?:[._][A-Z0-9]+)*-\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-\d{3,6}$/;

export function isPlausibleDossierCode(normalized: string): boolean {
  return DOSSIER_CODE.test(normalized);
}

/** ID numbers are printed in groups ("0792 0300 1234"); spaces are dropped, letters (passports) upper-cased. */
export function normalizeIdNumber(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * CCCD (12 digits), CMND (9), a passport (a letter and 7-8 digits) or a tax code (10 digits, or 10-3 for a
 * branch): loosely, 6 to 20 letters and digits with an optional `-NNN` suffix.
 */
const ID_NUMBER = /^[A-Z0-9]{6,20}(?:-\d{3})?$/;

export function isPlausibleIdNumber(normalized: string): boolean {
  return ID_NUMBER.test(normalized);
}
