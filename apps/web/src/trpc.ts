import type { AppRouter } from '@donghanh/api';
// The limits alone: the domain's index brings zod and every schema into the sign-in page.
import { API_LIMITS } from '@donghanh/domain/api-limits';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { OFFLINE_READS } from './offline/names';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    // The reads kept for offline use go alone, so the service worker finds each by its URL.
    splitLink({
      condition: (op) => op.type === 'query' && OFFLINE_READS.includes(op.path),
      true: httpLink({ url: '/trpc' }),
      false: httpBatchLink({ url: '/trpc', maxItems: API_LIMITS.maxBatchSize }),
    }),
  ],
});
