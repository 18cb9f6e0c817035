import { describe, expect, it } from 'vitest';
import {
  VALIDATOR_FUNCTIONS,
  isBankCard,
  isChineseIdCard,
  isChineseMobile,
  isCoordinate,
  isCopyNumber,
  isDate,
  isIpv4,
  isValidDate,
  passesLuhn,
} from '../../../shared/validators';

// Independent helpers written from ../shared/docs/domain.md.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_FOR_REMAINDER = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/** The check character of the first 17 digits, by ISO 7064 MOD 11-2. */
function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_FOR_REMAINDER[sum % 11];
}
const withCheck = (first17: string) => first17 + idCheck(first17);
const otherCheck = (first17: string) => {
  const right = idCheck(first17);
  return first17 + (right === '0' ? '1' : '0');
};

/** Luhn written out the textbook way: double every second digit from the right. */
function luhnOk(digits: string): boolean {
  const ds = [...digits].reverse().map(Number);
  const sum = ds.reduce((acc, d, i) => acc + (i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
  return sum % 10 === 0;
}

describe('isChineseIdCard', () => {
  it('accepts the GB 11643 examples', () => {
    expect(idCheck('11010519491231002')).toBe('X'); // the helper agrees with the standard's example
    expect(isChineseIdCard('11010519491231002X')).toBe(true);
    // The standard's other example, 440524188001010014, has a valid check digit but a birth year
    // (1880) before the 1900 the validator accepts for living residents.
    expect(idCheck('44052418800101001')).toBe('4');
  });

  it('accepts numbers made valid by the MOD 11-2 helper', () => {
    for (const first17 of ['22010219850612003', '11010119900307123', '65010220001231999', '32058319760229456']) {
      expect(isChineseIdCard(withCheck(first17)), first17).toBe(true);
    }
  });

  it('rejects a wrong check digit', () => {
    for (const first17 of ['22010219850612003', '11010519491231002', '44052418800101001']) {
      expect(isChineseIdCard(otherCheck(first17)), first17).toBe(false);
    }
    expect(isChineseIdCard('110105194912310021')).toBe(false);
  });

  it('accepts lower- and upper-case X as the check character', () => {
    expect(isChineseIdCard('11010519491231002x')).toBe(true);
    expect(isChineseIdCard('11010519491231002X')).toBe(true);
    // X in the wrong place is not a number
    expect(isChineseIdCard('1101051949123100X2')).toBe(false);
  });

  it('rejects an impossible birth date even with a correct check digit', () => {
    expect(isChineseIdCard(withCheck('22010219990230123'))).toBe(false); // 1999-02-30
    expect(isChineseIdCard(withCheck('22010219991301123'))).toBe(false); // month 13
    expect(isChineseIdCard(withCheck('22010219990229123'))).toBe(false); // 1999 is no leap year
    expect(isChineseIdCard(withCheck('22010220000229123'))).toBe(true); // 2000 is
  });

  it('rejects an unknown province even with a correct check digit', () => {
    expect(isChineseIdCard(withCheck('99010219850612003'))).toBe(false);
    expect(isChineseIdCard(withCheck('10010219850612003'))).toBe(false);
  });

  it('rejects wrong lengths', () => {
    expect(isChineseIdCard('2201021985061200')).toBe(false);
    expect(isChineseIdCard(withCheck('22010219850612003') + '1')).toBe(false);
  });
});

describe('passesLuhn and isBankCard', () => {
  it('accepts the corpus card number', () => {
    expect(luhnOk('6222021234567890128')).toBe(true);
    expect(passesLuhn('6222021234567890128')).toBe(true);
    expect(isBankCard('6222021234567890128')).toBe(true);
    expect(isBankCard('6222 0212 3456 7890 128')).toBe(true);
  });

  it('rejects the card with any one digit changed', () => {
    const card = '6222021234567890128';
    for (let i = 0; i < card.length; i++) {
      const changed = card.slice(0, i) + String((Number(card[i]) + 1) % 10) + card.slice(i + 1);
      expect(luhnOk(changed)).toBe(false);
      expect(passesLuhn(changed), changed).toBe(false);
      expect(isBankCard(changed), changed).toBe(false);
    }
  });

  it('rejects card-shaped numbers of the wrong length or issuer prefix', () => {
    // 15 digits with a valid Luhn check: 4222 2222 2222 22 + check
    const fifteen = ['422222222222222', '422222222222223', '422222222222224', '422222222222225', '422222222222220', '422222222222221', '422222222222226', '422222222222227', '422222222222228', '422222222222229'].find(luhnOk)!;
    expect(isBankCard(fifteen)).toBe(false);
    const prefixOne = ['1222021234567890120', '1222021234567890121', '1222021234567890122', '1222021234567890123', '1222021234567890124', '1222021234567890125', '1222021234567890126', '1222021234567890127', '1222021234567890128', '1222021234567890129'].find(luhnOk)!;
    expect(passesLuhn(prefixOne)).toBe(true);
    expect(isBankCard(prefixOne)).toBe(false);
  });

  it('does not take a valid 18-digit ID number that passes Luhn for a card', () => {
    // Find an ID (region 440524, a card-like leading 4) that also happens to pass Luhn.
    let id = '';
    for (let seq = 0; seq < 1000 && !id; seq++) {
      const candidate = withCheck(`44052419800101${String(seq).padStart(3, '0')}`);
      if (!candidate.endsWith('X') && luhnOk(candidate)) id = candidate;
    }
    expect(id).not.toBe('');
    expect(isChineseIdCard(id)).toBe(true);
    expect(passesLuhn(id)).toBe(true);
    expect(isBankCard(id)).toBe(false);
  });
});

describe('isChineseMobile', () => {
  it('accepts 11-digit numbers 1[3-9]…, with separators and a +86 prefix', () => {
    for (const s of ['13812345678', '19912345678', '138-1234-5678', '138 1234 5678', '+86 138 1234 5678', '+8613812345678', '8613812345678', '86-138-1234-5678']) {
      expect(isChineseMobile(s), s).toBe(true);
    }
  });

  it('rejects 12x and 10x numbers, and wrong lengths', () => {
    for (const s of ['12812345678', '10012345678', '11012345678', '1381234567', '138123456789', '+87 138 1234 5678']) {
      expect(isChineseMobile(s), s).toBe(false);
    }
  });
});

describe('isCoordinate', () => {
  it('accepts labelled coordinates', () => {
    expect(isCoordinate('东经125.2804° 北纬43.7931°')).toBe(true);
    expect(isCoordinate('e125°17′15″ n43°51′26″')).toBe(true);
    expect(isCoordinate('北纬43.7931度')).toBe(true);
  });

  it('rejects labelled values out of the Earth’s range or without degrees', () => {
    expect(isCoordinate('东经200.1234° 北纬43.1234°')).toBe(false);
    expect(isCoordinate('e125 n43')).toBe(false);
  });

  it('accepts a bare decimal pair inside China, either order', () => {
    expect(isCoordinate('125.1012,43.9011')).toBe(true);
    expect(isCoordinate('43.9011,125.1012')).toBe(true);
  });

  it('rejects bare pairs outside China and single numbers', () => {
    expect(isCoordinate('200.1234,43.1234')).toBe(false);
    expect(isCoordinate('125.1012,60.1234')).toBe(false);
    expect(isCoordinate('2000')).toBe(false);
    expect(isCoordinate('125.1012')).toBe(false);
    expect(isCoordinate('125.1,43.9,12.0')).toBe(false);
    expect(isCoordinate('')).toBe(false);
  });
});

describe('isIpv4', () => {
  it('accepts dotted quads in range', () => {
    for (const s of ['192.168.1.1', '10.0.0.254', '0.0.0.0', '255.255.255.255']) expect(isIpv4(s), s).toBe(true);
  });

  it('rejects 256, leading zeros, wrong part counts and non-digits', () => {
    for (const s of ['256.1.1.1', '192.168.1.256', '192.168.01.1', '010.0.0.1', '1.2.3', '1.2.3.4.5', '1.2.3.a', '1..2.3', '1234.1.1.1']) {
      expect(isIpv4(s), s).toBe(false);
    }
  });
});

describe('isValidDate and isDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(2024, 4, 31)).toBe(false);
    expect(isValidDate(2024, 12, 31)).toBe(true);
    expect(isValidDate(2024, 0, 1)).toBe(false);
    expect(isValidDate(2024, 13, 1)).toBe(false);
    expect(isValidDate(2024, 1, 0)).toBe(false);
  });

  it('reads dates in the usual forms', () => {
    for (const s of ['2024-02-29', '2024年3月5日', '2024.03.05', '2024/12/31']) expect(isDate(s), s).toBe(true);
  });

  it('rejects impossible dates and non-dates', () => {
    for (const s of ['2023-02-29', '2024.13.01', '2024/04/31', '2024年0月1日', '20240305', '会议纪要']) expect(isDate(s), s).toBe(false);
  });
});

describe('isCopyNumber', () => {
  it('accepts six digits', () => {
    expect(isCopyNumber('000123')).toBe(true);
    expect(isCopyNumber('123456')).toBe(true);
  });

  it('rejects other lengths, non-digits and one repeated digit', () => {
    for (const s of ['12345', '1234567', '12345a', '111111', '000000', '']) expect(isCopyNumber(s), s).toBe(false);
  });

  it('rejects a year-like 20xxxx date stamp, as its doc comment says', () => {
    expect(isCopyNumber('202403')).toBe(false);
  });
});

describe('VALIDATOR_FUNCTIONS', () => {
  it('maps each validator name to its function', () => {
    expect(VALIDATOR_FUNCTIONS['cn-id-card']('11010519491231002x')).toBe(true);
    expect(VALIDATOR_FUNCTIONS['luhn-card']('6222021234567890128')).toBe(true);
    expect(VALIDATOR_FUNCTIONS['cn-mobile']('13812345678')).toBe(true);
    expect(VALIDATOR_FUNCTIONS.coordinate('125.1012,43.9011')).toBe(true);
    expect(VALIDATOR_FUNCTIONS.ipv4('256.1.1.1')).toBe(false);
    expect(VALIDATOR_FUNCTIONS.date('2023-02-29')).toBe(false);
    expect(VALIDATOR_FUNCTIONS['copy-number']('111111')).toBe(false);
    expect(Object.keys(VALIDATOR_FUNCTIONS).sort()).toEqual(['cn-id-card', 'cn-mobile', 'coordinate', 'copy-number', 'date', 'ipv4', 'luhn-card']);
  });
});
