export { errorMessage } from '../auth/error-text';
