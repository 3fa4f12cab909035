import { Button, List, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecipientConfig, ReportingConfig } from '../../api/deskTypes';
import { localText } from '../../desks/deskName';
import { recipientsByPriority } from '../../desks/reportForm';
import { currentLanguage } from '../../i18n';

// The organiser's reporting configuration: the recipients' priority (move up/down; 1 =
// delivered first) and each recipient's extra required fields.
export function ReportingConfigEditor({
  config,
  onSave,
}: {
  config: ReportingConfig;
  onSave: (recipients: { code: string; required_fields: string[] }[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [order, setOrder] = useState<RecipientConfig[]>(() => recipientsByPriority(config));
  useEffect(() => setOrder(recipientsByPriority(config)), [config]);
  const extras = config.fields.filter((field) => !field.core);

  const move = (index: number, delta: number) =>
    setOrder((current) => {
      const next = [...current];
      const target = index + delta;
      const moved = next[index];
      const other = next[target];
      if (!moved || !other) return current;
      next[index] = other;
      next[target] = moved;
      return next;
    });

  return (
    <>
      <List
        dataSource={order}
        renderItem={(recipient, index) => (
          <List.Item key={recipient.code} data-testid={`priority-${recipient.code}`}>
            <Space wrap>
              <Typography.Text strong>
                {index + 1}. {localText(recipient.label, language)}
              </Typography.Text>
              <Button size="small" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('desks.settings.moveUp', { name: localText(recipient.label, language) })}>
                ↑
              </Button>
              <Button size="small" onClick={() => move(index, 1)} disabled={index === order.length - 1} aria-label={t('desks.settings.moveDown', { name: localText(recipient.label, language) })}>
                ↓
              </Button>
              <Select
                mode="multiple"
                style={{ minWidth: 320 }}
                aria-label={t('desks.settings.requiredFields', { name: localText(recipient.label, language) })}
                placeholder={t('desks.settings.requiredFieldsPlaceholder')}
                value={recipient.required_fields}
                onChange={(fields: string[]) =>
                  setOrder((current) => current.map((item) => (item.code === recipient.code ? { ...item, required_fields: fields } : item)))
                }
                options={extras.map((field) => ({ value: field.code, label: localText(field.label, language) }))}
              />
            </Space>
          </List.Item>
        )}
      />
      <Button type="primary" onClick={() => void onSave(order.map(({ code, required_fields }) => ({ code, required_fields })))}>
        {t('desks.settings.saveReporting')}
      </Button>
    </>
  );
}
