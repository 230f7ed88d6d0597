import { createRouter } from '../trpc';

export const campaignRouter = createRouter({});
