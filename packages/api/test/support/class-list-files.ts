import ExcelJS from 'exceljs';

/**
 * Class-list workbooks built by the tests themselves, shaped like the ministry's exports: title
 * rows and merged cells above a two-row header ("Họ và tên" over "Họ đệm | Tên").
 */
export interface PupilLine {
  code: string | number;
  family: string;
  given: string;
  /** dd/mm/yyyy text, an Excel serial, or a Date cell. */
  birth: string | number | Date | null;
  gender: string;
  ethnicity: string;
  className: string;
}

export async function ministryWorkbook(
  pupils: readonly PupilLine[],
  o: { hiddenSheet?: boolean; formulaRow?: boolean; formulaWithoutValue?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DSHS');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = 'SỞ GIÁO DỤC VÀ ĐÀO TẠO SƠN LA';
  ws.mergeCells('A2:H2');
  ws.getCell('A2').value = 'DANH SÁCH HỌC SINH NĂM HỌC 2026-2027';
  ws.addRow([]);
  ws.addRow([
    'STT',
    'Mã định danh Bộ GD&ĐT',
    'Họ và tên',
    null,
    'Ngày sinh',
    'Giới tính',
    'Dân tộc',
    'Lớp',
    'Ghi chú',
  ]);
  ws.addRow([null, null, 'Họ đệm', 'Tên', null, null, null, null, null]);
  ws.mergeCells('A4:A5');
  ws.mergeCells('B4:B5');
  ws.mergeCells('C4:D4');
  ws.mergeCells('E4:E5');
  ws.mergeCells('F4:F5');
  ws.mergeCells('G4:G5');
  ws.mergeCells('H4:H5');
  ws.getColumn(2).numFmt = '@';
  pupils.forEach((p, i) => {
    const row = ws.addRow([
      i + 1,
      p.code,
      p.family,
      p.given,
      p.birth,
      p.gender,
      p.ethnicity,
      p.className,
      '',
    ]);
    if (p.birth instanceof Date) row.getCell(5).numFmt = 'dd/mm/yyyy';
  });
  if (o.formulaRow) {
    const r = ws.addRow([
      pupils.length + 1,
      '0149900001',
      'Lò Văn',
      'Công',
      '01/02/2013',
      'Nam',
      'Thái',
      null,
      '',
    ]);
    r.getCell(8).value = { formula: '"7"&"B"', result: '7B' } as ExcelJS.CellFormulaValue;
  }
  if (o.formulaWithoutValue) {
    const r = ws.addRow([
      pupils.length + 2,
      '0149900002',
      'Lò Văn',
      'Thức',
      '01/02/2013',
      'Nam',
      'Thái',
      null,
      '',
    ]);
    r.getCell(8).value = { formula: 'H6' } as ExcelJS.CellFormulaValue;
  }
  ws.addRow([]);
  ws.addRow([null, `Tổng số: ${pupils.length} học sinh`]);
  if (o.hiddenSheet) {
    const hidden = wb.addWorksheet('Cũ', { state: 'hidden' });
    hidden.addRow(['STT', 'Mã định danh', 'Họ và tên', 'Lớp']);
    hidden.addRow([1, '0140000001', 'Người Cũ', '6A']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** n plausible pupils of grades 6–9 with codes 0150000001…, names varied, dates as text. */
export function manyPupils(n: number): PupilLine[] {
  const families = [
    'Lò Văn',
    'Cầm Thị',
    'Giàng A',
    'Nguyễn Thị',
    'Quàng Văn',
    'Mùa Thị',
    'Đinh Văn',
    'Sùng A',
  ];
  const givens = ['An', 'Bình', 'Chứ', 'Diệu', 'Đông', 'Dợ', 'Hạnh', 'Khải', 'Lử', 'Ưng', 'Mai', 'Hải'];
  return Array.from({ length: n }, (_, i) => {
    const grade = 6 + (i % 4);
    return {
      code: `015${String(i + 1).padStart(7, '0')}`,
      family: families[i % families.length] as string,
      given: givens[(i * 7) % givens.length] as string,
      birth: `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${2026 - grade - 6}`,
      gender: i % 2 ? 'Nữ' : 'Nam',
      ethnicity: 'Thái',
      className: `${grade}${'ABCDEFGHIK'[Math.floor(i / 4) % 10]}`,
    };
  });
}

/** A plain one-sheet workbook from rows of cells. */
export async function simpleWorkbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
