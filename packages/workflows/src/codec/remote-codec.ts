import type { Payload } from '@temporalio/common';
import { z } from 'zod';

/**
 * The body of Temporal's remote codec protocol (what the Temporal UI and `temporal --codec-endpoint`
 * POST to `<endpoint>/decode` and `<endpoint>/encode`): payloads in proto3 JSON, bytes in base64.
 */
const base64 = z
  .string()
  .max(8_000_000)
  .regex(/^[A-Za-z0-9+/_-]*={0,2}$/);
export const remoteCodecBodySchema = z.object({
  payloads: z
    .array(
      z.object({
        metadata: z.record(z.string().max(200), base64).optional().nullable(),
        data: base64.optional().nullable(),
      }),
    )
    .max(10_000)
    // proto3 JSON leaves an empty list out: the CLI sends `{}` for a response without payloads.
    .default([]),
});
export type RemoteCodecBody = z.infer<typeof remoteCodecBodySchema>;

export function payloadsFromJson(body: RemoteCodecBody): Payload[] {
  return body.payloads.map((p) => ({
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
    ),
    data: Buffer.from(p.data ?? '', 'base64'),
  }));
}

export function payloadsToJson(payloads: Payload[]): RemoteCodecBody {
  return {
    payloads: payloads.map((p) => ({
      metadata: Object.fromEntries(
        Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
    })),
  };
}
