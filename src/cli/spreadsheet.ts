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

/** Rows of the file's first sheet, header row first; trailing empty rows dropped. */
export async function readRows(path: string): Promise<string[][] | (string | number | null)[][]> {
  const wb = new ExcelJS.Workbook();
  const ext = extname(path).toLowerCase();
  let sheet: ExcelJS.Worksheet;
  if (ext === '.xlsx') {
    await wb.xlsx.readFile(path);
    sheet = wb.worksheets[0]!;
  } else if (ext === '.csv') {
    const text = decodeCsv(readFileSync(path));
    sheet = await wb.csv.read(Readable.from([text]), { map: (value: unknown) => value } as never);
  } else {
    throw new Error(`cannot read ${path}: expected a .xlsx or .csv file`);
  }
  if (!sheet) return [];
  const rows: (string | number | null)[][] = [];
  // exceljs computes columnCount by looking at every row: read it once, not once per cell
  // (that made a 10,000-row import take 30 s).
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: (string | number | null)[] = [];
    for (let c = 1; c <= columns; c++) cells.push(cellText(row.getCell(c)));
    rows.push(cells);
  });
  while (rows.length && rows.at(-1)!.every((c) => c === null || c === '')) rows.pop();
  return rows;
}
