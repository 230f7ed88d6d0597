import { createRouter } from '../trpc';

export const adminRouter = createRouter({});
