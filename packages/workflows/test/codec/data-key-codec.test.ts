import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import {
  codecFromEnv,
  codecKeyId,
  DataKeyCodec,
  KEY_ID_METADATA,
  PayloadSealError,
  payloadsFromJson,
  payloadsToJson,
} from '../../src/codec';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const PLANTED = 'Kèm Toán cho em Ngọc Ánh, nhà khó khăn';
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? new Uint8Array()).toString('utf8');

function plainPayload(value: unknown = { notes: PLANTED }): Payload {
  return defaultPayloadConverter.toPayload(value);
}

async function sealError(p: Promise<unknown>): Promise<PayloadSealError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(PayloadSealError);
  return e as PayloadSealError;
}

describe('DataKeyCodec', () => {
  it('seals a payload whole (data and metadata) and opens it back unchanged', async () => {
    const codec = new DataKeyCodec({ current: keyA });
    const original = plainPayload();
    const [sealed] = await codec.encode([original]);
    if (!sealed) throw new Error('no payload');
    expect(text(sealed.metadata?.encoding)).toBe('binary/encrypted');
    expect(text(sealed.metadata?.[KEY_ID_METADATA])).toBe(codecKeyId(keyA));
    expect(text(sealed.data)).not.toContain('Ngọc Ánh');
    expect(Buffer.from(sealed.data ?? []).includes(Buffer.from('json/plain'))).toBe(false);
    const [opened] = await codec.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened as Payload)).toEqual({ notes: PLANTED });
    expect(text(opened?.metadata?.encoding)).toBe('json/plain');
  });

  it('uses a fresh IV for every payload', async () => {
    const codec = new DataKeyCodec({ current: keyA });
    const [a, b] = await codec.encode([plainPayload(), plainPayload()]);
    expect(Buffer.from(a?.data ?? []).equals(Buffer.from(b?.data ?? []))).toBe(false);
  });

  it('refuses a payload sealed with another key (unknown key id)', async () => {
    const [sealed] = await new DataKeyCodec({ current: keyA }).encode([plainPayload()]);
    const e = await sealError(new DataKeyCodec({ current: keyB }).decode([sealed as Payload]));
    expect(e.reason).toBe('unknown-key');
    expect(e.message).toContain(codecKeyId(keyA));
  });

  it('refuses a payload relabelled with the id of a key it was not sealed with', async () => {
    const [sealed] = await new DataKeyCodec({ current: keyA }).encode([plainPayload()]);
    const relabelled: Payload = {
      ...sealed,
      metadata: { ...sealed?.metadata, [KEY_ID_METADATA]: Buffer.from(codecKeyId(keyB)) },
    };
    const e = await sealError(new DataKeyCodec({ current: keyB, previous: [keyA] }).decode([relabelled]));
    expect(e.reason).toBe('tampered');
  });

  it('refuses a tampered ciphertext', async () => {
    const codec = new DataKeyCodec({ current: keyA });
    const [sealed] = await codec.encode([plainPayload()]);
    const data = Buffer.from(sealed?.data ?? []);
    data[20] = (data[20] ?? 0) ^ 0x01;
    expect((await sealError(codec.decode([{ ...sealed, data }]))).reason).toBe('tampered');
    const truncated = { ...sealed, data: data.subarray(0, 10) };
    expect((await sealError(codec.decode([truncated]))).reason).toBe('malformed');
  });

  it('refuses a payload without a key id', async () => {
    const [sealed] = await new DataKeyCodec({ current: keyA }).encode([plainPayload()]);
    const { [KEY_ID_METADATA]: _, ...metadata } = sealed?.metadata ?? {};
    const e = await sealError(new DataKeyCodec({ current: keyA }).decode([{ ...sealed, metadata }]));
    expect(e.reason).toBe('unknown-key');
  });

  it('after a rotation, seals with the new key and still opens what the old key sealed', async () => {
    const [old] = await new DataKeyCodec({ current: keyA }).encode([plainPayload()]);
    const rotated = new DataKeyCodec({ current: keyB, previous: [keyA] });
    expect(rotated.keyId).toBe(codecKeyId(keyB));
    const [opened] = await rotated.decode([old as Payload]);
    expect(defaultPayloadConverter.fromPayload(opened as Payload)).toEqual({ notes: PLANTED });
    const [fresh] = await rotated.encode([plainPayload()]);
    expect(text(fresh?.metadata?.[KEY_ID_METADATA])).toBe(codecKeyId(keyB));
  });

  it('passes payloads written before the codec through unchanged (old histories still replay)', async () => {
    const plain = plainPayload('trước khi mã hóa');
    expect(await new DataKeyCodec({ current: keyA }).decode([plain])).toEqual([plain]);
  });

  it('round-trips through the remote codec JSON body', async () => {
    const codec = new DataKeyCodec({ current: keyA });
    const sealed = await codec.encode([plainPayload(), plainPayload(null)]);
    const json = JSON.parse(JSON.stringify(payloadsToJson(sealed)));
    const opened = await codec.decode(payloadsFromJson(json));
    expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([{ notes: PLANTED }, null]);
  });
});

describe('codecFromEnv', () => {
  it('refuses to start without DATA_KEY, in both languages', () => {
    expect(() => codecFromEnv({})).toThrow(/Thiếu DATA_KEY.*DATA_KEY is missing/);
    expect(() => codecFromEnv({ DATA_KEY: '  ' })).toThrow(/DATA_KEY is missing/);
  });

  it('refuses a malformed key: wrong length or not base64', () => {
    expect(() => codecFromEnv({ DATA_KEY: randomBytes(16).toString('base64') })).toThrow(/32 bytes/);
    expect(() => codecFromEnv({ DATA_KEY: 'not a key!' })).toThrow(/32 bytes/);
    expect(() => codecFromEnv({ DATA_KEY: keyA, CODEC_PREVIOUS_KEYS: `${keyB},short` })).toThrow(
      /CODEC_PREVIOUS_KEYS\[1\].*32 bytes/,
    );
  });

  it('takes the current key and the retired ones', async () => {
    const codec = codecFromEnv({ DATA_KEY: keyB, CODEC_PREVIOUS_KEYS: ` ${keyA} ,` });
    expect(codec.keyId).toBe(codecKeyId(keyB));
    const [old] = await new DataKeyCodec({ current: keyA }).encode([plainPayload()]);
    expect(await codec.decode([old as Payload])).toHaveLength(1);
  });
});
