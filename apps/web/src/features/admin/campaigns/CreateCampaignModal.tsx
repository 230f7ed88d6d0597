import { Alert, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../../shell/session';
import { useTRPC } from '../../../trpc';
import { errorMessage, issuesOf } from '../format';
import { NS } from '../strings';
import type { CampaignSummary } from '../types';

/** "… năm học 2026–2027" becomes "… năm học 2027–2028": the usual way a campaign is renewed. */
function renamedForYear(name: string, from: number, to: number): string {
  return name
    .replace(`${from}–${from + 1}`, `${to}–${to + 1}`)
    .replace(`${from}-${from + 1}`, `${to}-${to + 1}`);
}

/**
 * The units a campaign may be opened on. An admin picks any open unit that is not a school; an
 * office coordinator their own offices (admin.listUnits is for admins only, so their names come
 * from the campaigns they already see).
 */
function useCampaignUnits(campaigns: readonly CampaignSummary[]) {
  const session = useSession();
  const trpc = useTRPC();
  const isAdmin = session.hasRole('ADMIN');
  const units = useQuery({ ...trpc.admin.listUnits.queryOptions({}), enabled: isAdmin });
  if (isAdmin)
    return (units.data ?? [])
      .filter((u) => !u.closed && u.kind !== 'SCHOOL')
      .map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` }));
  const names = new Map(campaigns.map((c) => [c.unitId, c.unitName]));
  const own = session.user.roles.filter((r) => r.role === 'OFFICE_COORDINATOR').map((r) => r.unitId);
  return [...new Set(own)].map((id) => ({ value: id, label: names.get(id) ?? id }));
}

/** A campaign for a new school year, by default a copy of the newest one moved forward a year. */
export function CreateCampaignModal({
  opened,
  onClose,
  campaigns,
}: {
  opened: boolean;
  onClose: () => void;
  campaigns: readonly CampaignSummary[];
}) {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const unitOptions = useCampaignUnits(campaigns);
  const newest = [...campaigns].sort((a, b) => b.schoolYear - a.schoolYear)[0];
  const [copyFrom, setCopyFrom] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [schoolYear, setSchoolYear] = useState<number | ''>('');
  const [name, setName] = useState('');
  const create = useMutation(trpc.campaign.create.mutationOptions());

  useEffect(() => {
    if (!opened) return;
    create.reset();
    setCopyFrom(newest?.id ?? null);
    setUnitId(newest?.unitId ?? null);
    const year = newest ? newest.schoolYear + 1 : new Date().getFullYear();
    setSchoolYear(year);
    setName(newest ? renamedForYear(newest.name, newest.schoolYear, year) : '');
  }, [opened, newest, create.reset]);

  const pickSource = (id: string | null) => {
    setCopyFrom(id);
    const source = campaigns.find((c) => c.id === id);
    if (!source) return;
    const year = source.schoolYear + 1;
    setUnitId(source.unitId);
    setSchoolYear(year);
    setName(renamedForYear(source.name, source.schoolYear, year));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!unitId || schoolYear === '') return;
    try {
      const out = await create.mutateAsync({
        unitId,
        name: name.trim(),
        schoolYear,
        ...(copyFrom ? { copyFromCampaignId: copyFrom } : {}),
      });
      await queryClient.invalidateQueries(trpc.campaign.list.pathFilter());
      onClose();
      navigate(`/admin/campaigns/${out.campaignId}`, { state: { created: out.calendarNeedsReview } });
    } catch {
      // shown below from create.error
    }
  };

  const issues = create.error ? issuesOf(create.error) : [];
  const nameIssue = issues.find((i) => i.path[0] === 'name')?.message;
  const yearIssue = issues.find((i) => i.path[0] === 'schoolYear')?.message;

  return (
    <Modal opened={opened} onClose={onClose} title={t('campaigns.createTitle')} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="create-campaign-form">
        <Stack gap="sm">
          <Select
            label={t('campaigns.copyFrom')}
            placeholder={t('campaigns.copyNone')}
            data={campaigns.map((c) => ({ value: c.id, label: `${c.name} (${c.schoolYearLabel})` }))}
            value={copyFrom}
            onChange={pickSource}
            clearable
          />
          <Select
            label={t('campaigns.unit')}
            data={unitOptions}
            value={unitId}
            onChange={setUnitId}
            searchable
            required
            error={!unitId && create.isError ? t('settings.required') : undefined}
          />
          <NumberInput
            label={t('campaigns.schoolYearStart')}
            value={schoolYear}
            onChange={(v) => setSchoolYear(v === '' ? '' : Number(v))}
            min={2000}
            max={2100}
            allowDecimal={false}
            thousandSeparator={false}
            required
            error={yearIssue}
          />
          <TextInput
            label={t('campaigns.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            error={nameIssue}
          />
          {create.error && !nameIssue && !yearIssue && (
            <Alert color="red" role="alert">
              {errorMessage(create.error, i18n.language)}
              {issues.length > 0 && (
                <ul>
                  {issues.map((i) => (
                    <li key={`${i.path.join('.')}:${i.message}`}>{i.message}</li>
                  ))}
                </ul>
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {core('cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={!unitId || schoolYear === '' || !name.trim()}
            >
              {t('campaigns.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
