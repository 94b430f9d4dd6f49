/**
 * Masks an applicant's name for display: the family name (first word) stays, every other word keeps its first
 * letter and hides the rest letter for letter — "Nguyễn Văn An" → "Nguyễn V** A*". Enough for the owner to
 * recognise their dossier, too little to identify a stranger. A one-word name keeps only its first letter.
 */
export function maskName(fullName: string): string {
  const words = fullName.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const hide = (word: string): string => {
    const letters = [...word];
    return (letters[0] ?? '') + '*'.repeat(letters.length - 1);
  };
  if (words.length === 1) return hide(words[0] ?? '');
  const [family = '', ...rest] = words;
  return [family, ...rest.map(hide)].join(' ');
}
