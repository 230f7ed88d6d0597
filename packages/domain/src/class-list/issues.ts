/**
 * What the class-list preview says about one row: an `error` keeps the row out of the import, a
 * `warning` imports it and tells the school what to look at. Vietnamese first, English beside.
 */
export const CLASS_LIST_ISSUES = {
  MOET_CODE_MISSING: { level: 'error', vi: 'Thiếu mã định danh', en: 'The ministry id is missing' },
  MOET_CODE_INVALID: {
    level: 'error',
    vi: 'Mã định danh phải gồm 6–20 chữ số',
    en: 'The ministry id must be 6–20 digits',
  },
  MOET_CODE_NUMERIC: {
    level: 'warning',
    vi: 'Ô mã định danh là số, không phải chữ: có thể đã mất số 0 ở đầu',
    en: 'The id cell is a number, not text: leading zeros may have been lost',
  },
  DUPLICATE_IN_FILE: {
    level: 'error',
    vi: 'Mã định danh trùng với một dòng phía trên trong tệp',
    en: 'The id repeats a row above in the file',
  },
  CODE_AT_OTHER_SCHOOL: {
    level: 'error',
    vi: 'Mã định danh đã thuộc học sinh của trường khác (hãy chuyển trường trên hồ sơ)',
    en: 'The id belongs to a pupil of another school (transfer the case instead)',
  },
  CODE_KNOWN_OTHER_NAME: {
    level: 'warning',
    vi: 'Mã định danh đã có với họ tên khác: họ tên sẽ được sửa theo tệp',
    en: 'The id is known under another name: the name will be updated from the file',
  },
  NAME_MISSING: { level: 'error', vi: 'Thiếu họ tên', en: 'The name is missing' },
  NAME_INVALID: {
    level: 'error',
    vi: 'Họ tên chỉ gồm chữ cái (2–120 ký tự)',
    en: 'The name must be letters only (2–120 characters)',
  },
  BIRTH_DATE_MISSING: { level: 'warning', vi: 'Thiếu ngày sinh', en: 'The birth date is missing' },
  BIRTH_DATE_UNREADABLE: {
    level: 'error',
    vi: 'Không đọc được ngày sinh (cần dạng dd/mm/yyyy)',
    en: 'The birth date cannot be read (expected dd/mm/yyyy)',
  },
  AGE_IMPLAUSIBLE: {
    level: 'error',
    vi: 'Ngày sinh không hợp lý với tuổi học sinh của năm học',
    en: 'The birth date does not fit a pupil of this school year',
  },
  GENDER_UNKNOWN: {
    level: 'warning',
    vi: 'Không hiểu giới tính (Nam/Nữ): bỏ trống',
    en: 'Gender not understood (Nam/Nữ): left empty',
  },
  ETHNICITY_INVALID: {
    level: 'warning',
    vi: 'Dân tộc không hợp lệ hoặc quá dài: bỏ trống',
    en: 'Ethnicity invalid or too long: left empty',
  },
  CLASS_MISSING: { level: 'error', vi: 'Thiếu lớp', en: 'The class is missing' },
  CLASS_GRADE_UNKNOWN: {
    level: 'error',
    vi: 'Tên lớp phải bắt đầu bằng khối (1–12), ví dụ 6A',
    en: 'The class name must start with its grade (1–12), e.g. 6A',
  },
  CLASS_NEW: {
    level: 'warning',
    vi: 'Lớp chưa có trong năm học: sẽ được tạo',
    en: 'The class does not exist this school year: it will be created',
  },
  FORMULA_VALUE_USED: {
    level: 'warning',
    vi: 'Ô là công thức: dùng giá trị đã tính',
    en: 'A cell is a formula: its computed value is used',
  },
  FORMULA_NO_VALUE: {
    level: 'error',
    vi: 'Ô là công thức chưa có giá trị (hãy mở và lưu lại tệp bằng Excel)',
    en: 'A formula cell has no computed value (open and save the file in Excel)',
  },
  ARCHIVED_RETURNS: {
    level: 'warning',
    vi: 'Học sinh đã lưu trữ (đã rời trường) sẽ được khôi phục',
    en: 'An archived pupil (who had left) will be restored',
  },
} as const satisfies Record<string, { level: 'error' | 'warning'; vi: string; en: string }>;

export type ClassListIssueCode = keyof typeof CLASS_LIST_ISSUES;

/** Hard limits of an uploaded class list: the upload is refused as a whole past them. */
export const CLASS_LIST_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxRows: 5000,
  /** Sum of the zip entries' uncompressed sizes: a real 5,000-row list is a few MB. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
  /** How far down the header row may be (title rows above it). */
  headerScanRows: 30,
} as const;
