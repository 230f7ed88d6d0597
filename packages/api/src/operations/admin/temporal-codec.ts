import type { Db } from '@donghanh/db';
import { AppError } from '@donghanh/domain';
import { type DataKeyCodec, type Payload, PayloadSealError } from '@donghanh/workflows/codec';
import type { SessionUser } from '../../context';

export interface TemporalCodecRequest {
  op: 'decode' | 'encode';
  payloads: Payload[];
  /** The namespace the Temporal UI or CLI names (`X-Namespace`), kept in the audit row. */
  namespace: string;
  user: SessionUser | null;
  clientAddress: string | null;
}

/**
 * The operator's way into sealed Temporal history (the codec endpoint the Temporal UI and CLI
 * call): only a signed-in administrator whose password is not a temporary one, and every call
 * leaves an audit row — written before any plaintext leaves, so there is no read without a trace.
 * A signed-in non-admin's attempt is audited too; an anonymous one has no actor to record.
 */
export async function runTemporalCodec(
  db: Db,
  codec: DataKeyCodec,
  r: TemporalCodecRequest,
): Promise<Payload[]> {
  if (!r.user) throw new AppError('UNAUTHENTICATED');
  const row = {
    actorId: r.user.id,
    subjectType: 'temporal.namespace',
    subjectId: r.namespace.slice(0, 200),
    reason: `${r.payloads.length} payloads`,
    ip: r.clientAddress,
  };
  const isAdmin = r.user.roles.some((role) => role.role === 'ADMIN');
  const account = isAdmin
    ? await db.user.findUnique({ where: { id: r.user.id }, select: { mustChangePassword: true } })
    : null;
  if (!account || account.mustChangePassword) {
    await db.auditLog.create({ data: { ...row, action: `temporal.${r.op}.refused` } });
    throw new AppError(account?.mustChangePassword ? 'PASSWORD_CHANGE_REQUIRED' : 'FORBIDDEN');
  }
  // Nothing to open, nothing to record: the CLI asks with an empty list for every event.
  if (r.payloads.length === 0) return [];
  await db.auditLog.create({ data: { ...row, action: `temporal.${r.op}` } });
  try {
    return r.op === 'decode' ? await codec.decode(r.payloads) : await codec.encode(r.payloads);
  } catch (e) {
    if (e instanceof PayloadSealError) throw new AppError('PAYLOAD_UNREADABLE', { reason: e.reason });
    throw e;
  }
}
