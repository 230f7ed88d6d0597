import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL phải là URL postgresql://…' }),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().optional(),
  TEMPORAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WEB_DIST: z.string().optional(),
  /**
   * Origins besides the server's own that may POST to /trpc (comma-separated, e.g.
   * `https://donghanh.example.edu.vn`). A POST with any other `Origin` header gets 403.
   */
  ALLOWED_ORIGINS: z.string().optional(),
  /**
   * Load balancers in front of the server (addresses or CIDR ranges, comma-separated): only their
   * `X-Forwarded-For` names the client. Unset, the socket's peer is the client.
   */
  TRUSTED_PROXIES: z.string().optional(),
  /** `Secure` on the session cookie: `auto` (when the request came over https), `always`, `never`. */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).optional(),
  /** How often open sockets' sessions are checked again (ms); sign-out closes them within this. */
  LIVE_SESSION_CHECK_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  /**
   * 32 bytes, base64 (`openssl rand -base64 32`): seals family circumstances at rest and every
   * Temporal payload (the worker must have the same key). Required: without it the server would
   * write children's data into Temporal history in clear.
   */
  DATA_KEY: z
    .string({ message: 'DATA_KEY là bắt buộc / is required (openssl rand -base64 32)' })
    .trim()
    .refine(
      (k) => Buffer.from(k, 'base64').length === 32 && Buffer.from(k, 'base64').toString('base64') === k,
      {
        message:
          'DATA_KEY phải là 32 byte mã hóa base64 / must be 32 bytes, base64-encoded (openssl rand -base64 32)',
      },
    ),
  /** Keys retired by a rotation (comma-separated): they still open the Temporal payloads they sealed. */
  CODEC_PREVIOUS_KEYS: z.string().optional(),
  /**
   * Origins of the Temporal UI that may call the codec endpoint (/codec/decode, /codec/encode)
   * with an administrator's session (comma-separated, e.g. `http://localhost:8233`).
   */
  CODEC_CORS_ORIGINS: z.string().optional(),
});

/** `ALLOWED_ORIGINS` as a list of normalised origins (scheme://host[:port]); bad entries throw. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      try {
        const origin = new URL(s).origin;
        if (origin === 'null') throw new Error();
        return origin;
      } catch {
        throw new Error(`ALLOWED_ORIGINS: "${s}" không phải origin hợp lệ / is not a valid origin`);
      }
    });
}

export type ServerConfig = z.infer<typeof envSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
