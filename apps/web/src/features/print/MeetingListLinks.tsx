import { Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTRPC } from '../../trpc';
import { NS } from './strings';

/**
 * fix2: "print the list for the staff meeting", one button per school the caller coordinates or
 * heads (usually one); nothing for anyone else.
 */
export function MeetingListLinks() {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  const managed = new Set(
    (me.data?.user.roles ?? [])
      .filter((r) => r.role === 'SCHOOL_COORDINATOR' || r.role === 'PRINCIPAL')
      .map((r) => r.unitId),
  );
  const schools = (me.data?.schools ?? []).filter((s) => managed.has(s.unitId));
  return schools.map((s) => (
    <Button
      key={s.id}
      size="xs"
      variant="default"
      component={Link}
      to={`/print/meeting/${s.id}`}
      data-testid="print-meeting"
    >
      {schools.length > 1 ? t('meeting.buttonFor', { school: s.name }) : t('meeting.button')}
    </Button>
  ));
}
