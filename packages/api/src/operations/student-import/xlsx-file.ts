import { inflateRawSync } from 'node:zlib';
import { AppError, CLASS_LIST_LIMITS, type PlainCell, type SheetCell } from '@donghanh/domain';
import ExcelJS from 'exceljs';

/**
 * The I/O edge of the class-list import: the bytes of an uploaded file become sheets of plain
 * cells (the domain's `SheetCell`). Everything is checked before exceljs sees the file: the size,
 * the zip container and the unpacked size of every entry (a zip bomb declares small sizes and
 * unpacks to gigabytes, so each entry is really inflated here with a ceiling).
 */

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface SheetGrid extends SheetInfo {
  rows: SheetCell[][];
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Refuses what is not a reasonable .xlsx, before any parser runs. */
export function checkXlsxContainer(bytes: Buffer): void {
  if (bytes.length > CLASS_LIST_LIMITS.maxBytes)
    throw new AppError('CLASS_LIST_TOO_LARGE', { maxBytes: CLASS_LIST_LIMITS.maxBytes });
  // An .xlsx is a zip: local header "PK\x03\x04". An .xls (OLE), a CSV or a PDF is refused here.
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw new AppError('CLASS_LIST_NOT_XLSX');
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new AppError('CLASS_LIST_NOT_XLSX');
  const entries = bytes.readUInt16LE(eocd + 10);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw new AppError('CLASS_LIST_ZIP_BOMB'); // zip64
  if (entries > CLASS_LIST_LIMITS.maxEntries) throw new AppError('CLASS_LIST_ZIP_BOMB');
  let p = cdOffset;
  let declared = 0;
  let hasWorkbook = false;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) throw new AppError('CLASS_LIST_NOT_XLSX');
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    if (size === 0xffffffff || compressed === 0xffffffff) throw new AppError('CLASS_LIST_ZIP_BOMB');
    declared += size;
    if (declared > CLASS_LIST_LIMITS.maxUncompressedBytes) throw new AppError('CLASS_LIST_ZIP_BOMB');
    // The declared size may lie: inflate the entry with the declared size as a hard ceiling.
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== 0x04034b50)
      throw new AppError('CLASS_LIST_NOT_XLSX');
    const dataStart =
      localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    if (method === 8) {
      try {
        const out = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
        if (out.length !== size) throw new AppError('CLASS_LIST_ZIP_BOMB');
      } catch (error) {
        if (error instanceof AppError) throw error;
        // ERR_BUFFER_TOO_LARGE: more came out than declared.
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw new AppError('CLASS_LIST_ZIP_BOMB');
        throw new AppError('CLASS_LIST_NOT_XLSX');
      }
    } else if (method !== 0) throw new AppError('CLASS_LIST_NOT_XLSX');
    else if (compressed !== size) throw new AppError('CLASS_LIST_NOT_XLSX');
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (!hasWorkbook) throw new AppError('CLASS_LIST_NOT_XLSX');
}

type ExcelValue = ExcelJS.CellValue;

function plain(v: ExcelValue): PlainCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.normalize('NFC');
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .normalize('NFC');
    if ('text' in v && typeof v.text === 'string') return v.text.normalize('NFC'); // hyperlink
    if ('error' in v) return null;
  }
  return null;
}

/** A cell's value: formulas give their cached result (never evaluated here). */
function cellOf(v: ExcelValue): SheetCell {
  if (
    v !== null &&
    typeof v === 'object' &&
    !(v instanceof Date) &&
    ('formula' in v || 'sharedFormula' in v)
  ) {
    const result = (v as { result?: ExcelValue }).result;
    return { formula: true, result: result === undefined ? undefined : plain(result as ExcelValue) };
  }
  return plain(v);
}

/** Opens a checked file: every sheet with its visibility and its rows of plain cells. */
export async function readWorkbook(bytes: Buffer): Promise<SheetGrid[]> {
  checkXlsxContainer(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('CLASS_LIST_NOT_XLSX');
  }
  return wb.worksheets.map((ws) => {
    const rows: SheetCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellOf(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    return { name: ws.name, state: (ws.state ?? 'visible') as SheetGrid['state'], rows };
  });
}

/** JSON has no dates: a date cell is kept as `{ d: ISO }`, a formula as `{ f: 1, r: result }`. */
type StoredPlain = string | number | boolean | null | { d: string };
type StoredCell = StoredPlain | { f: 1; r?: StoredPlain };

function storePlain(v: PlainCell): StoredPlain {
  return v instanceof Date ? { d: v.toISOString() } : v;
}
function loadPlain(v: StoredPlain | undefined): PlainCell {
  if (v === undefined) return null;
  return v !== null && typeof v === 'object' ? new Date(v.d) : v;
}

export function storeSheets(
  sheets: readonly SheetGrid[],
): { name: string; state: string; rows: StoredCell[][] }[] {
  return sheets.map((s) => ({
    name: s.name,
    state: s.state,
    rows: s.rows.map((r) =>
      r.map((c): StoredCell => {
        if (c !== null && typeof c === 'object' && !(c instanceof Date))
          return c.result === undefined ? { f: 1 } : { f: 1, r: storePlain(c.result) };
        return storePlain(c);
      }),
    ),
  }));
}

export function loadSheets(stored: unknown): SheetGrid[] {
  return (stored as { name: string; state: SheetGrid['state']; rows: StoredCell[][] }[]).map((s) => ({
    name: s.name,
    state: s.state,
    rows: s.rows.map((r) =>
      r.map((c): SheetCell => {
        if (c !== null && typeof c === 'object' && 'f' in c)
          return { formula: true, result: 'r' in c ? loadPlain(c.r) : undefined };
        return loadPlain(c as StoredPlain);
      }),
    ),
  }));
}
