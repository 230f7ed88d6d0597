import { BlockList, isIP } from 'node:net';

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is the IPv4 address 10.0.0.1. */
function normalise(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

export interface TrustedProxies {
  has(address: string): boolean;
  readonly size: number;
}

/**
 * `TRUSTED_PROXIES`: addresses or CIDR ranges (comma-separated) of the load balancers in front of
 * the server. Only their `X-Forwarded-For` is believed; bad entries stop the server at start.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  let size = 0;
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = '', bits] = entry.split('/');
    const family = isIP(normalise(address));
    const prefix = bits === undefined ? null : Number(bits);
    if (
      family === 0 ||
      (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)))
    )
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" không phải địa chỉ IP hay dải CIDR / is not an IP or CIDR`,
      );
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === null) list.addAddress(normalise(address), type);
    else list.addSubnet(normalise(address), prefix, type);
    size++;
  }
  return {
    size,
    has(address: string) {
      const a = normalise(address);
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

/**
 * The address sign-in throttling and sessions see. Behind trusted proxies it is the right-most
 * `X-Forwarded-For` entry they did not add themselves (each proxy appends the peer it saw, so
 * what is further left was written by the client and proves nothing); otherwise the socket's peer.
 */
export function clientAddressOf(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string | null {
  if (!peer) return null;
  let client = normalise(peer);
  if (trusted.size === 0 || !trusted.has(client) || forwardedFor === undefined) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((h) => normalise(h))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    // A malformed entry ends the trusted chain: use the last address a trusted proxy vouched for.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusted.has(hop)) return hop;
  }
  return client;
}
