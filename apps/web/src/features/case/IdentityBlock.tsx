import { Alert, Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../shell/session';
import { dateText, dateTimeText } from './format';
import { RevealIdentity } from './RevealIdentity';
import { NS } from './strings';
import type { CaseDetail, CaseIdentity } from './types';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

function IdentityShown({
  identity,
  revealed,
  offered,
  editFamily = false,
}: {
  identity: CaseIdentity;
  revealed: boolean;
  offered: boolean;
  /** setup: staff with a lasting role on the case enter or correct the family's circumstances. */
  editFamily?: boolean;
}) {
  const { t } = useTranslation(NS);
  return (
    <Stack gap="sm">
      {revealed && (
        <Alert color="orange" variant="light" data-testid="revealed-note">
          {t('identity.revealedNote')}
        </Alert>
      )}
      {offered && (
        <Alert color="blue" variant="light" data-testid="offer-note">
          {t('identity.offerNote')}
        </Alert>
      )}
      <Text fw={700} size="lg" data-testid="student-name">
        {identity.fullName}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <Field label={t('identity.birthDate')} value={dateText(identity.birthDate)} />
        <Field
          label={t('identity.gender')}
          value={identity.gender ? t(`identity.genders.${identity.gender}`) : null}
        />
        <Field label={t('identity.ethnicity')} value={identity.ethnicity} />
        <Field label={t('identity.moetCode')} value={identity.moetCode} />
      </SimpleGrid>
      {identity.family != null && (
        <div data-testid="family">
          <Text size="xs" c="dimmed">
            {t('identity.family')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {typeof identity.family === 'string' ? identity.family : JSON.stringify(identity.family, null, 2)}
          </Text>
        </div>
      )}
      {editFamily && (
        <Anchor component={Link} to={`/family/${identity.studentId}`} size="sm" data-testid="edit-family">
          {t('identity.editFamily')}
        </Anchor>
      )}
    </Stack>
  );
}

/**
 * The child's identity for school staff on the case; for an office user a pseudonym and the
 * audited, expiring "reveal" action.
 */
export function IdentityBlock({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const session = useSession();
  const [opened, { open, close }] = useDisclosure(false);
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const office = session.hasRole('OFFICE_COORDINATOR');
  return (
    <Paper withBorder p="md" data-testid="identity">
      <Title order={4} mb="sm">
        {t('identity.title')}
      </Title>
      {c.identity ? (
        <>
          <IdentityShown
            identity={c.identity}
            revealed={c.view === 'revealed'}
            offered={c.view === 'named' && !c.freeText}
            editFamily={c.view === 'named' && c.freeText}
          />
          {expiresAt && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('reveal.until', { time: dateTimeText(expiresAt) })}
            </Text>
          )}
        </>
      ) : (
        <Stack gap="xs" data-testid="identity-masked">
          <Text fw={600}>{t('identity.maskedTitle')}</Text>
          <Text size="sm">
            {t('identity.masked', { code: c.code, className: c.className ?? '—', school: c.school.name })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('identity.maskedExplain')}
          </Text>
          {office && (
            <Button variant="light" color="orange" onClick={open} w="fit-content">
              {t('identity.reveal')}
            </Button>
          )}
          <RevealIdentity caseId={c.id} opened={opened} onClose={close} onRevealed={setExpiresAt} />
        </Stack>
      )}
    </Paper>
  );
}
