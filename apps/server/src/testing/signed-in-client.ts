import type { AppRouter } from '@donghanh/api';
import { createTRPCClient, httpLink } from '@trpc/client';

/** The demo accounts' password (set by the demo loader; see the README). */
export const DEMO_PASSWORD = 'donghanh2026';

/**
 * Signs in over HTTP like a browser would and returns a tRPC client that sends the session
 * cookie: the demo loader, the tests and the benchmarks act as real, signed-in people.
 */
export async function signedInClient(baseUrl: string, username: string, password = DEMO_PASSWORD) {
  const cookie = await signIn(baseUrl, username, password);
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers: { cookie } })] });
}

/** Signs in over HTTP and returns the `dh_session=…` cookie (for a socket.io handshake, say). */
export async function signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('dh_session='))
    ?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in as ${username} failed (HTTP ${res.status})`);
  return cookie;
}
