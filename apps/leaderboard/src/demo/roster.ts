import type { RosterUnit } from '../contract.js';

/**
 * The real roster of the Núi Thành 2023 campaign (plan, section II.1):
 * Nhóm 1 — the specialised departments (cơ quan chuyên môn) of the district People's Committee;
 * Nhóm 2 — Thị trấn Núi Thành and the district's 16 communes (xã).
 * Ids are stable ASCII slugs: they are what an uploaded sheet's "Mã đơn vị" column holds.
 */
export const nuiThanhRoster: RosterUnit[] = [
  { id: 'van-phong-hdnd-ubnd', name: 'Văn phòng HĐND và UBND huyện', group: 'departments' },
  { id: 'phong-noi-vu', name: 'Phòng Nội vụ', group: 'departments' },
  { id: 'phong-tu-phap', name: 'Phòng Tư pháp', group: 'departments' },
  { id: 'phong-tai-chinh-ke-hoach', name: 'Phòng Tài chính - Kế hoạch', group: 'departments' },
  { id: 'phong-tai-nguyen-moi-truong', name: 'Phòng Tài nguyên và Môi trường', group: 'departments' },
  { id: 'phong-lao-dong-tbxh', name: 'Phòng Lao động - Thương binh và Xã hội', group: 'departments' },
  { id: 'phong-van-hoa-thong-tin', name: 'Phòng Văn hóa và Thông tin', group: 'departments' },
  { id: 'phong-giao-duc-dao-tao', name: 'Phòng Giáo dục và Đào tạo', group: 'departments' },
  { id: 'phong-y-te', name: 'Phòng Y tế', group: 'departments' },
  { id: 'phong-nong-nghiep-ptnt', name: 'Phòng Nông nghiệp và Phát triển nông thôn', group: 'departments' },
  { id: 'phong-kinh-te-ha-tang', name: 'Phòng Kinh tế và Hạ tầng', group: 'departments' },
  { id: 'thanh-tra-huyen', name: 'Thanh tra huyện', group: 'departments' },
  { id: 'thi-tran-nui-thanh', name: 'Thị trấn Núi Thành', group: 'communes' },
  { id: 'tam-xuan-1', name: 'Xã Tam Xuân I', group: 'communes' },
  { id: 'tam-xuan-2', name: 'Xã Tam Xuân II', group: 'communes' },
  { id: 'tam-tien', name: 'Xã Tam Tiến', group: 'communes' },
  { id: 'tam-son', name: 'Xã Tam Sơn', group: 'communes' },
  { id: 'tam-thanh', name: 'Xã Tam Thạnh', group: 'communes' },
  { id: 'tam-anh-bac', name: 'Xã Tam Anh Bắc', group: 'communes' },
  { id: 'tam-anh-nam', name: 'Xã Tam Anh Nam', group: 'communes' },
  { id: 'tam-hoa', name: 'Xã Tam Hòa', group: 'communes' },
  { id: 'tam-hiep', name: 'Xã Tam Hiệp', group: 'communes' },
  { id: 'tam-hai', name: 'Xã Tam Hải', group: 'communes' },
  { id: 'tam-giang', name: 'Xã Tam Giang', group: 'communes' },
  { id: 'tam-quang', name: 'Xã Tam Quang', group: 'communes' },
  { id: 'tam-nghia', name: 'Xã Tam Nghĩa', group: 'communes' },
  { id: 'tam-my-tay', name: 'Xã Tam Mỹ Tây', group: 'communes' },
  { id: 'tam-my-dong', name: 'Xã Tam Mỹ Đông', group: 'communes' },
  { id: 'tam-tra', name: 'Xã Tam Trà', group: 'communes' },
];
