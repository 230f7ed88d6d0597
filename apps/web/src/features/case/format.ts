import dayjs from 'dayjs';

export { dateText, dateTimeText, langOf, num, pick, vnd } from '../../shared/format';
export { errorMessage } from '../auth/error-text';

/** '2026-11' → 'tháng 11/2026' or 'November 2026', through dayjs's locale. */
export const monthText = (month: string) =>
  dayjs(`${month}-01`).format(dayjs.locale() === 'vi' ? 'MMMM/YYYY' : 'MMMM YYYY');
