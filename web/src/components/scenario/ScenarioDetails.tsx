import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../api/scenarioTypes';
import { variablesToText } from './variablesText';

interface Props {
  scenario: Scenario;
  variablesText: string;
  badVariableLines: number[];
  fieldError: { path: string[]; message: string } | null;
  onChange: (scenario: Scenario) => void;
  onVariablesText: (text: string) => void;
}

// Scenario id, title, summary (ja/en) and the default values of its {{variables}}.
export function ScenarioDetails({ scenario, variablesText, badVariableLines, fieldError, onChange, onVariablesText }: Props) {
  const { t } = useTranslation();
  const errorFor = (name: string) => (fieldError && fieldError.path[0] === name ? fieldError.message : undefined);
  return (
    <Form layout="vertical" className="scenario-details">
      <Form.Item label={t('scenario.details.id')} validateStatus={errorFor('id') ? 'error' : undefined} help={errorFor('id')}>
        <Input className="input-id" value={scenario.id} maxLength={64} onChange={(e) => onChange({ ...scenario, id: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('scenario.titleJa')} validateStatus={errorFor('title') ? 'error' : undefined} help={errorFor('title')}>
        <Input value={scenario.title.ja} maxLength={200} onChange={(e) => onChange({ ...scenario, title: { ...scenario.title, ja: e.target.value } })} />
      </Form.Item>
      <Form.Item label={t('scenario.titleEn')}>
        <Input value={scenario.title.en} maxLength={200} onChange={(e) => onChange({ ...scenario, title: { ...scenario.title, en: e.target.value } })} />
      </Form.Item>
      <Form.Item label={t('scenario.details.summaryJa')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={scenario.summary.ja}
          maxLength={5000}
          onChange={(e) => onChange({ ...scenario, summary: { ...scenario.summary, ja: e.target.value } })}
        />
      </Form.Item>
      <Form.Item label={t('scenario.details.summaryEn')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={scenario.summary.en}
          maxLength={5000}
          onChange={(e) => onChange({ ...scenario, summary: { ...scenario.summary, en: e.target.value } })}
        />
      </Form.Item>
      <Form.Item
        label={t('scenario.details.variables')}
        extra={t('scenario.details.variablesHelp', { example: '{{service}}' })}
        validateStatus={badVariableLines.length > 0 || errorFor('variables') ? 'error' : undefined}
        help={
          badVariableLines.length > 0
            ? t('scenario.details.badVariableLines', { lines: badVariableLines.join(', ') })
            : errorFor('variables')
        }
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={variablesText}
          placeholder={variablesToText({ service: '…', supplier: '…' })}
          onChange={(e) => onVariablesText(e.target.value)}
        />
      </Form.Item>
    </Form>
  );
}
