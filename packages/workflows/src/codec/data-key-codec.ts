import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
// A CommonJS package whose named exports Node's ESM loader cannot see: take the default.
import proto from '@temporalio/proto';

/**
 * Temporal keeps every workflow input, update argument, activity argument and result in its
 * history for as long as the namespace retains it, readable by anyone with the Temporal UI or
 * CLI. This codec seals each payload, whole (data and metadata), with AES-256-GCM under a key
 * derived from the product's data key (`DATA_KEY`, the key that seals family circumstances), so
 * history holds ciphertext only. It runs in the client and in the worker, outside the workflow
 * sandbox: workflow code keeps seeing plain values.
 *
 * Each sealed payload names the key that sealed it (`encryption-key-id`), so the key can be
 * rotated: encode always uses the current key, decode takes any key of the ring.
 */
const PayloadProto = proto.temporal.api.common.v1.Payload;

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const CIPHER_METADATA = 'encryption-cipher';
const CIPHER = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why a payload could not be opened; the codec endpoint turns it into a coded refusal. */
export class PayloadSealError extends Error {
  override readonly name = 'PayloadSealError';
  constructor(
    readonly reason: 'unknown-key' | 'tampered' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

interface RingKey {
  id: string;
  key: Buffer;
}

/**
 * The payload key and its id, both derived from the data key (HKDF-SHA-256 with distinct labels):
 * the same data key never encrypts under two purposes, and the id names the key without
 * revealing it.
 */
function ringKey(dataKeyBase64: string, what: string): RingKey {
  const raw = Buffer.from(dataKeyBase64.trim(), 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== dataKeyBase64.trim())
    throw new Error(
      `${what} phải là 32 byte mã hóa base64 / must be 32 bytes, base64-encoded (openssl rand -base64 32)`,
    );
  const derive = (label: string, bytes: number) =>
    Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), `donghanh/temporal-codec/${label}`, bytes));
  return { id: derive('key-id', 8).toString('hex'), key: derive('aes-256-gcm', 32) };
}

/** The id under which `dataKeyBase64` seals payloads (for logs and the operator's docs). */
export function codecKeyId(dataKeyBase64: string): string {
  return ringKey(dataKeyBase64, 'DATA_KEY').id;
}

export interface DataKeyCodecOptions {
  /** The data key (32 bytes, base64): seals new payloads and opens them. */
  current: string;
  /** Keys retired by a rotation: they still open the payloads they sealed, never seal new ones. */
  previous?: readonly string[];
}

function metadataText(payload: Payload, key: string): string | undefined {
  const v = payload.metadata?.[key];
  return v ? Buffer.from(v).toString('utf8') : undefined;
}

/**
 * The associated data binds the key id and the format version: a payload whose metadata is
 * edited to name another key, or a ciphertext from another purpose of the same key, fails to open.
 */
function associatedData(keyId: string): Buffer {
  return Buffer.from(`donghanh.temporal-payload.v1:${keyId}`, 'utf8');
}

export class DataKeyCodec implements PayloadCodec {
  private readonly current: RingKey;
  private readonly ring: Map<string, RingKey>;

  constructor(o: DataKeyCodecOptions) {
    this.current = ringKey(o.current, 'DATA_KEY');
    this.ring = new Map([[this.current.id, this.current]]);
    for (const [i, k] of (o.previous ?? []).entries()) {
      const old = ringKey(k, `CODEC_PREVIOUS_KEYS[${i}]`);
      if (!this.ring.has(old.id)) this.ring.set(old.id, old);
    }
  }

  get keyId(): string {
    return this.current.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) => this.seal(p));
  }

  /**
   * Opens sealed payloads; a payload that was never sealed passes unchanged, because histories
   * written before the codec (and the recorded replay fixtures) must still replay.
   */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((p) =>
      metadataText(p, METADATA_ENCODING_KEY) === ENCRYPTED_ENCODING ? this.open(p) : p,
    );
  }

  private seal(payload: Payload): Payload {
    const { id, key } = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(associatedData(id));
    const plain = PayloadProto.encode(payload).finish();
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(id),
        [CIPHER_METADATA]: Buffer.from(CIPHER),
      },
      data: Buffer.concat([iv, body, cipher.getAuthTag()]),
    };
  }

  private open(payload: Payload): Payload {
    const keyId = metadataText(payload, KEY_ID_METADATA);
    const ring = keyId ? this.ring.get(keyId) : undefined;
    if (!ring)
      throw new PayloadSealError(
        'unknown-key',
        `Payload sealed with an unknown key id (${keyId ?? 'none'}): is DATA_KEY (or CODEC_PREVIOUS_KEYS) the one that sealed it?`,
      );
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES)
      throw new PayloadSealError('malformed', 'Sealed payload too short');
    const decipher = createDecipheriv('aes-256-gcm', ring.key, data.subarray(0, IV_BYTES));
    decipher.setAAD(associatedData(ring.id));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadSealError('tampered', `Sealed payload fails authentication (key id ${ring.id})`);
    }
    const inner = PayloadProto.decode(plain);
    return { metadata: inner.metadata ?? {}, data: inner.data ?? new Uint8Array() };
  }
}
