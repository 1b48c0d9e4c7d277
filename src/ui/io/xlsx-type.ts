/** The MIME type of an .xlsx workbook, for downloads and the file picker's `accept`. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
