/**
 * A catalogue file, whichever of the two formats it is in: what the server's `--catalog` reads. The name's
 * extension decides (.json; .csv, .tsv and Excel's "Unicode text" .txt), otherwise the content does.
 */
import { parseCatalogCsv } from './csv.ts';
import { decodeCatalogBytes, RESAVE_AS_UTF8 } from './encoding.ts';
import { parseCatalogJson } from './json.ts';
import { CatalogError, type CatalogProcedure } from './model.ts';

const CSV_EXTENSIONS = /\.(csv|tsv|txt)$/i;

/** Parses a catalogue file's bytes; throws a CatalogError that says what to do. */
export function parseCatalogFile(bytes: Uint8Array, fileName: string): CatalogProcedure[] {
  const text = decodeCatalogBytes(bytes);
  const start = text.trimStart().slice(0, 200).toLowerCase();
  // Several portals' "Export to Excel" write an HTML table under an .xls name.
  if (/^<(!doctype|html|table|\?xml)/.test(start)) {
    throw new CatalogError([`The file is a web page or XML (some portals export an HTML table as .xls), not CSV: open it in Excel and ${RESAVE_AS_UTF8}`]);
  }
  const json = /\.json$/i.test(fileName) || (!CSV_EXTENSIONS.test(fileName) && /^[{[]/.test(start));
  return json ? parseCatalogJson(text) : parseCatalogCsv(text);
}
