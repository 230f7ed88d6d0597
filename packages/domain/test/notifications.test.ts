import { describe, expect, it } from 'vitest';
import { type CaseAudienceFacts, identityView, type Viewer } from '../src/identity-rule';
import {
  DEFAULT_NOTIFICATION_PREFS,
  type NotificationFacts,
  nextDigestTime,
  nextMailTime,
  notificationFacts,
  renderMail,
  wantsMail,
} from '../src/notifications';

/** Vietnam is UTC+7 all year: 22:15 there is 15:15Z. */
const vn = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);

describe('quiet hours (default 21:00–06:00, Asia/Ho_Chi_Minh)', () => {
  const prefs = DEFAULT_NOTIFICATION_PREFS;
  it('holds a mail decided in the evening until 06:00 the next morning', () => {
    expect(nextMailTime(vn('2026-12-07', '22:15'), prefs)).toEqual(vn('2026-12-08', '06:00'));
    expect(nextMailTime(vn('2026-12-07', '21:00'), prefs)).toEqual(vn('2026-12-08', '06:00'));
  });
  it('holds a mail decided before dawn until 06:00 the same day', () => {
    expect(nextMailTime(vn('2026-12-08', '05:59'), prefs)).toEqual(vn('2026-12-08', '06:00'));
    expect(nextMailTime(vn('2026-12-08', '00:00'), prefs)).toEqual(vn('2026-12-08', '06:00'));
  });
  it('lets a mail go at once outside quiet hours', () => {
    const at = new Date(vn('2026-12-08', '06:00').getTime() + 12_345);
    expect(nextMailTime(at, prefs)).toBe(at);
    expect(nextMailTime(vn('2026-12-08', '20:59'), prefs)).toEqual(vn('2026-12-08', '20:59'));
  });
  it('has no quiet hours when start equals end, and handles a daytime window', () => {
    const at = vn('2026-12-08', '23:30');
    expect(nextMailTime(at, { ...prefs, quietStart: 0, quietEnd: 0 })).toBe(at);
    expect(
      nextMailTime(vn('2026-12-08', '12:10'), { ...prefs, quietStart: 12 * 60, quietEnd: 13 * 60 }),
    ).toEqual(vn('2026-12-08', '13:00'));
  });
});

describe('the daily digest', () => {
  it('goes at the chosen local hour, the next one strictly after', () => {
    const prefs = { ...DEFAULT_NOTIFICATION_PREFS, digestHour: 7 };
    expect(nextDigestTime(vn('2026-12-08', '06:30'), prefs)).toEqual(vn('2026-12-08', '07:00'));
    expect(nextDigestTime(vn('2026-12-08', '07:00'), prefs)).toEqual(vn('2026-12-09', '07:00'));
    expect(nextDigestTime(vn('2026-12-08', '18:00'), prefs)).toEqual(vn('2026-12-09', '07:00'));
  });
});

describe('preferences', () => {
  it('turns a kind off, or every mail after an unsubscribe', () => {
    expect(wantsMail(DEFAULT_NOTIFICATION_PREFS, 'checkin_reminder')).toBe(true);
    expect(
      wantsMail({ ...DEFAULT_NOTIFICATION_PREFS, mailOff: ['checkin_reminder'] }, 'checkin_reminder'),
    ).toBe(false);
    expect(wantsMail({ ...DEFAULT_NOTIFICATION_PREFS, mailOff: ['checkin_reminder'] }, 'risk_alert')).toBe(
      true,
    );
    expect(wantsMail({ ...DEFAULT_NOTIFICATION_PREFS, unsubscribed: true }, 'risk_alert')).toBe(false);
  });
});

describe('a mail is built from the allow-list', () => {
  const facts: NotificationFacts = {
    caseCode: 'HS26-0007',
    taskType: 'file_checkin',
    dueOn: '2026-12-25',
    schoolName: 'THCS Chiềng Lề',
    period: '2026-12',
  };
  const item = { kind: 'checkin_reminder', facts, link: 'https://app.test/tasks/c1%3Acheckin%3A2026-12' };
  it('says the case code, the task, the due day, the school and a link, in vi and en, text and HTML', () => {
    const vi = renderMail([item], {
      language: 'vi',
      unsubscribeLink: 'https://app.test/unsubscribe?u=x&t=y',
    });
    expect(vi.subject).toBe('[Đồng Hành] Nhắc nộp cập nhật hằng tháng — HS26-0007');
    expect(vi.text).toContain('Hạn: 25/12/2026');
    expect(vi.text).toContain('Trường: THCS Chiềng Lề');
    expect(vi.text).toContain('https://app.test/tasks/c1%3Acheckin%3A2026-12');
    expect(vi.text).toContain('https://app.test/unsubscribe?u=x&t=y');
    expect(vi.html).toContain('href="https://app.test/unsubscribe?u=x&amp;t=y"');
    const en = renderMail([item], { language: 'en', unsubscribeLink: 'https://app.test/u' });
    expect(en.subject).toBe('[Đồng Hành] Reminder: the monthly check-in is due — HS26-0007');
    expect(en.text).toContain('Due: 2026-12-25');
  });
  it('drops whatever else the facts carry, and escapes the HTML', () => {
    const smuggled = {
      ...facts,
      childName: 'Lò Thị Mai',
      notes: 'gia đình khó khăn',
      period: 'Lò Thị Mai',
      schoolName: 'THCS <b>Chiềng Lề</b>',
    } as NotificationFacts;
    expect(Object.keys(notificationFacts(smuggled)).sort()).toEqual([
      'caseCode',
      'dueOn',
      'period',
      'schoolName',
      'taskType',
    ]);
    const m = renderMail([{ ...item, facts: smuggled }], {
      language: 'vi',
      unsubscribeLink: 'https://app.test/u',
    });
    const whole = `${m.subject}${m.text}${m.html}`;
    expect(whole).not.toContain('Lò Thị Mai');
    expect(whole).not.toContain('gia đình khó khăn');
    expect(m.html).toContain('THCS &lt;b&gt;Chiềng Lề&lt;/b&gt;');
  });
  it('holds several items in one digest', () => {
    const m = renderMail([item, { ...item, kind: 'risk_alert' }], {
      language: 'vi',
      unsubscribeLink: 'https://app.test/u',
    });
    expect(m.subject).toBe('[Đồng Hành] 2 việc cần làm hôm nay');
    expect(m.text).toContain('Cảnh báo nguy cơ cao');
  });
});

describe('the identity rule on the e-mail surface', () => {
  it('is masked for everyone who has a relation to the case, none for strangers', () => {
    const facts: CaseAudienceFacts = {
      schoolId: 's1',
      helperUserIds: ['helper'],
      offeredUserIds: ['offered'],
      homeroomId: 'homeroom',
    };
    const viewer = (userId: string, named: string[] = [], masked: string[] = []): Viewer => ({
      userId,
      namedSchoolIds: new Set(named),
      maskedSchoolIds: new Set(masked),
    });
    for (const v of [
      viewer('coord', ['s1']),
      viewer('helper'),
      viewer('homeroom'),
      viewer('offered'),
      viewer('office', [], ['s1']),
    ])
      expect(identityView(v, facts, 'email')).toBe('masked');
    expect(identityView(viewer('stranger'), facts, 'email')).toBe('none');
  });
});
