// What a dialog's save needs: whether it is under way (the button spins, the dialog stays), and the
// service's refusal, in its own sentence, to show in the dialog when it failed.
import { useCallback, useState } from 'react';
import { errorMessage } from '../api';

export interface Save {
  readonly saving: boolean;
  readonly refusal?: string;
  /** Clears the refusal (the dialog opened again). */
  readonly clear: () => void;
  /** Runs `body`; a refusal it throws is kept for the dialog to show. */
  readonly run: (body: () => Promise<void>) => Promise<void>;
}

export function useSave(): Save {
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const clear = useCallback(() => setRefusal(undefined), []);
  const run = useCallback(async (body: () => Promise<void>) => {
    setSaving(true);
    setRefusal(undefined);
    try {
      await body();
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }, []);
  return { saving, refusal, clear, run };
}
