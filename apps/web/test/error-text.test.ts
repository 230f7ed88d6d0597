import { describe, expect, it } from 'vitest';
import { errorMessage } from '../src/features/auth/error-text';

/** As the server formats a refused screening (see apps/server/test/case-errors.test.ts). */
const notEligible = {
  message: 'Học sinh không đủ điều kiện của cuộc vận động',
  data: {
    appCode: 'NOT_ELIGIBLE',
    messageEn: 'The student does not meet the campaign’s rules',
    details: {
      reason: 'Lớp đã đủ số học sinh thí điểm (3/3)',
      reasons: [
        {
          code: 'class_cap_reached',
          vi: 'Lớp đã đủ số học sinh thí điểm (3/3)',
          en: 'The class has reached its pilot cap (3/3)',
        },
      ],
    },
  },
};

describe('errorMessage', () => {
  it('says why a rule refused, in the screen’s language', () => {
    expect(errorMessage(notEligible, 'vi')).toBe(
      'Học sinh không đủ điều kiện của cuộc vận động: Lớp đã đủ số học sinh thí điểm (3/3)',
    );
    expect(errorMessage(notEligible, 'en')).toBe(
      'The student does not meet the campaign’s rules: The class has reached its pilot cap (3/3)',
    );
  });

  it('keeps the workflow’s reason when there are no bilingual reasons, and the message alone otherwise', () => {
    const rejected = {
      message: 'Thao tác không hợp lệ ở bước hiện tại',
      data: {
        appCode: 'STEP_REJECTED',
        messageEn: 'Not allowed at this step',
        details: { reason: 'Đã sàng lọc' },
      },
    };
    expect(errorMessage(rejected, 'vi')).toBe('Thao tác không hợp lệ ở bước hiện tại: Đã sàng lọc');
    const closed = {
      message: 'Hồ sơ đã kết thúc nên không nhận thêm thao tác',
      data: {
        appCode: 'CASE_CLOSED',
        messageEn: 'The case is closed and takes no further steps',
        details: null,
      },
    };
    expect(errorMessage(closed, 'en')).toBe('The case is closed and takes no further steps');
  });
});
