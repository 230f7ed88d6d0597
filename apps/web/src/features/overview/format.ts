export { num, pick, vnd } from '../../shared/format';
export { errorMessage } from '../auth/error-text';

const percentFormat = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
export const percent = (part: number, whole: number) => percentFormat.format(whole === 0 ? 0 : part / whole);
