import { fold } from './text.js';

/**
 * The 34 provinces and centrally-run cities in force since the 2025 reorganisation
 * (Resolution 202/2025/QH15). `code` is what is stored; `aliases` are other names people type.
 */
export interface Province {
  code: string;
  name: string;
  aliases: readonly string[];
}

export const PROVINCES: readonly Province[] = [
  { code: 'HN', name: 'Hà Nội', aliases: ['HN', 'Ha Noi', 'Hanoi'] },
  { code: 'HCM', name: 'TP. Hồ Chí Minh', aliases: ['HCM', 'TPHCM', 'Sài Gòn', 'Saigon', 'SG'] },
  { code: 'HP', name: 'Hải Phòng', aliases: ['HP'] },
  { code: 'DNG', name: 'Đà Nẵng', aliases: ['DN', 'Da Nang'] },
  { code: 'CT', name: 'Cần Thơ', aliases: [] },
  { code: 'HUE', name: 'Huế', aliases: ['Thừa Thiên Huế', 'TT Huế'] },
  { code: 'AG', name: 'An Giang', aliases: [] },
  { code: 'BN', name: 'Bắc Ninh', aliases: [] },
  { code: 'CM', name: 'Cà Mau', aliases: [] },
  { code: 'CB', name: 'Cao Bằng', aliases: [] },
  { code: 'DL', name: 'Đắk Lắk', aliases: ['Dak Lak', 'Daklak'] },
  { code: 'DB', name: 'Điện Biên', aliases: [] },
  { code: 'DNA', name: 'Đồng Nai', aliases: [] },
  { code: 'DT', name: 'Đồng Tháp', aliases: [] },
  { code: 'GL', name: 'Gia Lai', aliases: [] },
  { code: 'HT', name: 'Hà Tĩnh', aliases: [] },
  { code: 'HY', name: 'Hưng Yên', aliases: [] },
  { code: 'KH', name: 'Khánh Hòa', aliases: ['Khánh Hoà', 'Nha Trang'] },
  { code: 'LC', name: 'Lai Châu', aliases: [] },
  { code: 'LD', name: 'Lâm Đồng', aliases: ['Đà Lạt'] },
  { code: 'LS', name: 'Lạng Sơn', aliases: [] },
  { code: 'LCA', name: 'Lào Cai', aliases: [] },
  { code: 'NA', name: 'Nghệ An', aliases: [] },
  { code: 'NB', name: 'Ninh Bình', aliases: [] },
  { code: 'PT', name: 'Phú Thọ', aliases: [] },
  { code: 'QNG', name: 'Quảng Ngãi', aliases: [] },
  { code: 'QN', name: 'Quảng Ninh', aliases: [] },
  { code: 'QT', name: 'Quảng Trị', aliases: [] },
  { code: 'SL', name: 'Sơn La', aliases: [] },
  { code: 'TN', name: 'Tây Ninh', aliases: [] },
  { code: 'TNG', name: 'Thái Nguyên', aliases: [] },
  { code: 'TH', name: 'Thanh Hóa', aliases: ['Thanh Hoá'] },
  { code: 'TQ', name: 'Tuyên Quang', aliases: [] },
  { code: 'VL', name: 'Vĩnh Long', aliases: [] },
];

/**
 * The provinces merged away in 2025, by the code of the province they joined. People keep
 * typing the old names (and old addresses use them), so they find their successor.
 */
// prettier-ignore
export const FORMER_PROVINCES: Readonly<Record<string, readonly string[]>> = {
  HCM: ['Bình Dương', 'Bà Rịa - Vũng Tàu', 'Bà Rịa Vũng Tàu', 'BRVT', 'Vũng Tàu'],
  HP: ['Hải Dương'],
  DNG: ['Quảng Nam'],
  CT: ['Sóc Trăng', 'Hậu Giang'],
  AG: ['Kiên Giang'],
  BN: ['Bắc Giang'],
  CM: ['Bạc Liêu'],
  DL: ['Phú Yên'],
  DNA: ['Bình Phước'],
  DT: ['Tiền Giang'],
  GL: ['Bình Định'],
  HY: ['Thái Bình'],
  KH: ['Ninh Thuận'],
  LD: ['Đắk Nông', 'Dak Nong', 'Bình Thuận'],
  LCA: ['Yên Bái'],
  NB: ['Hà Nam', 'Nam Định'],
  PT: ['Vĩnh Phúc', 'Hòa Bình'],
  QNG: ['Kon Tum', 'Kontum'],
  QT: ['Quảng Bình'],
  TN: ['Long An'],
  TNG: ['Bắc Kạn', 'Bắc Cạn'],
  TQ: ['Hà Giang'],
  VL: ['Bến Tre', 'Trà Vinh'],
};

const byKey = new Map<string, Province>();
for (const province of PROVINCES) {
  const former = FORMER_PROVINCES[province.code] ?? [];
  for (const key of [province.code, province.name, ...province.aliases, ...former]) {
    byKey.set(fold(key).replace(/^(tp\.?|thanh pho|tinh) /, ''), province);
  }
}

/**
 * Finds a province by code, name, alias or former (pre-2025) name, ignoring case, diacritics
 * and a "TP."/"Tỉnh" prefix.
 */
export function findProvince(input: string): Province | undefined {
  const key = fold(input).replace(/^(tp\.? ?|thanh pho |tinh )/, '');
  return byKey.get(key);
}

/** The display name of a stored province code (the code itself if it is unknown). */
export function provinceName(code: unknown): string {
  return PROVINCES.find((province) => province.code === code)?.name ?? String(code ?? '');
}
