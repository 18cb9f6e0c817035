import { useEffect, useState } from 'react';
import { call } from '../api';

/**
 * True when the database has no user yet: the window then offers to create the administrator.
 * Asked again when `refresh` changes (the desktop was switched to other records).
 */
export function useNeedsSetup(refresh = 0): boolean {
  const [needs, setNeeds] = useState(false);
  useEffect(() => {
    call('session/needs-setup').then(setNeeds, () => setNeeds(false));
  }, [refresh]);
  return needs;
}
