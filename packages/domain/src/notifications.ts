/**
 * Notifications: which events reach whom, what a mail may say, and when it may leave.
 *
 * A mail leaves our servers for mailboxes we do not control, so `identityView(…, 'email')` is
 * `masked` for everyone, and the mail is built here from an allow-list of facts — the case code,
 * the kind of task, its due day, the school, a link that needs signing in — never from the case
 * record. A field added to the record later cannot reach a mail until someone adds it here.
 */

/** The socket frame telling a person's open dashboards their bell's unread count. */
export const LIVE_NOTIFICATION = 'notification' as const;
export interface LiveNotification {
  unread: number;
}

/** Every kind of notification: a task opened for the person, or a timer's step about a task. */
export const NOTIFICATION_KINDS = [
  'respond_offer',
  'write_plan',
  'review_plan',
  'file_checkin',
  'checkin_reminder',
  'follow_up_overdue',
  'risk_alert',
  'draft_evaluation',
  'review_evaluation',
  'signoff_evaluation',
  'approve_closure',
  'accept_transfer',
  'assign_helper',
  'confirm_return',
  'record_child_consent',
  'screening',
  // h13: the warning before an offer lapses, and report rounds' deadlines
  'offer_lapsing',
  'report_opened',
  'report_reminder',
  'report_overdue',
  'report_submitted',
  'report_returned',
  'report_accepted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const isNotificationKind = (k: string): k is NotificationKind =>
  (NOTIFICATION_KINDS as readonly string[]).includes(k);

export const NOTIFICATION_LANGUAGES = ['vi', 'en'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

/** What a notification carries — and all a mail may say. Codes, a day, the school's name. */
export interface NotificationFacts {
  /** The case's code; null for a notification about a school's report round. */
  caseCode: string | null;
  /** The task's kind, e.g. 'file_checkin' (the notification's kind may be 'checkin_reminder'). */
  taskType: string;
  /** The calendar day it is due, 'YYYY-MM-DD', when it has one. */
  dueOn: string | null;
  schoolName: string;
  /** A school month or a term code ('2026-12', '2026-2027-HK1'), when the task has one. */
  period: string | null;
  /** The number of the report round it is about (report-round notifications only). */
  reportRound?: number | null | undefined;
}

/** Whether a notification is about a school's report round rather than a case's task. */
export const isReportNotificationKind = (kind: string): boolean => kind.startsWith('report_');

/** Builds the facts from named fields only: anything else a caller passes is dropped. */
export function notificationFacts(f: NotificationFacts): NotificationFacts {
  const code = (v: string | null) => (v !== null && /^[0-9A-Za-z-]{1,40}$/.test(v) ? v : null);
  return {
    caseCode: code(f.caseCode),
    taskType: f.taskType,
    dueOn: f.dueOn !== null && /^\d{4}-\d{2}-\d{2}$/.test(f.dueOn) ? f.dueOn : null,
    schoolName: f.schoolName,
    period: code(f.period),
    ...(typeof f.reportRound === 'number' && Number.isInteger(f.reportRound) && f.reportRound > 0
      ? { reportRound: f.reportRound }
      : {}),
  };
}

const KIND_TEXT: Record<NotificationKind, { vi: string; en: string }> = {
  respond_offer: { vi: 'Lời mời giúp đỡ một học sinh', en: 'An invitation to help a pupil' },
  write_plan: { vi: 'Lập kế hoạch giúp đỡ', en: 'Write the help plan' },
  review_plan: { vi: 'Duyệt kế hoạch giúp đỡ', en: 'Review a help plan' },
  file_checkin: { vi: 'Đã mở kỳ cập nhật hằng tháng', en: 'The monthly check-in is open' },
  checkin_reminder: { vi: 'Nhắc nộp cập nhật hằng tháng', en: 'Reminder: the monthly check-in is due' },
  follow_up_overdue: { vi: 'Cập nhật hằng tháng bị trễ hạn', en: 'A monthly check-in is overdue' },
  risk_alert: { vi: 'Cảnh báo nguy cơ cao', en: 'High-risk alert' },
  draft_evaluation: { vi: 'Viết đánh giá học kỳ', en: 'Write the term evaluation' },
  review_evaluation: { vi: 'Xem xét đánh giá học kỳ', en: 'Review a term evaluation' },
  signoff_evaluation: { vi: 'Phê duyệt đánh giá học kỳ', en: 'Sign off a term evaluation' },
  approve_closure: { vi: 'Quyết định kết thúc hồ sơ', en: 'Decide a closure' },
  accept_transfer: { vi: 'Tiếp nhận hồ sơ chuyển trường', en: 'Answer a transfer' },
  assign_helper: { vi: 'Phân công giáo viên giúp đỡ', en: 'Assign a helper' },
  confirm_return: { vi: 'Xác nhận học sinh trở lại sau hè', en: 'Confirm the return after summer' },
  record_child_consent: { vi: 'Ghi nhận sự đồng ý của học sinh', en: "Record the pupil's consent" },
  screening: { vi: 'Sàng lọc hồ sơ mới', en: 'Screen a new case' },
  offer_lapsing: {
    vi: 'Lời mời giúp đỡ sắp hết hạn trả lời',
    en: 'An invitation to help expires soon',
  },
  report_opened: { vi: 'Đã mở kỳ báo cáo của trường', en: "The school's report round is open" },
  report_reminder: { vi: 'Nhắc nộp báo cáo của trường', en: "Reminder: the school's report is due" },
  report_overdue: { vi: 'Báo cáo của trường bị trễ hạn', en: "The school's report is overdue" },
  report_submitted: { vi: 'Trường đã gửi báo cáo', en: 'A school sent its report' },
  report_returned: { vi: 'Báo cáo bị trả lại để sửa', en: 'The report was returned for changes' },
  report_accepted: { vi: 'Báo cáo đã được tiếp nhận', en: 'The report was accepted' },
};

export function notificationTitle(kind: string, lang: NotificationLanguage): string {
  return isNotificationKind(kind) ? KIND_TEXT[kind][lang] : kind;
}

/** A person's mail choices, with the defaults a person without a saved row gets. */
export interface NotificationPrefs {
  mailOff: string[];
  /** Minutes after local midnight; equal start and end: no quiet hours. */
  quietStart: number;
  quietEnd: number;
  timeZone: string;
  language: NotificationLanguage;
  /** Local hour of the daily digest, or null for single mails. */
  digestHour: number | null;
  unsubscribed: boolean;
}

export const DEFAULT_NOTIFICATION_PREFS: NotificationPrefs = {
  mailOff: [],
  quietStart: 21 * 60,
  quietEnd: 6 * 60,
  timeZone: 'Asia/Ho_Chi_Minh',
  language: 'vi',
  digestHour: null,
  unsubscribed: false,
};

/** Whether this kind goes out by e-mail at all for this person. */
export function wantsMail(prefs: NotificationPrefs, kind: string): boolean {
  return !prefs.unsubscribed && !prefs.mailOff.includes(kind);
}

/** Minutes after local midnight in the zone, and the local calendar day. */
function localClock(at: Date, timeZone: string): { minutes: number; day: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return {
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
    day: `${get('year')}-${get('month')}-${get('day')}`,
  };
}

/**
 * The earliest instant at or after `at` outside the person's quiet hours (to the minute): a mail
 * decided at 22:15 with quiet hours 21:00–06:00 waits until 06:00.
 */
export function nextMailTime(
  at: Date,
  prefs: Pick<NotificationPrefs, 'quietStart' | 'quietEnd' | 'timeZone'>,
): Date {
  const { quietStart: s, quietEnd: e } = prefs;
  if (s === e) return at;
  const { minutes } = localClock(at, prefs.timeZone);
  const quiet = s < e ? minutes >= s && minutes < e : minutes >= s || minutes < e;
  if (!quiet) return at;
  const wait = (e - minutes + 24 * 60) % (24 * 60);
  const start = new Date(at.getTime() - (at.getTime() % 60_000));
  return new Date(start.getTime() + wait * 60_000);
}

/** The next digest instant strictly after `at`: the person's chosen local hour. */
export function nextDigestTime(at: Date, prefs: Pick<NotificationPrefs, 'digestHour' | 'timeZone'>): Date {
  const hour = prefs.digestHour ?? 7;
  const { minutes } = localClock(at, prefs.timeZone);
  let wait = hour * 60 - minutes;
  if (wait <= 0) wait += 24 * 60;
  const start = new Date(at.getTime() - (at.getTime() % 60_000));
  return new Date(start.getTime() + wait * 60_000);
}

/** The local day of an instant for a person (one digest per person per day). */
export const localDay = (at: Date, timeZone: string): string => localClock(at, timeZone).day;

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const formatDay = (iso: string, lang: NotificationLanguage) => {
  const [y, m, d] = iso.split('-');
  return lang === 'vi' ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
};

const T = {
  vi: {
    brand: 'Đồng Hành',
    case: 'Hồ sơ',
    school: 'Trường',
    due: 'Hạn',
    period: 'Kỳ',
    round: 'Đợt báo cáo',
    open: 'Mở nhiệm vụ (cần đăng nhập)',
    why: 'Bạn nhận thư này vì có việc cần làm trong Đồng Hành. Thư không chứa tên học sinh.',
    unsubscribe: 'Ngừng nhận thư',
    digest: (n: number) => `${n} việc cần làm hôm nay`,
  },
  en: {
    brand: 'Đồng Hành',
    case: 'Case',
    school: 'School',
    due: 'Due',
    period: 'Period',
    round: 'Report round',
    open: 'Open the task (sign-in required)',
    why: 'You receive this mail because a task waits for you in Đồng Hành. It never names a pupil.',
    unsubscribe: 'Unsubscribe',
    digest: (n: number) => `${n} task(s) waiting today`,
  },
} as const;

export interface MailItem {
  kind: string;
  facts: NotificationFacts;
  /** The task's page in the dashboard (needs signing in). */
  link: string;
}

/**
 * The mail for one or more items (a digest holds several). `identityView(…, 'email')` is
 * `masked` for every viewer, so the content has no place for a name: only `NotificationFacts`.
 */
export function renderMail(
  items: MailItem[],
  o: { language: NotificationLanguage; unsubscribeLink: string },
): MailContent {
  const t = T[o.language];
  const lines = (i: MailItem) => {
    const f = notificationFacts(i.facts);
    return [
      notificationTitle(i.kind, o.language),
      ...(f.caseCode ? [`${t.case}: ${f.caseCode}`] : []),
      ...(f.reportRound ? [`${t.round}: ${f.reportRound}`] : []),
      `${t.school}: ${f.schoolName}`,
      ...(f.period ? [`${t.period}: ${f.period}`] : []),
      ...(f.dueOn ? [`${t.due}: ${formatDay(f.dueOn, o.language)}`] : []),
    ];
  };
  const first = items[0];
  if (!first) throw new Error('A mail needs at least one item');
  const subject =
    items.length === 1
      ? `[${t.brand}] ${notificationTitle(first.kind, o.language)} — ${notificationFacts(first.facts).caseCode ?? notificationFacts(first.facts).schoolName}`
      : `[${t.brand}] ${t.digest(items.length)}`;
  const text = [
    ...items.flatMap((i) => [...lines(i), `${t.open}: ${i.link}`, '']),
    t.why,
    `${t.unsubscribe}: ${o.unsubscribeLink}`,
    '',
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${o.language}"><body style="font-family:sans-serif">`,
    ...items.map((i) => {
      const [title, ...rest] = lines(i);
      return `<h3>${escapeHtml(title ?? '')}</h3><p>${rest.map(escapeHtml).join('<br>')}</p><p><a href="${escapeHtml(i.link)}">${escapeHtml(t.open)}</a></p>`;
    }),
    `<hr><p style="color:#666;font-size:12px">${escapeHtml(t.why)}<br><a href="${escapeHtml(o.unsubscribeLink)}">${escapeHtml(t.unsubscribe)}</a></p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
