/** One snackbar message at a time, for results of actions (errors are values, shown here). */
import { create } from 'zustand';

export const useNotify = create<{ message: string | null; severity: 'success' | 'error'; show: (message: string, severity?: 'success' | 'error') => void; clear: () => void }>()((set) => ({
  message: null,
  severity: 'success',
  show: (message, severity = 'success') => set({ message, severity }),
  clear: () => set({ message: null }),
}));
