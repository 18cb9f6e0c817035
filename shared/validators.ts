// Checks that turn a pattern's shape into a real finding: check digits, dates, ranges.
// Each takes the matched text after normalisation (half width, lower case).
import type { ValidatorName } from './dictionary/types';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10x98765432';
/** First two digits of the region code: the provinces of GB/T 2260. */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
]);

function digitsOf(s: string): string {
  return s.replace(/[^0-9x]/g, '');
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** 18-digit resident ID: province, birth date, ISO 7064 MOD 11-2 check character. */
export function isChineseIdCard(s: string): boolean {
  const id = digitsOf(s.toLowerCase());
  if (!/^\d{17}[\dx]$/.test(id)) return false;
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return false;
  const y = Number(id.slice(6, 10));
  if (y < 1900 || y > 2100 || !isValidDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === id[17];
}

/** Luhn (mod 10) over all digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Bank card: 16–19 digits, an issuer prefix that cards use (3–6), Luhn; an ID number is not a card. */
export function isBankCard(s: string): boolean {
  const d = s.replace(/\D/g, '');
  return d.length >= 16 && d.length <= 19 && /^[3-6]/.test(d) && passesLuhn(d) && !isChineseIdCard(d);
}

/** Mainland mobile number: 11 digits, 1[3-9]…, separators allowed; +86 / 86 prefix allowed. */
export function isChineseMobile(s: string): boolean {
  const d = s.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(d);
}

/**
 * A coordinate pair or component within the ranges of the Earth, and — for a bare decimal pair with
 * no hemisphere word — within China's extent (longitude 73–136, latitude 3–54), so that other
 * number pairs are not taken for positions.
 */
export function isCoordinate(s: string): boolean {
  const nums = (s.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  if (nums.length === 0) return false;
  const labelled = /[东西南北]|经|纬|[ewns]/.test(s);
  if (labelled) {
    const degrees = /°|度/.test(s) || /经|纬/.test(s);
    return degrees && nums.every((n) => n <= 180);
  }
  if (nums.length !== 2) return false;
  const [a, b] = nums;
  const lonLat = a >= 73 && a <= 136 && b >= 3 && b <= 54;
  const latLon = b >= 73 && b <= 136 && a >= 3 && a <= 54;
  return lonLat || latLon;
}

export function isIpv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && !(p.length > 1 && p.startsWith('0')));
}

/** yyyy-mm-dd, yyyy年m月d日, yyyy.mm.dd, yyyy/mm/dd */
export function isDate(s: string): boolean {
  const m = /(\d{4})\D+(\d{1,2})\D+(\d{1,2})/.exec(s);
  return !!m && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A 份号: six digits, not all the same digit and not a year-month stamp such as 202403. */
export function isCopyNumber(s: string): boolean {
  return /^\d{6}$/.test(s) && !/^(\d)\1{5}$/.test(s) && !/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])$/.test(s);
}

export const VALIDATOR_FUNCTIONS: Readonly<Record<ValidatorName, (s: string) => boolean>> = {
  'cn-id-card': isChineseIdCard,
  'luhn-card': isBankCard,
  'cn-mobile': isChineseMobile,
  coordinate: isCoordinate,
  ipv4: isIpv4,
  date: isDate,
  'copy-number': isCopyNumber,
};

/** Why a validator accepted a hit, for the finding's explanation. */
export const VALIDATOR_REASONS: Readonly<Record<ValidatorName, string>> = {
  'cn-id-card': '地区码、出生日期与校验码（GB 11643，ISO 7064 MOD 11-2）均有效',
  'luhn-card': '卡号长度与 Luhn 校验位有效',
  'cn-mobile': '为有效的 11 位手机号码格式',
  coordinate: '经纬度数值在有效范围内',
  ipv4: '为有效的 IPv4 地址',
  date: '为有效日期',
  'copy-number': '为 6 位份号格式',
};
