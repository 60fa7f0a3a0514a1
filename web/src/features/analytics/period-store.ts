'use client';

import { create } from 'zustand';
import { PERIODS } from './format';

/** The period the artist chose, kept while they move between the analytics pages. */
interface PeriodState {
  days: number;
  setDays: (days: number) => void;
}

export const usePeriod = create<PeriodState>((set) => ({
  days: PERIODS[1].days,
  setDays: (days) => set({ days }),
}));
