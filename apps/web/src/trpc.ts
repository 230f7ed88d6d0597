import type { AppRouter } from '@donghanh/api';
import { API_LIMITS } from '@donghanh/domain';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();
export const trpcClient = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc', maxItems: API_LIMITS.maxBatchSize })],
});
