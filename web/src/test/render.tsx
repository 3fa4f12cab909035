import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import '../i18n';

// Renders a component the way the app does (antd App context, router).
export function renderWithProviders(element: ReactElement, path = '/') {
  return render(
    <AntApp>
      <MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>
    </AntApp>,
  );
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
