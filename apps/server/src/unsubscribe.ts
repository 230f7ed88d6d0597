import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '@donghanh/db';
import { verifyUnsubscribeToken } from '@donghanh/workflows/notify';

export const UNSUBSCRIBE_PATH = '/unsubscribe';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Đồng Hành</title><body>${body}</body></html>`,
  );
};

/**
 * The unsubscribe link of every mail (issue 13): works without signing in, for the one person
 * whose signed token it carries. A GET only asks (mail scanners follow links); the POST — the
 * page's button, or a mail client's one-click `List-Unsubscribe-Post` — turns every mail off.
 * The bell keeps working; mails come back from the preferences screen.
 */
export function createUnsubscribeEndpoint(o: { db: Db; secret: string }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://x');
    const userId = url.searchParams.get('u') ?? '';
    const token = url.searchParams.get('t') ?? '';
    if (
      !userId ||
      !token ||
      userId.length > 80 ||
      token.length > 80 ||
      !verifyUnsubscribeToken(o.secret, userId, token)
    ) {
      page(res, 400, '<p>Liên kết không hợp lệ. / This link is not valid.</p>');
      return;
    }
    if (req.method === 'POST') {
      req.resume();
      await o.db.notificationPreference.upsert({
        where: { userId },
        create: { userId, unsubscribed: true },
        update: { unsubscribed: true },
      });
      page(
        res,
        200,
        '<p>Bạn sẽ không nhận thư từ Đồng Hành nữa. Thông báo vẫn hiện trong chuông khi đăng nhập.</p><p>You will receive no more mail from Đồng Hành. Notifications still show in the bell when you sign in.</p>',
      );
      return;
    }
    const action = `${UNSUBSCRIBE_PATH}?u=${encodeURIComponent(userId)}&t=${encodeURIComponent(token)}`;
    page(
      res,
      200,
      `<p>Ngừng nhận mọi thư thông báo từ Đồng Hành? / Stop every notification mail from Đồng Hành?</p><form method="post" action="${esc(action)}"><button type="submit">Ngừng nhận thư / Unsubscribe</button></form>`,
    );
  };
}
