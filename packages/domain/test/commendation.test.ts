import { describe, expect, it } from 'vitest';
import {
  type CommendationFact,
  checkInOnTime,
  commendationIndicatorsOf,
  evaluationShowsProgress,
  keptInSchool,
} from '../src/report/commendation';

describe('an evaluation showing progress on the official scale', () => {
  it('counts a result that rose, on either scale', () => {
    expect(evaluationShowsProgress('chua_dat', 'dat')).toBe(true);
    expect(evaluationShowsProgress('kha', 'tot')).toBe(true);
    expect(evaluationShowsProgress('chua_hoan_thanh', 'hoan_thanh')).toBe(true);
    expect(evaluationShowsProgress('hoan_thanh', 'hoan_thanh_tot')).toBe(true);
  });

  it('counts a result kept at or above the target level (Đạt, Hoàn thành)', () => {
    expect(evaluationShowsProgress('dat', 'dat')).toBe(true);
    expect(evaluationShowsProgress('tot', 'tot')).toBe(true);
    expect(evaluationShowsProgress('hoan_thanh', 'hoan_thanh')).toBe(true);
  });

  it('does not count a fall, a stay below the target, mixed scales or unknown levels', () => {
    expect(evaluationShowsProgress('tot', 'kha')).toBe(false);
    expect(evaluationShowsProgress('kha', 'dat')).toBe(false);
    expect(evaluationShowsProgress('chua_dat', 'chua_dat')).toBe(false);
    expect(evaluationShowsProgress('chua_hoan_thanh', 'chua_hoan_thanh')).toBe(false);
    expect(evaluationShowsProgress('hoan_thanh', 'dat')).toBe(false);
    expect(evaluationShowsProgress('chua_hoan_thanh', 'tot')).toBe(false);
    expect(evaluationShowsProgress(null, 'tot')).toBe(false);
    expect(evaluationShowsProgress('dat', null)).toBe(false);
    expect(evaluationShowsProgress('gioi', 'tot')).toBe(false);
  });
});

describe('a check-in on time', () => {
  it('is filed on or before its due day', () => {
    expect(checkInOnTime('2026-11-30', '2026-11-30')).toBe(true);
    expect(checkInOnTime('2026-11-30', '2026-11-02')).toBe(true);
    expect(checkInOnTime('2026-11-30', '2026-12-01')).toBe(false);
    expect(checkInOnTime('2026-11-30', null)).toBe(false);
  });
});

describe('a pupil kept in school', () => {
  it('is one whose case did not close because the pupil dropped out, and who came back', () => {
    expect(keptInSchool({ closureReason: null, notReturned: false })).toBe(true);
    expect(keptInSchool({ closureReason: 'transferred', notReturned: false })).toBe(true);
    expect(keptInSchool({ closureReason: 'dropped_out', notReturned: false })).toBe(false);
    expect(keptInSchool({ closureReason: null, notReturned: true })).toBe(false);
  });
});

describe('the indicators of a school and its teachers', () => {
  it('counts parts of wholes per teacher and once per pupil for the school', () => {
    const facts: CommendationFact[] = [
      {
        kind: 'checkin',
        schoolId: 's1',
        teacherId: 'lan',
        caseId: 'c1',
        dueOn: '2026-10-31',
        filedOn: '2026-10-30',
      },
      {
        kind: 'checkin',
        schoolId: 's1',
        teacherId: 'lan',
        caseId: 'c1',
        dueOn: '2026-11-30',
        filedOn: '2026-12-02',
      },
      {
        kind: 'checkin',
        schoolId: 's1',
        teacherId: 'thuy',
        caseId: 'c2',
        dueOn: '2026-11-30',
        filedOn: null,
      },
      {
        kind: 'evaluation',
        schoolId: 's1',
        teacherId: 'lan',
        caseId: 'c1',
        before: 'chua_dat',
        after: 'dat',
      },
      { kind: 'evaluation', schoolId: 's1', teacherId: 'thuy', caseId: 'c2', before: 'kha', after: 'dat' },
      {
        kind: 'dropout',
        schoolId: 's1',
        teacherIds: ['lan', 'thuy'],
        caseId: 'c1',
        closureReason: null,
        notReturned: false,
      },
      {
        kind: 'dropout',
        schoolId: 's1',
        teacherIds: ['thuy'],
        caseId: 'c2',
        closureReason: 'dropped_out',
        notReturned: false,
      },
      {
        kind: 'dropout',
        schoolId: 's2',
        teacherIds: [],
        caseId: 'c9',
        closureReason: null,
        notReturned: true,
      },
    ];
    const out = commendationIndicatorsOf(facts);
    const s1 = out.get('s1');
    expect(s1?.school).toEqual({
      checkIns: { onTime: 1, due: 3 },
      evaluations: { progress: 1, signedOff: 2 },
      keptInSchool: { kept: 1, atRisk: 2 },
    });
    expect(s1?.teachers.get('lan')).toEqual({
      checkIns: { onTime: 1, due: 2 },
      evaluations: { progress: 1, signedOff: 1 },
      keptInSchool: { kept: 1, atRisk: 1 },
    });
    expect(s1?.teachers.get('thuy')).toEqual({
      checkIns: { onTime: 0, due: 1 },
      evaluations: { progress: 0, signedOff: 1 },
      keptInSchool: { kept: 1, atRisk: 2 },
    });
    expect(out.get('s2')?.school.keptInSchool).toEqual({ kept: 0, atRisk: 1 });
    expect(out.get('s2')?.teachers.size).toBe(0);
  });
});
