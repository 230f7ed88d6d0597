/**
 * The Temporal payload codec. Imported by clients, workers and the codec endpoint only — never
 * by workflow code: codecs run outside the workflow sandbox (see workflow-bundle.test.ts).
 */
export type { Payload } from '@temporalio/common';
export { codecFromEnv, sealedDataConverter } from './config';
export {
  CIPHER_METADATA,
  codecKeyId,
  DataKeyCodec,
  type DataKeyCodecOptions,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  PayloadSealError,
} from './data-key-codec';
export {
  payloadsFromJson,
  payloadsToJson,
  type RemoteCodecBody,
  remoteCodecBodySchema,
} from './remote-codec';
