import { findProvince, PROVINCES, provinceName } from '../../src/domain/provinces.js';

/** The 29 provinces merged away by Resolution 202/2025/QH15, with the name of their successor. */
const MERGED: [string, string][] = [
  ['Bình Dương', 'TP. Hồ Chí Minh'],
  ['Bà Rịa - Vũng Tàu', 'TP. Hồ Chí Minh'],
  ['Hải Dương', 'Hải Phòng'],
  ['Quảng Nam', 'Đà Nẵng'],
  ['Sóc Trăng', 'Cần Thơ'],
  ['Hậu Giang', 'Cần Thơ'],
  ['Kiên Giang', 'An Giang'],
  ['Bắc Giang', 'Bắc Ninh'],
  ['Bạc Liêu', 'Cà Mau'],
  ['Phú Yên', 'Đắk Lắk'],
  ['Bình Phước', 'Đồng Nai'],
  ['Tiền Giang', 'Đồng Tháp'],
  ['Bình Định', 'Gia Lai'],
  ['Thái Bình', 'Hưng Yên'],
  ['Ninh Thuận', 'Khánh Hòa'],
  ['Đắk Nông', 'Lâm Đồng'],
  ['Bình Thuận', 'Lâm Đồng'],
  ['Yên Bái', 'Lào Cai'],
  ['Hà Nam', 'Ninh Bình'],
  ['Nam Định', 'Ninh Bình'],
  ['Vĩnh Phúc', 'Phú Thọ'],
  ['Hòa Bình', 'Phú Thọ'],
  ['Kon Tum', 'Quảng Ngãi'],
  ['Quảng Bình', 'Quảng Trị'],
  ['Long An', 'Tây Ninh'],
  ['Bắc Kạn', 'Thái Nguyên'],
  ['Hà Giang', 'Tuyên Quang'],
  ['Bến Tre', 'Vĩnh Long'],
  ['Trà Vinh', 'Vĩnh Long'],
];

describe('PROVINCES', () => {
  it('has exactly the 34 provinces and cities in force since 2025', () => {
    expect(PROVINCES).toHaveLength(34);
  });

  it('has unique codes and unique names', () => {
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(34);
  });

  it('with the merged ones accounts for all 63 former provinces', () => {
    const names = new Set([...PROVINCES.map((p) => p.name), ...MERGED.map(([old]) => old)]);
    expect(names.size).toBe(63);
  });
});

describe('findProvince', () => {
  it.each(PROVINCES.map((p) => [p.name, p.code]))('finds %s by its name and code', (name, code) => {
    expect(findProvince(name)?.code).toBe(code);
    expect(findProvince(code)?.code).toBe(code);
    expect(findProvince(name.toUpperCase())?.code).toBe(code);
    expect(findProvince(name.normalize('NFD'))?.code).toBe(code);
  });

  it('finds every alias of every province, and no alias belongs to another province', () => {
    const wrong = PROVINCES.flatMap((p) =>
      p.aliases
        .filter((alias) => findProvince(alias)?.code !== p.code)
        .map((alias) => `${alias} → ${findProvince(alias)?.code} (expected ${p.code})`),
    );
    expect(wrong).toEqual([]);
  });

  it.each([
    ['ha noi', 'HN'],
    ['Thành phố Hà Nội', 'HN'],
    ['TP HCM', 'HCM'],
    ['TP.HCM', 'HCM'],
    ['tp. hồ chí minh', 'HCM'],
    ['Sài Gòn', 'HCM'],
    ['thanh pho ho chi minh', 'HCM'],
    ['Hồ Chí Minh', 'HCM'],
    ['tinh nghe an', 'NA'],
    ['Tỉnh Nghệ An', 'NA'],
    ['  can   tho ', 'CT'],
    ['dak lak', 'DL'],
    ['Thừa Thiên Huế', 'HUE'],
  ])('finds %j as %s', (typed, code) => {
    expect(findProvince(typed)?.code).toBe(code);
  });

  it.each(MERGED)('maps the former province %s to %s', (old, successor) => {
    expect(findProvince(old)?.name).toBe(successor);
    expect(findProvince(`tinh ${old}`)?.name).toBe(successor);
  });

  it('maps typed forms of a former province too', () => {
    expect(findProvince('binh duong')?.code).toBe('HCM');
    expect(findProvince('Vũng Tàu')?.code).toBe('HCM');
    expect(findProvince('BAC CAN')?.code).toBe('TNG');
  });

  it.each(['Atlantis', '', '   ', 'Hà', 'Bangkok', 'tinh'])('refuses %j', (typed) => {
    expect(findProvince(typed)).toBeUndefined();
  });
});

describe('provinceName', () => {
  it('shows the name of a stored code', () => {
    expect(provinceName('HCM')).toBe('TP. Hồ Chí Minh');
  });

  it('falls back to the stored value when the code is unknown', () => {
    expect(provinceName('XX')).toBe('XX');
    expect(provinceName(undefined)).toBe('');
  });
});
