import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listOrganisations } from '../../api/endpoints';
import { useDebouncedValue } from '../useDebouncedValue';

interface Props {
  exerciseId: number;
  id?: string;
  value?: number[];
  onChange?: (value: number[]) => void;
}

// Chooses organisations by name (server-side search, 20 at a time).
export function OrganisationPicker({ exerciseId, id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search, 250);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [labels, setLabels] = useState<Map<number, string>>(new Map());

  useEffect(() => {
    const controller = new AbortController();
    listOrganisations(exerciseId, { page: 1, page_size: 20, q: query || undefined, sort: 'name' }, controller.signal).then(
      (page) => {
        const next = page.items.map((o) => ({ value: o.id, label: o.name }));
        setOptions(next);
        setLabels((current) => {
          const merged = new Map(current);
          for (const option of next) merged.set(option.value, option.label);
          return merged;
        });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [exerciseId, query]);

  const chosen = (value ?? []).filter((v) => !options.some((o) => o.value === v)).map((v) => ({ value: v, label: labels.get(v) ?? `#${v}` }));
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={t('control.adhoc.searchOrganisations')}
      value={value}
      onChange={onChange}
      options={[...chosen, ...options]}
    />
  );
}
