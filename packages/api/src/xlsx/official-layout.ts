// The office's layout for an .xlsx (thể thức văn bản hành chính, Nghị định 30/2020/NĐ-CP): the
// issuing body and the unit top left, the national motto top right, number and place-date, the
// title, the tables, a signature block, on A4. One module builds it for every export: a school's
// report, an office's roll-up, the monthly figures per teacher.
import ExcelJS from 'exceljs';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập – Tự do – Hạnh phúc';

export interface OfficialColumn {
  header: string;
  width: number;
  /** Excel number format for numbers ('#,##0', '#,##0.0'); text when absent. */
  numFmt?: string;
}

export type Cell = string | number | null;

export interface OfficialTable {
  heading?: string;
  columns: OfficialColumn[];
  rows: Cell[][];
  /** A bold last row (totals). */
  total?: Cell[];
}

export interface OfficialDocument {
  /** The body above the issuing unit (e.g. the office over a school), upper case on the sheet. */
  parentName: string | null;
  unitName: string;
  /** "Số: 12/BC-THCSCL". */
  number: string;
  place: string;
  /** 'YYYY-MM-DD' (the calendar's today). */
  date: string;
  title: string;
  subtitle?: string;
  tables: OfficialTable[];
  /** Free paragraphs after the tables (the school's remarks on its own copy). */
  paragraphs?: { heading: string; text: string }[];
  signature: { title: string; note: string; name?: string | null };
  recipients?: string[];
  landscape?: boolean;
  sheetName?: string;
}

/** Dates on the sheet: "ngày 05 tháng 12 năm 2026". */
export function longViDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** A cell Excel would run as a formula is written as text. */
function safe(v: Cell): Cell {
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = 'Times New Roman';

export async function buildOfficialWorkbook(doc: OfficialDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đồng Hành';
  const ws = wb.addWorksheet(doc.sheetName ?? 'Báo cáo', {
    pageSetup: {
      paperSize: 9, // A4
      orientation: doc.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
  });
  const width = Math.max(4, ...doc.tables.map((t) => t.columns.length));
  const widths = new Array<number>(width).fill(14);
  for (const t of doc.tables)
    t.columns.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.width);
    });
  ws.columns = widths.map((w) => ({ width: w }));
  const half = Math.max(2, Math.floor(width / 2));
  const put = (
    row: number,
    from: number,
    to: number,
    value: Cell,
    font: Partial<ExcelJS.Font> = {},
    align: Partial<ExcelJS.Alignment> = { horizontal: 'center' },
  ) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = safe(value);
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { vertical: 'middle', wrapText: true, ...align };
  };

  // Header: issuing body and unit | national name and motto; number | place and date.
  put(1, 1, half, (doc.parentName ?? '').toUpperCase());
  put(1, half + 1, width, NATIONAL_NAME, { bold: true });
  put(2, 1, half, doc.unitName.toUpperCase(), { bold: true });
  put(2, half + 1, width, NATIONAL_MOTTO, { bold: true, underline: true });
  put(3, 1, half, doc.number);
  put(3, half + 1, width, `${doc.place}, ${longViDate(doc.date)}`, { italic: true });
  put(5, 1, width, doc.title.toUpperCase(), { bold: true, size: 14 });
  let r = 6;
  if (doc.subtitle) put(r++, 1, width, doc.subtitle, { italic: true });
  r += 1;

  for (const t of doc.tables) {
    if (t.heading) put(r++, 1, width, t.heading, { bold: true }, { horizontal: 'left' });
    t.columns.forEach((c, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = c.header;
      cell.font = { name: FONT, size: 12, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    r += 1;
    const rows = t.total ? [...t.rows, t.total] : t.rows;
    rows.forEach((values, k) => {
      const bold = t.total !== undefined && k === rows.length - 1;
      t.columns.forEach((c, i) => {
        const cell = ws.getCell(r, i + 1);
        const v = values[i] ?? null;
        cell.value = safe(v);
        cell.font = { name: FONT, size: 12, bold };
        cell.border = BORDER;
        cell.alignment = {
          vertical: 'middle',
          wrapText: true,
          horizontal: typeof v === 'number' ? 'right' : 'left',
        };
        if (typeof v === 'number' && c.numFmt) cell.numFmt = c.numFmt;
      });
      r += 1;
    });
    r += 1;
  }
  for (const p of doc.paragraphs ?? []) {
    put(r++, 1, width, p.heading, { bold: true }, { horizontal: 'left' });
    put(r, 1, width, p.text, {}, { horizontal: 'left', vertical: 'top' });
    ws.getRow(r).height = Math.min(300, 18 * Math.ceil(p.text.length / 90 + 1));
    r += 2;
  }

  // Recipients bottom left, signature bottom right.
  const sig = r;
  put(sig, half + 1, width, doc.signature.title.toUpperCase(), { bold: true });
  put(sig + 1, half + 1, width, doc.signature.note, { italic: true });
  if (doc.signature.name) put(sig + 5, half + 1, width, doc.signature.name, { bold: true });
  if (doc.recipients?.length) {
    put(sig, 1, half, 'Nơi nhận:', { bold: true, italic: true, size: 11 }, { horizontal: 'left' });
    doc.recipients.forEach((x, i) => {
      put(sig + 1 + i, 1, half, `- ${x};`, { size: 11 }, { horizontal: 'left' });
    });
  }
  ws.pageSetup.printArea = `A1:${ws.getColumn(width).letter}${sig + 6}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
