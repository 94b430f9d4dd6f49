/**
 * `foldWithMap` of @dvc-kit/sdk/text with every character's fold remembered. It folds one character at a time
 * (a normalisation, two regular expressions and a lower-casing each), and every search maps a page of names back
 * through it for highlighting; names use a few hundred distinct characters. `test/folding.test.ts` holds it to
 * the SDK's answers.
 */
import { fold, type FoldedText } from '@dvc-kit/sdk/text';

/** Far more than Vietnamese names use; an odd catalogue cannot grow the table without bound. */
const MAX_REMEMBERED = 4096;
const folds = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = folds.get(ch);
  if (folded === undefined) {
    folded = fold(ch);
    if (folds.size < MAX_REMEMBERED) folds.set(ch, folded);
  }
  return folded;
}

export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) map.push(i);
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}
