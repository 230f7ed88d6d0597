export { dateText, langOf, pick, vnd } from '../../shared/format';
export { errorMessage } from '../auth/error-text';
