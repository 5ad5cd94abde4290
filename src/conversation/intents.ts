import type { Intent } from './engine.js';

/**
 * Free-text phrases, matched on folded text (no diacritics, lower case), so "Đăng ký",
 * "dang ky" and "DANG KY" all mean the same. The first match wins.
 */
export const intents: Intent[] = [
  { pattern: /^(huy|huy bo|thoat|cancel|stop)$/, command: 'cancel' },
  { pattern: /\b(dang ky|dang ki|register|sign up)\b/, command: 'start' },
  { pattern: /\b(ho so|thong tin ca nhan|tai khoan cua toi|profile)\b/, command: 'profile' },
  // "liên kết tài khoản", "kết nối Zalo": join a second channel to the same profile.
  { pattern: /\b(lien ket|ket noi (zalo|telegram)|link (my )?accounts?)\b/, command: 'link' },
  { pattern: /^(tieng anh|english)$/, command: 'language', args: 'en' },
  { pattern: /^(tieng viet|vietnamese)$/, command: 'language', args: 'vi' },
  { pattern: /\b(ngon ngu|language)\b/, command: 'language' },
  { pattern: /\b(tro giup|huong dan|giup do|help)\b/, command: 'help' },
  { pattern: /^(menu|bat dau|xin chao|chao|hello|hi|start)\b/, command: 'menu' },
  // Statements: "sao kê tháng 11", "bảng kê hoa hồng", "statement for November" (before
  // earnings, which "hoa hồng" would otherwise reach).
  { pattern: /\b(sao ke|bang ke|statements?)\b/, command: 'statement' },
  // Earnings: "hoa hồng", "thu nhập tháng này", "tôi được bao nhiêu" (before "chờ duyệt"),
  // but not a product search: "tìm nến hoa hồng" is a rose candle.
  {
    pattern:
      /^(?!(tim|search|find|xem san pham|san pham|danh muc)\b).*\b(hoa hong|thu nhap|duoc bao nhieu|bao nhieu tien|earnings?|commissions?)\b/,
    command: 'earnings',
  },
  { pattern: /\b(cho duyet|pending)\b/, command: 'pending' },
  // Catalog: "sản phẩm", "xem danh mục"; "tìm kem chống nắng" searches (not "tìm đơn …").
  { pattern: /^(xem |danh sach )?(san pham|danh muc|products?|catalog)\b/, command: 'products' },
  { pattern: /^(tim kiem|tim|search|find)\s+(?!(don|order)\b)/, command: 'products' },
  // Orders: "lên đơn", "đặt hàng" start one; "đơn hàng của tôi", "xem đơn" list them.
  {
    pattern: /\b(len don|dat hang|dat don|tao don|order this|new order|place an order)\b|^order$/,
    command: 'order',
  },
  { pattern: /\b(don hang|don cua toi|xem don|my orders|orders)\b/, command: 'orders' },
  // Training and broadcasts: "tài liệu", "đào tạo"; "gửi thông báo" (admins only).
  { pattern: /\b(tai lieu|dao tao|training)\b/, command: 'training' },
  { pattern: /\b(gui thong bao|soan thong bao|new broadcast)\b/, command: 'broadcast' },
  { pattern: /^(thong bao da gui|broadcasts)$/, command: 'broadcasts' },
];
