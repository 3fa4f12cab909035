import { useCallback, useRef, useState } from 'react';
import { actOnCase, getCase, listCases } from '../api/deskEndpoints';
import type { CaseDetail, DeskCase, PartnerNotice } from '../api/deskTypes';
import type { StreamEvent } from '../api/liveTypes';
import { appendMessage, casePayload, sortCases, upsertCase } from './caseList';

export interface OrganisationDesk {
  cases: DeskCase[];
  openCase: CaseDetail | null;
  notices: PartnerNotice[];  // supply-chain notices received live since the page opened
  error: unknown;
  // Consumes the desk events of the stream (true when it was one).
  onEvent: (event: StreamEvent) => boolean;
  reload: () => void;
  open: (caseId: number) => void;
  close: () => void;
  answer: (body: string, attachmentId?: number) => Promise<void>;
}

// The organisation's side of the desks in its console: its cases (inquiries and report
// deliveries) kept live from the stream, one case opened with its thread, and answers
// (inbound messages, e.g. to an ask-back).
export function useOrganisationDesk(exerciseId: number | null): OrganisationDesk {
  const [cases, setCases] = useState<DeskCase[]>([]);
  const [openCase, setOpenCase] = useState<CaseDetail | null>(null);
  const [notices, setNotices] = useState<PartnerNotice[]>([]);
  const [error, setError] = useState<unknown>(null);
  const openId = useRef<number | null>(null);

  const reload = useCallback(() => {
    if (exerciseId === null) return;
    listCases(exerciseId, { page_size: 200 }).then((page) => setCases(sortCases(page.items)), setError);
    if (openId.current !== null) getCase(exerciseId, openId.current).then(setOpenCase, setError);
  }, [exerciseId]);

  const onEvent = useCallback((event: StreamEvent) => {
    if (event.type === 'partner.notice') {
      const notice = (event.payload as { notice?: PartnerNotice } | null)?.notice;
      if (notice) setNotices((current) => (current.some((n) => n.id === notice.id) ? current : [notice, ...current]));
      return true;
    }
    const payload = casePayload(event);
    if (!payload) return false;
    setCases((current) => upsertCase(current, payload.case));
    setOpenCase((current) => (current ? appendMessage(current, payload.case, payload.message) : current));
    return true;
  }, []);

  const open = useCallback(
    (caseId: number) => {
      if (exerciseId === null) return;
      openId.current = caseId;
      getCase(exerciseId, caseId).then(setOpenCase, setError);
    },
    [exerciseId],
  );

  const close = useCallback(() => {
    openId.current = null;
    setOpenCase(null);
  }, []);

  const answer = useCallback(
    async (body: string, attachmentId?: number) => {
      if (exerciseId === null || openId.current === null) return;
      const detail = await actOnCase(exerciseId, openId.current, 'inbound', body, undefined, attachmentId);
      setOpenCase(detail);
      setCases((current) => upsertCase(current, detail));
    },
    [exerciseId],
  );

  return { cases, openCase, notices, error, onEvent, reload, open, close, answer };
}
