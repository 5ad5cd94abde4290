import { parseProduct, type Product, type ProductRecord } from '../domain/product.js';

/**
 * A small catalog of Vietnamese products so that a fresh playground can be browsed at once:
 * three categories, prices as shops in Vietnam would set them, commission from the rule book
 * on most products, a product rate on some, a fixed amount on one, a long name, a product
 * running low, one out of stock and one hidden (visible to admins only). No photos: the
 * playground would fetch them from the internet.
 */
export const DEMO_CATALOG: readonly ProductRecord[] = [
  {
    sku: 'MP-001',
    name: 'Kem chống nắng SPF50+ PA++++ 50ml',
    category: 'Mỹ phẩm',
    price: 289_000,
    description:
      'Chống nắng phổ rộng, thấm nhanh, không nhờn rít. Dùng hằng ngày trước khi ra ngoài.',
  },
  {
    sku: 'MP-002',
    name: 'Sữa rửa mặt trà xanh 150ml',
    category: 'Mỹ phẩm',
    price: 145_000,
    description: 'Làm sạch dịu nhẹ, phù hợp da hỗn hợp.',
  },
  {
    sku: 'MP-003',
    name: 'Serum vitamin C sáng da 30ml',
    category: 'Mỹ phẩm',
    price: 420_000,
    commission_rate: '15',
    description: 'Vitamin C 15%, giúp da đều màu sau 4 tuần.',
  },
  {
    sku: 'MP-004',
    name: 'Combo chăm sóc da mặt cao cấp 3 bước dành cho da dầu mụn',
    category: 'Mỹ phẩm',
    price: 1_250_000,
    stock: 'low',
    description:
      'Gồm sữa rửa mặt, nước cân bằng và kem dưỡng kiềm dầu.\nTặng kèm túi đựng mỹ phẩm.',
  },
  {
    sku: 'TP-001',
    name: 'Viên uống collagen Nhật Bản (90 viên)',
    category: 'Thực phẩm chức năng',
    price: 650_000,
    commission_rate: '12.5',
    description: 'Uống 3 viên mỗi ngày sau bữa sáng. Sản phẩm không phải là thuốc.',
  },
  {
    sku: 'TP-002',
    name: 'Tinh bột nghệ nguyên chất 500g',
    category: 'Thực phẩm chức năng',
    price: 320_000,
    description: 'Nghệ vàng Hưng Yên, đóng hũ thủy tinh.',
  },
  {
    sku: 'TP-003',
    name: 'Viên bổ sung vitamin tổng hợp (60 viên)',
    category: 'Thực phẩm chức năng',
    price: 390_000,
    stock: 'out_of_stock',
    description: 'Hàng về lại vào đầu tháng sau.',
  },
  {
    sku: 'TP-004',
    name: 'Yến sào chưng sẵn hộp 6 lọ',
    category: 'Thực phẩm chức năng',
    price: 540_000,
    description: 'Yến Khánh Hòa chưng đường phèn, lọ 70ml.',
  },
  {
    sku: 'GD-001',
    name: 'Nồi chiên không dầu 6 lít',
    category: 'Đồ gia dụng',
    price: 1_990_000,
    commission_fixed: 150_000,
    description: 'Công suất 1.700W, lòng nồi chống dính, bảo hành 12 tháng.',
  },
  {
    sku: 'GD-002',
    name: 'Bộ 3 chảo chống dính đáy từ',
    category: 'Đồ gia dụng',
    price: 690_000,
    commission_rate: '8',
    description: 'Chảo 20, 24 và 28cm, dùng được trên mọi loại bếp.',
  },
  {
    sku: 'GD-003',
    name: 'Bình giữ nhiệt inox 304 500ml',
    category: 'Đồ gia dụng',
    price: 199_000,
    description: 'Giữ nóng 12 giờ, giữ lạnh 24 giờ.',
  },
  {
    sku: 'GD-004',
    name: 'Máy lọc không khí mini (ngừng bán)',
    category: 'Đồ gia dụng',
    price: 1_490_000,
    active: false,
    description: 'Mẫu cũ, đã ngừng kinh doanh.',
  },
];

/** The demo catalog as products; every record is checked by the same rules as a file. */
export function demoProducts(): Product[] {
  return DEMO_CATALOG.map((record) => {
    const result = parseProduct(record);
    if (!result.ok) throw new Error(`Demo product ${String(record.sku)}: ${result.problems[0]}`);
    return result.product;
  });
}

/** What seeding needs of the catalog service. */
export interface CatalogWriter {
  count(): Promise<number>;
  importProducts(products: Product[], actor: string, at: Date): Promise<{ created: number }>;
}

/**
 * Loads the demo catalog into an empty catalog and returns how many products it created;
 * a catalog that has any product is left alone, so an admin's own catalog is never mixed
 * with demo data.
 */
export async function seedDemoCatalog(catalog: CatalogWriter, actor: string, at: Date) {
  if ((await catalog.count()) > 0) return 0;
  return (await catalog.importProducts(demoProducts(), actor, at)).created;
}
