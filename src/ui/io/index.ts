export { importCsv, type CsvImportResult } from "./csv-import.ts";
export { CSV_COLUMNS, csvTemplate, detectCsvKind, type CsvKind } from "./csv-columns.ts";
export { encodeShareHash, decodeShareHash, shareUrl } from "./share-link.ts";
export { fileNameFor } from "./file-name.ts";
