// Personal numbers the bench plants in its documents: valid 18-digit ID numbers and mobile numbers.
import { randInt, type Rand } from './corpus';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

const AREAS = ['110105', '310104', '440305', '220102', '510107', '330106', '420106', '610113'];

export function makeIdNumber(rand: Rand): string {
  const area = AREAS[randInt(rand, 0, AREAS.length - 1)];
  const year = randInt(rand, 1950, 2005);
  const month = String(randInt(rand, 1, 12)).padStart(2, '0');
  const day = String(randInt(rand, 1, 28)).padStart(2, '0');
  const seq = String(randInt(rand, 0, 999)).padStart(3, '0');
  const first17 = `${area}${year}${month}${day}${seq}`;
  return first17 + idCheckDigit(first17);
}

export function makeMobile(rand: Rand): string {
  const prefixes = ['138', '139', '150', '158', '186', '189', '177', '135'];
  return prefixes[randInt(rand, 0, prefixes.length - 1)] + String(randInt(rand, 0, 99999999)).padStart(8, '0');
}
