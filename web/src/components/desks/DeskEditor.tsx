import { Button, Card, Checkbox, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Desk, DeskInput, StaffMember } from '../../api/deskTypes';

// The organiser's form for one desk: names, homepage introduction, inquiry categories,
// homepage notices (published or draft) and the controllers assigned to it.
export function DeskEditor({
  desk,
  staff,
  onSave,
  onDelete,
}: {
  desk: Desk;
  staff: StaffMember[];
  onSave: (input: DeskInput) => Promise<void>;
  onDelete: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeskInput>();
  useEffect(() => {
    form.setFieldsValue({
      name_ja: desk.name.ja,
      name_en: desk.name.en,
      intro: desk.intro,
      categories: desk.categories,
      notices: desk.notices.map(({ title, body, published }) => ({ title, body, published })),
      staff_user_ids: desk.staff_user_ids ?? [],
    });
  }, [desk, form]);

  return (
    <Form form={form} layout="vertical" name={`desk-${desk.id}`} onFinish={(values) => void onSave(values)}>
      <Space wrap align="start">
        <Form.Item name="name_ja" label={t('desks.settings.nameJa')} rules={[{ required: true, message: t('desks.validation.required') }, { max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="name_en" label={t('desks.settings.nameEn')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="staff_user_ids" label={t('desks.settings.staff')}>
          <Select
            mode="multiple"
            style={{ minWidth: 240 }}
            options={staff
              .filter((member) => member.role !== 'ministry' || (desk.kind === 'ministry' && member.ministry_code === desk.code))
              .map((member) => ({ value: member.user_id, label: `${member.name} (${t(`desks.staffRole.${member.role}`)})` }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="intro" label={t('desks.settings.intro')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
      <Card size="small" title={t('desks.settings.categories')}>
        <Form.List name="categories">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Space key={item.key} wrap align="baseline">
                  <Form.Item name={[item.name, 'code']} label={t('desks.settings.code')} rules={[{ required: true, pattern: /^[a-z0-9_]{1,32}$/, message: t('desks.settings.codeRule') }]}>
                    <Input maxLength={32} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'ja']} label={t('desks.settings.labelJa')} rules={[{ required: true, message: t('desks.validation.required') }, { max: 50 }]}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'en']} label={t('desks.settings.labelEn')} rules={[{ max: 50 }]}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Button onClick={() => remove(item.name)} disabled={items.length <= 1}>
                    {t('desks.settings.remove')}
                  </Button>
                </Space>
              ))}
              <Button onClick={() => add({ code: '', ja: '', en: '' })} disabled={items.length >= 20}>
                {t('desks.settings.addCategory')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('desks.settings.notices')} className="block-gap-top">
        <Form.List name="notices">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Card key={item.key} size="small" className="block-gap-top">
                  <Form.Item name={[item.name, 'title']} label={t('desks.settings.noticeTitle')} rules={[{ required: true, message: t('desks.validation.required') }, { max: 200 }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'body']} label={t('desks.settings.noticeBody')} rules={[{ max: 8000 }]}>
                    <Input.TextArea rows={3} maxLength={8000} />
                  </Form.Item>
                  <Space>
                    <Form.Item name={[item.name, 'published']} valuePropName="checked" noStyle>
                      <Checkbox>{t('desks.settings.published')}</Checkbox>
                    </Form.Item>
                    <Button onClick={() => remove(item.name)}>{t('desks.settings.remove')}</Button>
                  </Space>
                </Card>
              ))}
              <Button className="block-gap-top" onClick={() => add({ title: '', body: '', published: false })} disabled={items.length >= 50}>
                {t('desks.settings.addNotice')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Space className="block-gap-top">
        <Button type="primary" htmlType="submit">
          {t('desks.settings.save')}
        </Button>
        <Button danger onClick={() => void onDelete()}>
          {t('desks.settings.delete')}
        </Button>
      </Space>
    </Form>
  );
}
