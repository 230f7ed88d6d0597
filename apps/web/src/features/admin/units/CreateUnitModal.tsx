import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { errorText } from '../../auth/error-text';
import { errorMessage, issuesOf } from '../format';
import { NS } from '../strings';
import { type AdminUnit, SCHOOL_LEVELS, type SchoolLevel, UNIT_KINDS, type UnitKind } from '../types';

/** Parents a unit may get: open, and not a school (classes, not units, sit under a school). */
export function parentOptions(units: readonly AdminUnit[], exclude?: ReadonlySet<string>) {
  return units
    .filter((u) => !u.closed && u.kind !== 'SCHOOL' && !exclude?.has(u.id))
    .map((u) => ({ value: u.id, label: `${'— '.repeat(u.depth)}${u.name}` }));
}

/** A new unit of the tree; a school needs a level and a parent (the server checks both too). */
export function CreateUnitModal({
  opened,
  onClose,
  units,
}: {
  opened: boolean;
  onClose: () => void;
  units: readonly AdminUnit[];
}) {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<UnitKind | null>('SCHOOL');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [level, setLevel] = useState<SchoolLevel | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const create = useMutation(trpc.admin.createUnit.mutationOptions());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!kind) local.kind = t('settings.required');
    if (!code.trim()) local.code = t('settings.required');
    if (name.trim().length < 2) local.name = t('settings.required');
    if (kind === 'SCHOOL' && !level) local.school = t('units.levelRequired');
    if (kind === 'SCHOOL' && !parentId) local.parentId = t('units.parentRequired');
    setFieldErrors(local);
    if (Object.keys(local).length > 0 || !kind) return;
    try {
      await create.mutateAsync({
        kind,
        code: code.trim().toUpperCase(),
        name: name.trim(),
        ...(parentId ? { parentId } : {}),
        ...(kind === 'SCHOOL' && level ? { school: { level } } : {}),
      });
      await queryClient.invalidateQueries(trpc.admin.listUnits.pathFilter());
      setCode('');
      setName('');
      setLevel(null);
      create.reset();
      onClose();
    } catch (err) {
      const c = errorText(err).code;
      const message = errorMessage(err, i18n.language);
      const next: Record<string, string> = {};
      if (c === 'UNIT_CODE_TAKEN') next.code = message;
      else if (c === 'UNIT_PARENT_INVALID') next.parentId = message;
      for (const issue of issuesOf(err)) next[issue.path[0] ?? ''] = issue.message;
      setFieldErrors(next);
    }
  };

  const placed = new Set(Object.keys(fieldErrors));
  const general = create.error && placed.size === 0 ? errorMessage(create.error, i18n.language) : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('units.createTitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="create-unit-form">
        <Stack gap="sm">
          <Select
            label={t('units.kind')}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => setKind(v as UnitKind | null)}
            error={fieldErrors.kind}
            allowDeselect={false}
            required
          />
          <TextInput
            label={t('units.code')}
            description={t('units.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldErrors.code}
            required
          />
          <TextInput
            label={t('units.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
            required
          />
          <Select
            label={t('units.parent')}
            placeholder={t('units.noParent')}
            data={parentOptions(units)}
            value={parentId}
            onChange={setParentId}
            error={fieldErrors.parentId}
            searchable
            clearable
            required={kind === 'SCHOOL'}
          />
          {kind === 'SCHOOL' && (
            <Select
              label={t('units.level')}
              data={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`units.levels.${l}`) }))}
              value={level}
              onChange={(v) => setLevel(v as SchoolLevel | null)}
              error={fieldErrors.school}
              required
            />
          )}
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {core('cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('units.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
