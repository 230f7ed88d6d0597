import type { CorrectableFigure, ReportFigures } from '@donghanh/domain';
import { downloadFile } from '../../shared/download';

/** The figures a table shows, in the report's order, with the correction key when correctable. */
export const FIGURE_ROWS: {
  key: string;
  path: CorrectableFigure | null;
  get: (f: ReportFigures) => number;
  money?: boolean;
}[] = [
  { key: 'helped', path: 'pupils.helped', get: (f) => f.pupils.helped },
  { key: 'newlyHelped', path: 'pupils.newlyHelped', get: (f) => f.pupils.newlyHelped },
  { key: 'closed', path: 'pupils.closed', get: (f) => f.pupils.closed },
  { key: 'helpers', path: 'helpers', get: (f) => f.helpers },
  { key: 'sessions', path: 'help.tutoringSessions', get: (f) => f.help.tutoringSessions },
  { key: 'hours', path: 'help.tutoringHours', get: (f) => f.help.tutoringHours },
  { key: 'money', path: 'help.moneyVnd', get: (f) => f.help.moneyVnd, money: true },
  { key: 'rice', path: 'help.riceKg', get: (f) => f.help.riceKg },
  { key: 'riceValue', path: 'help.riceValueVnd', get: (f) => f.help.riceValueVnd, money: true },
  { key: 'goods', path: 'help.goodsValueVnd', get: (f) => f.help.goodsValueVnd, money: true },
  { key: 'visits', path: 'help.familyVisits', get: (f) => f.help.familyVisits },
  { key: 'evaluations', path: 'evaluations.approved', get: (f) => f.evaluations.approved },
  { key: 'improved', path: 'evaluations.improved', get: (f) => f.evaluations.improved },
  { key: 'prevented', path: 'dropouts.prevented', get: (f) => f.dropouts.prevented },
  { key: 'returnedToSchool', path: 'dropouts.returned', get: (f) => f.dropouts.returned },
];

/** Hands a base64 .xlsx from the server to the browser as a file. */
export function downloadXlsx(base64: string, filename: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  downloadFile(bytes, filename, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
