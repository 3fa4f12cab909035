import { Card, Col, Row, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { listDesks } from '../api/deskEndpoints';
import type { Desk } from '../api/deskTypes';
import type { Session } from '../api/types';
import { DeskMarking } from '../components/desks/DeskMarking';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotFound } from '../components/NotFound';
import { localText } from '../desks/deskName';
import { currentLanguage } from '../i18n';

// The mock agency homepages of the exercise (/exercises/:id/desks): every desk the caller
// may use, with its latest notice.
export function DeskListPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const exerciseId = Number(useParams().exerciseId);
  const valid = Number.isInteger(exerciseId) && exerciseId > 0 && session !== null;
  const [desks, setDesks] = useState<Desk[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const language = currentLanguage();

  useEffect(() => {
    if (valid) listDesks(exerciseId).then(setDesks, setError);
  }, [valid, exerciseId]);

  if (!valid) return <NotFound />;
  return (
    <>
      <Space className="section-head" wrap>
        <Typography.Title level={1} className="page-title">
          {t('desks.list.title')}
        </Typography.Title>
        <DeskMarking />
      </Space>
      <Typography.Paragraph type="secondary">{t('desks.list.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Row gutter={[16, 16]}>
        {(desks ?? []).map((desk) => (
          <Col xs={24} md={12} lg={8} key={desk.id}>
            <Card title={<Link to={`/exercises/${exerciseId}/desks/${desk.id}`}>{localText(desk.name, language)}</Link>}>
              <Typography.Text type="secondary">{t(`desks.deskKind.${desk.kind}`)}</Typography.Text>
              {desk.notices[0] && (
                <Typography.Paragraph ellipsis={{ rows: 2 }} className="block-gap-top">
                  {desk.notices[0].title}
                </Typography.Paragraph>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
