import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { DataKeyCodec } from './data-key-codec';

/**
 * The codec every Temporal client and worker of the product uses, from the environment:
 * `DATA_KEY` (required: the same key in every process) and `CODEC_PREVIOUS_KEYS` (optional,
 * comma-separated keys retired by a rotation). A process without a usable key refuses to start:
 * one that wrote plaintext would put children's data back into the history.
 */
export function codecFromEnv(env: NodeJS.ProcessEnv = process.env): DataKeyCodec {
  const current = env.DATA_KEY?.trim();
  if (!current)
    throw new Error(
      'Thiếu DATA_KEY: khóa mã hóa dữ liệu Temporal và hoàn cảnh gia đình (openssl rand -base64 32), giống nhau ở máy chủ và worker / DATA_KEY is missing: the key that seals Temporal payloads and family circumstances (openssl rand -base64 32), the same in the server and the worker',
    );
  const previous = (env.CODEC_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return new DataKeyCodec({ current, previous });
}

/**
 * Moves failure messages and stack traces into an encoded payload (the codec then seals it).
 * A path, not an instance: the worker bundles it into the workflow sandbox, where the workflow's
 * own failures are converted.
 */
export const failureConverterPath = fileURLToPath(new URL('./failure-converter.cjs', import.meta.url));

/**
 * The data converter for `new Client({ dataConverter })` and `Worker.create({ dataConverter })`.
 * Failure `type`s stay plain (the API maps them to codes); messages, stacks and details are sealed,
 * and a client with the codec reads them back.
 */
export function sealedDataConverter(codec: DataKeyCodec): DataConverter {
  return { payloadCodecs: [codec], failureConverterPath };
}
