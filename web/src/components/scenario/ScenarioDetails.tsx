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
      <Form.Item htmlFor="scenario-id" label={t('scenario.details.id')} validateStatus={errorFor('id') ? 'error' : undefined} help={errorFor('id')}>
        <Input id="scenario-id" className="input-id" value={scenario.id} maxLength={64} onChange={(e) => onChange({ ...scenario, id: e.target.value })} />
      </Form.Item>
      <Form.Item htmlFor="scenario-title-ja" label={t('scenario.titleJa')} validateStatus={errorFor('title') ? 'error' : undefined} help={errorFor('title')}>
        <Input id="scenario-title-ja" value={scenario.title.ja} maxLength={200} onChange={(e) => onChange({ ...scenario, title: { ...scenario.title, ja: e.target.value } })} />
      </Form.Item>
      <Form.Item htmlFor="scenario-title-en" label={t('scenario.titleEn')}>
        <Input id="scenario-title-en" value={scenario.title.en} maxLength={200} onChange={(e) => onChange({ ...scenario, title: { ...scenario.title, en: e.target.value } })} />
      </Form.Item>
      <Form.Item htmlFor="scenario-summary-ja" label={t('scenario.details.summaryJa')}>
        <Input.TextArea id="scenario-summary-ja"
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={scenario.summary.ja}
          maxLength={5000}
          onChange={(e) => onChange({ ...scenario, summary: { ...scenario.summary, ja: e.target.value } })}
        />
      </Form.Item>
      <Form.Item htmlFor="scenario-summary-en" label={t('scenario.details.summaryEn')}>
        <Input.TextArea id="scenario-summary-en"
          autoSize={{ minRows: 2, maxRows: 6 }}
          value={scenario.summary.en}
          maxLength={5000}
          onChange={(e) => onChange({ ...scenario, summary: { ...scenario.summary, en: e.target.value } })}
        />
      </Form.Item>
      <Form.Item htmlFor="scenario-variables"
        label={t('scenario.details.variables')}
        extra={t('scenario.details.variablesHelp', { example: '{{service}}' })}
        validateStatus={badVariableLines.length > 0 || errorFor('variables') ? 'error' : undefined}
        help={
          badVariableLines.length > 0
            ? t('scenario.details.badVariableLines', { lines: badVariableLines.join(', ') })
            : errorFor('variables')
        }
      >
        <Input.TextArea id="scenario-variables"
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={variablesText}
          placeholder={variablesToText({ service: '…', supplier: '…' })}
          onChange={(e) => onVariablesText(e.target.value)}
        />
      </Form.Item>
    </Form>
  );
}
