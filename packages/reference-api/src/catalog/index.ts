/**
 * The catalogue of procedures: loading (project JSON format, CSV) and Vietnamese search. Runs in Node and in
 * a browser tab alike (no node: imports): the server reads files, this module parses strings.
 */
export { CatalogError, type CatalogProcedure } from './model.ts';
export { parseCatalogJson } from './json.ts';
export { parseCatalogCsv } from './csv.ts';
export { parseCatalogFile } from './file.ts';
export { decodeCatalogBytes } from './encoding.ts';
export { createCatalogue, type Catalogue, type CatalogueOptions } from './catalogue.ts';
export { SYNONYMS, type Synonym } from './synonyms.ts';
