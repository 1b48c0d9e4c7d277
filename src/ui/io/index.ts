export { importCsv, type CsvImportResult } from "../../formats/csv-import.ts";
export { CSV_COLUMNS, csvTemplate, detectCsvKind, type CsvKind } from "../../formats/csv-columns.ts";
export { encodeShareHash, decodeShareHash, shareUrl } from "./share-link.ts";
export { fileNameFor } from "./file-name.ts";
