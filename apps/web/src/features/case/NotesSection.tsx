import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useSession } from '../../shell/session';
import { useTRPC } from '../../trpc';
import { dateTimeText, errorMessage } from './format';
import { NS } from './strings';
import type { CaseDetail } from './types';

/** Mirrors the API's rule for case.addNote: an active helper, or the school's coordinator. */
function canAddNote(c: CaseDetail, userId: string, roles: { role: string; unitId: string }[]) {
  if (c.helpers.some((h) => h.userId === userId && h.status === 'ACTIVE')) return true;
  return roles.some((r) => r.role === 'SCHOOL_COORDINATOR' && r.unitId === c.school.unitId);
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const schema = z.object({ text: z.string().trim().min(1, t('notes.required')).max(2000, t('notes.max')) });
  const form = useForm<{ text: string }>({ resolver: zodResolver(schema), defaultValues: { text: '' } });
  const add = useMutation(
    trpc.case.addNote.mutationOptions({
      onSuccess: async () => {
        form.reset();
        await queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId }));
      },
    }),
  );
  return (
    <form noValidate onSubmit={form.handleSubmit((v) => add.mutate({ caseId, text: v.text.trim() }))}>
      <Stack gap="xs">
        <Textarea
          label={t('notes.label')}
          placeholder={t('notes.placeholder')}
          autosize
          minRows={2}
          error={form.formState.errors.text?.message}
          {...form.register('text')}
        />
        {add.error && <Alert color="red">{errorMessage(add.error, i18n.language)}</Alert>}
        {add.isSuccess && !form.formState.isDirty && (
          <Text size="xs" c="green">
            {t('notes.saved')}
          </Text>
        )}
        <Button type="submit" loading={add.isPending} w="fit-content">
          {t('notes.submit')}
        </Button>
      </Stack>
    </form>
  );
}

function noteText(payload: unknown): string | null {
  const text = (payload as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text : null;
}

/** Notes on the case: what, when and by whom (the text only for staff on the case), and a form. */
export function NotesSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation(NS);
  const { user } = useSession();
  const notes = c.events.filter((e) => e.type === 'case.note');
  return (
    <Paper withBorder p="md" data-testid="notes">
      <Title order={4} mb="sm">
        {t('notes.title')}
      </Title>
      <Stack gap="xs">
        {notes.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('notes.empty')}
          </Text>
        ) : (
          <>
            {notes.map((n) => (
              <div key={n.id} data-testid="note">
                {noteText(n.payload) && <Text size="sm">{noteText(n.payload)}</Text>}
                <Text size="xs" c="dimmed">
                  {t('notes.added', { date: dateTimeText(n.createdAt) })}
                  {n.actorName ? ` · ${n.actorName}` : ''}
                </Text>
              </div>
            ))}
            {!c.freeText && (
              <Text size="xs" c="dimmed">
                {t('notes.textHidden')}
              </Text>
            )}
          </>
        )}
        {canAddNote(c, user.id, user.roles) && <NoteForm caseId={c.id} />}
      </Stack>
    </Paper>
  );
}
