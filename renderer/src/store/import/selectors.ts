import type { MishenStore } from '../types';

export const importSelectors = {
  items: (s: MishenStore) => s.importItems,
  importing: (s: MishenStore) => s.importing,
};
