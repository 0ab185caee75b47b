/**
 * Reads the first sheet of an .xlsx or .csv file as rows of cells (exceljs). CSV files from
 * Excel/WPS in China are often GB18030, not UTF-8: both are detected. Cells are kept as text
 * where it matters (id numbers must not become floating point).
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Decodes CSV bytes: UTF-8 (with or without BOM) when valid, else GB18030. */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function cellText(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  return cell.text;
}

/** Cells 1..width of a row as values (exceljs rows are 1-based). */
function cellsOf(row: ExcelJS.Row, width: number): (string | number | null)[] {
  const cells: (string | number | null)[] = [];
  for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
  return cells;
}

/**
 * The first sheet (in the workbook's tab order) of an .xlsx file, read as a stream: exceljs's
 * streaming reader parses the XML as it unzips it instead of building the whole workbook
 * model first, which halves the time and memory of a 10,000-row sheet. Rows keep their sheet
 * numbers (a missing row is an empty one), so errors name the row the operator sees.
 */
async function readXlsxRows(path: string): Promise<(string | number | null)[][]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'cache', worksheets: 'emit', entries: 'emit' });
  const byNumber: ExcelJS.Row[] = [];
  let found = false;
  for await (const sheet of reader) {
    const first = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets?.[0]?.name;
    const wanted = !found && (first === undefined || (sheet as unknown as { name?: string }).name === first);
    // Every sheet is read to its end: the reader moves to the next only once this one is consumed.
    for await (const row of sheet) if (wanted) byNumber[row.number - 1] = row;
    if (wanted) found = true;
  }
  const width = byNumber.reduce((w, r) => Math.max(w, r?.cellCount ?? 0), 0);
  return Array.from(byNumber, (row) => (row ? cellsOf(row, width) : new Array<null>(width).fill(null)));
}

/** Rows of the file's first sheet, header row first; trailing empty rows dropped. */
export async function readRows(path: string): Promise<string[][] | (string | number | null)[][]> {
  const ext = extname(path).toLowerCase();
  let rows: (string | number | null)[][];
  if (ext === '.xlsx') {
    rows = await readXlsxRows(path);
  } else if (ext === '.csv') {
    const text = decodeCsv(readFileSync(path));
    const sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { map: (value: unknown) => value } as never);
    rows = [];
    if (sheet) {
      // exceljs computes columnCount by looking at every row: read it once, not once per cell
      // (that made a 10,000-row import take 30 s).
      const columns = sheet.columnCount;
      sheet.eachRow({ includeEmpty: true }, (row) => void rows.push(cellsOf(row, columns)));
    }
  } else {
    throw new Error(`cannot read ${path}: expected a .xlsx or .csv file`);
  }
  while (rows.length && rows.at(-1)!.every((c) => c === null || c === '')) rows.pop();
  return rows;
}
