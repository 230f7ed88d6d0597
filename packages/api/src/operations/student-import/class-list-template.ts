import ExcelJS from 'exceljs';

/**
 * The downloadable template: the ministry's layout (title rows, then the header), one example
 * row that shows the expected formats. The id column is text, so Excel keeps its leading zeros.
 */
export async function classListTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách học sinh');
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = 'DANH SÁCH HỌC SINH';
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.mergeCells('A2:G2');
  ws.getCell('A2').value = 'Năm học: ………… — Trường: …………';
  ws.addRow([]);
  const header = ws.addRow([
    'STT',
    'Mã định danh Bộ GD&ĐT',
    'Họ và tên',
    'Ngày sinh',
    'Giới tính',
    'Dân tộc',
    'Lớp',
  ]);
  header.font = { bold: true };
  ws.getColumn(2).numFmt = '@';
  ws.getColumn(4).numFmt = '@';
  ws.addRow([1, '0140123401', 'Lò Văn Ánh', '12/03/2014', 'Nam', 'Thái', '6A']);
  for (const [i, w] of [6, 24, 28, 14, 10, 12, 8].entries()) ws.getColumn(i + 1).width = w;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
