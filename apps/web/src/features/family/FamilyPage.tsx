import { freeText } from '@donghanh/domain';
import { Alert, Anchor, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { NS } from './strings';

const textSchema = freeText(4000);

/**
 * setup: the sealed family circumstances of one pupil, read and written by those the identity
 * rule allows (the server decides and audits every read and write; a refusal shows here).
 */
export default function FamilyPage() {
  const { t, i18n } = useTranslation(NS);
  const { studentId = '' } = useParams();
  const navigate = useNavigate();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const family = useQuery({ ...trpc.student.family.queryOptions({ studentId }), retry: false, staleTime: 0 });
  const save = useMutation(trpc.student.setFamily.mutationOptions());
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  useEffect(() => {
    if (family.data) setText(family.data.text);
  }, [family.data]);

  if (family.isLoading) return <Text c="dimmed">{t('loading')}</Text>;
  if (family.error)
    return (
      <Alert color="red" role="alert" data-testid="family-error">
        {(family.error as { data?: { appCode?: string } }).data?.appCode === 'FORBIDDEN'
          ? t('forbidden')
          : errorMessage(family.error, i18n.language)}
      </Alert>
    );
  const d = family.data;
  if (!d) return null;
  return (
    <Stack gap="md" maw={720} data-testid="family-page">
      <Title order={2}>{t('title')}</Title>
      <Text fw={600}>{t('pupil', { name: d.fullName, className: d.className ?? t('noClass') })}</Text>
      <Alert color="blue" variant="light">
        {t('sealed')}
      </Alert>
      {saved && (
        <Alert color="green" role="status" data-testid="family-saved">
          {t('saved', { name: d.fullName })}
        </Alert>
      )}
      {save.error && (
        <Alert color="red" role="alert">
          {t('failed', { message: errorMessage(save.error, i18n.language) })}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = textSchema.safeParse(text);
          if (!parsed.success) {
            setFieldError(parsed.error.issues[0]?.message ?? null);
            return;
          }
          save.mutate(
            { studentId, text: parsed.data },
            {
              onSuccess: () => {
                setSaved(true);
                void queryClient.invalidateQueries(trpc.case.get.pathFilter());
                void queryClient.invalidateQueries(trpc.schoolClass.pupils.pathFilter());
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Textarea
            label={t('label')}
            placeholder={t('placeholder')}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setSaved(false);
              setFieldError(null);
            }}
            error={fieldError}
            autosize
            minRows={5}
            maxLength={4000}
            data-testid="family-text"
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('save')}
            </Button>
            <Anchor component="button" type="button" onClick={() => navigate(-1)}>
              {t('back')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
