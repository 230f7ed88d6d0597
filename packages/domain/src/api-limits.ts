/**
 * What one request to /trpc may carry: the server refuses more with 413 PAYLOAD_TOO_LARGE (an
 * unauthenticated 300 MiB body once took the server to 1.3 GiB), and the dashboard's batching
 * link never sends more calls in one request than the server takes.
 */
export const API_LIMITS = {
  maxBodyBytes: 1024 * 1024,
  maxBatchSize: 16,
} as const;
