import { registerStrings } from '../../i18n';

// wall: the wall display (issue 14)
const vi = {
  title: 'Bảng theo dõi hồ sơ',
  masked: 'Màn hình treo tường — chỉ hiện mã hồ sơ, lớp và trường, không bao giờ hiện tên học sinh.',
  fullscreen: 'Toàn màn hình',
  more: '+{{count}} hồ sơ nữa',
  classPrefix: 'Lớp',
  noCases: 'Chưa có hồ sơ',
  pairing: 'Đang ghép nối màn hình…',
  notPairedTitle: 'Màn hình chưa được ghép nối',
  notPaired:
    'Điều phối viên (của trường hoặc phòng/sở) tạo màn hình trong mục “Màn hình treo tường” của bảng điều khiển, rồi mở đường dẫn ghép nối trên máy này. Nếu màn hình đã bị thu hồi, hãy tạo màn hình mới.',
  loadError: 'Không tải được bảng',
  updated: 'Cập nhật {{time}}',
};
export type WallStrings = typeof vi;
const en: WallStrings = {
  title: 'Case board',
  masked: 'Wall display — case code, class and school only, never a student’s name.',
  fullscreen: 'Full screen',
  more: '+{{count}} more cases',
  classPrefix: 'Class',
  noCases: 'No cases',
  pairing: 'Pairing this screen…',
  notPairedTitle: 'This screen is not paired',
  notPaired:
    'A coordinator (of the school or the office) creates a display under “Wall displays” in the dashboard, then opens the pairing link on this machine. If the display was revoked, create a new one.',
  loadError: 'Could not load the board',
  updated: 'Updated {{time}}',
};
registerStrings('wall', { vi, en });
