import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../../trpc';
import { errorMessage, parseViDate } from '../format';
import { NS } from '../strings';
import type { AdminUnit } from '../types';
import { parentOptions } from './CreateUnitModal';

/** The unit and everything below it: none of them may become its parent (a cycle). */
function subtreeOf(unit: AdminUnit, units: readonly AdminUnit[]): Set<string> {
  const out = new Set([unit.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units)
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
  }
  return out;
}

/** Rename, move or close a unit (admin.updateUnit); only the changed fields are sent. */
export function EditUnitModal({
  unit,
  units,
  onClose,
}: {
  unit: AdminUnit | null;
  units: readonly AdminUnit[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const { t: core } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const [validUntil, setValidUntil] = useState<string | null>(null);
  const update = useMutation(trpc.admin.updateUnit.mutationOptions());

  useEffect(() => {
    setName(unit?.name ?? '');
    setParentId(unit?.parentId ?? null);
    setValidUntil(unit?.validUntil ?? null);
    update.reset();
  }, [unit, update.reset]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!unit) return;
    try {
      await update.mutateAsync({
        unitId: unit.id,
        ...(name.trim() !== unit.name ? { name: name.trim() } : {}),
        ...(parentId !== unit.parentId ? { parentId } : {}),
        ...(validUntil !== unit.validUntil ? { validUntil } : {}),
      });
      await queryClient.invalidateQueries(trpc.admin.listUnits.pathFilter());
      onClose();
    } catch {
      // shown below from update.error
    }
  };

  return (
    <Modal opened={unit !== null} onClose={onClose} title={t('units.editTitle', { name: unit?.name ?? '' })}>
      {unit && (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="edit-unit-form">
          <Stack gap="sm">
            <TextInput
              label={t('units.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <Select
              label={t('units.parent')}
              placeholder={t('units.noParent')}
              data={parentOptions(units, subtreeOf(unit, units))}
              value={parentId}
              onChange={setParentId}
              searchable
              clearable={unit.kind !== 'SCHOOL'}
            />
            <DateInput
              label={t('units.validUntil')}
              description={t('units.validUntilHint')}
              valueFormat="DD/MM/YYYY"
              dateParser={parseViDate}
              value={validUntil}
              onChange={setValidUntil}
              clearable
            />
            {update.error && (
              <Alert color="red" role="alert">
                {errorMessage(update.error, i18n.language)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {core('cancel')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('units.submitEdit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
