import { useEffect, useState } from 'react';
import { call } from '../api';

/** True when the database has no user yet: the window then offers to create the administrator. */
export function useNeedsSetup(): boolean {
  const [needs, setNeeds] = useState(false);
  useEffect(() => {
    call('session/needs-setup').then(setNeeds, () => setNeeds(false));
  }, []);
  return needs;
}
