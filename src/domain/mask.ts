/**
 * Masking of victims' personal data for group messages and non-privileged readers
 * (DESIGN.md "Privacy"): 张*, 138****1111, address cut to the building.
 */

/**
 * Keeps the surname: 张三 → 张*, 欧阳娜娜 → 欧阳**; two-character compound surnames are kept
 * only when the name has four characters.
 * @example maskName('张三丰') // '张**'
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}

/**
 * Keeps the first three and last four digits of a mobile number, the area code and last
 * two digits of a landline.
 * @example maskPhone('13812341111') // '138****1111'
 */
export function maskPhone(phone: string): string {
  const p = phone.replace(/[\s-]/g, '');
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)}****${p.slice(7)}`;
  const landline = /^(010|02\d|0[3-9]\d{2})(\d{5,6})(\d{2})$/.exec(p);
  if (landline) return `${landline[1]}-${'*'.repeat(landline[2]!.length)}${landline[3]}`;
  return p.length > 4 ? `${'*'.repeat(p.length - 4)}${p.slice(-4)}` : '****';
}

const BUILDING = /^.*?(?:\d+|[一二三四五六七八九十百]+)\s*(?:号楼|栋|幢|座|号院|号)/u;

/**
 * Cuts an address after the building: 幸福里小区3号楼2单元501 → 幸福里小区3号楼. Without a
 * recognisable building the first part is kept and the rest hidden.
 * @example maskAddress('朝阳区幸福里小区3号楼2单元501室') // '朝阳区幸福里小区3号楼'
 */
export function maskAddress(address: string): string {
  const a = address.trim();
  const m = BUILDING.exec(a);
  if (m) return m[0];
  const chars = Array.from(a);
  return `${chars.slice(0, Math.max(1, Math.ceil(chars.length / 2))).join('')}***`;
}

/**
 * An identifier from outside (a bank's lead id) as it may be logged: one that is shaped like a
 * mobile number or an identity card number is masked as one, since an upstream system may key
 * its leads by the victim's phone; any other id is logged as sent.
 * @example maskIdLike('13912345678') // '139****5678'
 * @example maskIdLike('BK-20261129-0042') // 'BK-20261129-0042'
 */
export function maskIdLike(id: string): string {
  const compact = id.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(compact)) return maskPhone(compact);
  if (/^\d{17}[\dXx]$|^\d{15}$/.test(compact)) return `${compact.slice(0, 3)}${'*'.repeat(compact.length - 5)}${compact.slice(-2)}`;
  return id;
}
