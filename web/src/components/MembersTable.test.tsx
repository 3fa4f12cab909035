import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Person } from '../api/types';
import { renderWithProviders } from '../test/render';
import { MembersTable } from './MembersTable';

function person(id: number, name: string, team_roles: string[]): Person {
  return {
    id,
    organisation_id: 7,
    role: 'participant',
    display_name: name,
    email: '',
    phone: '',
    department: '',
    is_contact: false,
    team_roles,
    join_link: { status: 'none', expires_at: null, last_used_at: null },
  };
}

describe('MembersTable', () => {
  it('shows each member’s functions', () => {
    renderWithProviders(
      <MembersTable
        exerciseId={1}
        organisationId={7}
        people={[person(1, 'Hanako', ['management', 'pr']), person(2, 'Ichiro', [])]}
        loading={false}
        canManage={false}
        onIssued={vi.fn()}
        onChanged={vi.fn()}
      />,
    );
    const table = screen.getByRole('table');
    const hanako = within(table).getByText('Hanako').closest('tr');
    const ichiro = within(table).getByText('Ichiro').closest('tr');
    if (!hanako || !ichiro) throw new Error('rows missing');
    expect(within(hanako).getByText(/経営層、広報|Management, Public relations/)).toBeTruthy();
    expect(within(ichiro).getByText('—')).toBeTruthy();
  });
});
