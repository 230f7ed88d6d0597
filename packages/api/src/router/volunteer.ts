import { createRouter } from '../trpc';

export const volunteerRouter = createRouter({});
