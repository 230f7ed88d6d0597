/** Strings of the shell (navigation, common words); each screen registers its own. */
const vi = {
  app: 'Đồng Hành',
  nav: {
    board: 'Bảng theo dõi',
    tasks: 'Việc của tôi',
    identify: 'Đề xuất học sinh',
    signOff: 'Ký duyệt',
    coordination: 'Điều phối',
    overview: 'Tổng quan',
    admin: 'Quản trị',
    students: 'Học sinh',
    reports: 'Báo cáo định kỳ',
    // setup (issue 14)
    volunteer: 'Tình nguyện giúp đỡ',
    // wall: the wall display (issue 14)
    displays: 'Màn hình treo tường',
  },
  language: 'Ngôn ngữ',
  signOut: 'Đăng xuất',
  loading: 'Đang tải…',
  notFound: 'Không tìm thấy trang',
  notAllowed: 'Bạn không có quyền xem trang này',
  retry: 'Thử lại',
  save: 'Lưu',
  cancel: 'Hủy',
  close: 'Đóng',
  empty: 'Chưa có dữ liệu',
  serverDown: 'Không kết nối được máy chủ',
  roles: {
    TEACHER: 'Giáo viên',
    HOMEROOM_TEACHER: 'Giáo viên chủ nhiệm',
    SCHOOL_COORDINATOR: 'Điều phối viên trường',
    PRINCIPAL: 'Hiệu trưởng',
    OFFICE_COORDINATOR: 'Chuyên viên phòng/sở',
    ADMIN: 'Quản trị hệ thống',
  },
  // a11y: names screen readers read for the shell's landmarks and controls
  a11y: { menu: 'Menu chính', openMenu: 'Mở menu', closeMenu: 'Đóng menu' },
};
type Shape = typeof vi;
const en: Shape = {
  app: 'Đồng Hành',
  nav: {
    board: 'Case board',
    tasks: 'My tasks',
    identify: 'Propose a student',
    signOff: 'Sign-off',
    coordination: 'Coordination',
    overview: 'Overview',
    admin: 'Administration',
    students: 'Pupils',
    reports: 'Periodic reports',
    // setup (issue 14)
    volunteer: 'Volunteering',
    // wall: the wall display (issue 14)
    displays: 'Wall displays',
  },
  language: 'Language',
  signOut: 'Sign out',
  loading: 'Loading…',
  notFound: 'Page not found',
  notAllowed: 'You may not see this page',
  retry: 'Retry',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  empty: 'Nothing yet',
  serverDown: 'Cannot reach the server',
  roles: {
    TEACHER: 'Teacher',
    HOMEROOM_TEACHER: 'Homeroom teacher',
    SCHOOL_COORDINATOR: 'School coordinator',
    PRINCIPAL: 'Principal',
    OFFICE_COORDINATOR: 'Office coordinator',
    ADMIN: 'Administrator',
  },
  a11y: { menu: 'Main menu', openMenu: 'Open the menu', closeMenu: 'Close the menu' },
};
export const coreStrings = { vi, en };
