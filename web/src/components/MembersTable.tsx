import { App as AntApp, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { issueJoinLink, revokeJoinLink } from '../api/endpoints';
import type { IssuedJoinLink, JoinLinkStatus, Person } from '../api/types';
import { currentLanguage } from '../i18n';
import { errorText } from './errorText';
import { timestamp } from './labels';

// Solid tags with white text (WCAG AA contrast); the status is also written out.
const STATUS_COLOUR: Record<JoinLinkStatus, string | undefined> = {
  none: undefined,
  active: '#1e7b34',
  expired: '#8a5100',
  revoked: '#b42318',
};

interface Props {
  exerciseId: number;
  organisationId: number;
  people: Person[];
  loading: boolean;
  canManage: boolean;
  onIssued: (issued: IssuedJoinLink) => void;
  onChanged: () => void;
}

// The people of an organisation with their join-link status; reissue and revoke.
export function MembersTable({ exerciseId, organisationId, people, loading, canManage, onIssued, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const language = currentLanguage();

  const reissue = async (person: Person) => {
    try {
      onIssued(await issueJoinLink(exerciseId, organisationId, person.id));
      onChanged();
    } catch (failure) {
      void message.error(errorText(t, failure));
    }
  };
  const revoke = async (person: Person) => {
    try {
      await revokeJoinLink(exerciseId, organisationId, person.id);
      void message.success(t('people.revoked'));
      onChanged();
    } catch (failure) {
      void message.error(errorText(t, failure));
    }
  };

  return (
    <Table<Person>
      aria-label={t('people.tableLabel')}
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={people}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('people.empty') }}
      columns={[
        { key: 'name', title: t('people.name'), dataIndex: 'display_name' },
        { key: 'role', title: t('people.role'), dataIndex: 'role', render: (role: string) => t(`role.${role}`) },
        {
          key: 'teamRoles',
          title: t('people.teamRoles'),
          dataIndex: 'team_roles',
          render: (roles: string[] | undefined) =>
            roles && roles.length > 0 ? roles.map((role) => t(`teamRole.${role}`)).join(t('people.listSeparator')) : '—',
        },
        { key: 'department', title: t('people.department'), dataIndex: 'department' },
        { key: 'email', title: t('people.email'), dataIndex: 'email' },
        {
          key: 'contact',
          title: t('people.contact'),
          dataIndex: 'is_contact',
          render: (value: boolean) => (value ? t('people.yes') : t('people.no')),
        },
        {
          key: 'link',
          title: t('people.linkStatus'),
          render: (_, person) => (
            <Tag color={STATUS_COLOUR[person.join_link.status]}>{t(`joinLink.${person.join_link.status}`)}</Tag>
          ),
        },
        {
          key: 'expires',
          title: t('people.expiresAt'),
          render: (_, person) => timestamp(person.join_link.expires_at, language),
        },
        {
          key: 'used',
          title: t('people.lastUsedAt'),
          render: (_, person) =>
            person.join_link.last_used_at ? timestamp(person.join_link.last_used_at, language) : t('people.never'),
        },
        ...(canManage
          ? [
              {
                key: 'actions',
                title: t('people.actions'),
                render: (_: unknown, person: Person) => (
                  <Space wrap>
                    <Button size="small" onClick={() => void reissue(person)}>
                      {t('people.reissue')}
                    </Button>
                    {person.join_link.status === 'active' && (
                      <Popconfirm
                        title={t('people.revokeConfirm', { name: person.display_name })}
                        okText={t('people.yes')}
                        cancelText={t('people.no')}
                        onConfirm={() => revoke(person)}
                      >
                        <Button size="small" danger>
                          {t('people.revoke')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
