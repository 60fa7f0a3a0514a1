'use client';

import { SelectField } from '@/components/ui/field';
import { PERIODS } from './format';
import { usePeriod } from './period-store';

export function PeriodSelect() {
  const { days, setDays } = usePeriod();
  return (
    <SelectField
      label="Period"
      value={String(days)}
      options={PERIODS.map((p) => ({ value: String(p.days), label: p.label }))}
      onChange={(e) => setDays(Number(e.target.value))}
      className="w-48"
    />
  );
}
