import { idSchema } from '@donghanh/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useTRPC } from '../../trpc';
import { errorMessage } from './error-message';
import { useSchoolClasses } from './school-classes';
import { NS } from './strings';
import type { StudentHit } from './types';

/**
 * The same rules as the API's `createStudentInput` (packages/api, a server package the web app
 * does not bundle), with empty fields meaning "not given".
 */
const optional = <T extends z.ZodType>(s: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), s.optional());
const formSchema = z.object({
  schoolId: idSchema,
  classId: optional(idSchema),
  fullName: z
    .string()
    .trim()
    .min(2, 'Họ tên quá ngắn')
    .max(120, 'Họ tên quá dài')
    .regex(/^[\p{L}\p{M}' .-]+$/u, 'Họ tên chỉ gồm chữ cái'),
  birthDate: optional(z.iso.date('Ngày sinh phải có dạng YYYY-MM-DD')),
  gender: optional(z.enum(['MALE', 'FEMALE'])),
  ethnicity: optional(
    z
      .string()
      .trim()
      .max(60)
      .refine((s) => !/\p{Cc}/u.test(s), 'Ký tự không hợp lệ'),
  ),
  moetCode: optional(z.string().regex(/^\d{6,20}$/, 'Mã định danh gồm 6–20 chữ số')),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

/** A coordinator or principal adds a student missing from the school's list, then proposes them. */
export function NewStudentForm({
  school,
  onCreated,
  onCancel,
}: {
  school: { id: string; name: string };
  onCreated: (s: StudentHit) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const classes = useSchoolClasses(school.id);
  const create = useMutation(trpc.student.create.mutationOptions());
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      schoolId: school.id,
      classId: '',
      fullName: '',
      birthDate: '',
      gender: '',
      ethnicity: '',
      moetCode: '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { control, register, formState } = form;
  const e = formState.errors;
  const text = (err: { message?: string } | undefined) => err?.message;

  const onSubmit = form.handleSubmit(async (v) => {
    create.reset();
    const r = await create.mutateAsync(v).catch(() => null);
    if (!r) return;
    await queryClient.invalidateQueries(trpc.student.search.pathFilter());
    onCreated({
      id: r.studentId,
      fullName: v.fullName.normalize('NFC'),
      birthDate: v.birthDate ?? null,
      gender: v.gender ?? null,
      moetCode: v.moetCode ?? null,
      schoolId: school.id,
      schoolName: school.name,
      classId: v.classId ?? null,
      className: classes.find((c) => c.value === v.classId)?.label ?? null,
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="new-student-form">
      <Stack gap="sm">
        <TextInput label={t('newStudent.school')} value={school.name} readOnly />
        <Controller
          control={control}
          name="classId"
          render={({ field }) => (
            <Select
              label={t('newStudent.className')}
              placeholder={t('newStudent.classPlaceholder')}
              description={t('newStudent.classHint')}
              data={classes}
              value={(field.value as string) || null}
              onChange={(v) => field.onChange(v ?? '')}
              clearable
              error={text(e.classId)}
            />
          )}
        />
        <TextInput
          label={t('newStudent.fullName')}
          withAsterisk
          autoComplete="off"
          error={text(e.fullName)}
          {...register('fullName')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('newStudent.birthDate')}
            error={text(e.birthDate)}
            {...register('birthDate')}
          />
          <Controller
            control={control}
            name="gender"
            render={({ field }) => (
              <Radio.Group
                label={t('newStudent.gender')}
                value={(field.value as string) ?? ''}
                onChange={field.onChange}
                error={text(e.gender)}
              >
                <Group gap="md" mt={8}>
                  <Radio value="MALE" label={t('newStudent.male')} />
                  <Radio value="FEMALE" label={t('newStudent.female')} />
                </Group>
              </Radio.Group>
            )}
          />
          <TextInput label={t('newStudent.ethnicity')} error={text(e.ethnicity)} {...register('ethnicity')} />
          <TextInput
            label={t('newStudent.moetCode')}
            inputMode="numeric"
            error={text(e.moetCode)}
            {...register('moetCode')}
          />
        </SimpleGrid>
        {create.error && (
          <Alert color="red" data-testid="new-student-error">
            {t('newStudent.failed', { message: errorMessage(create.error) })}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('newStudent.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('newStudent.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
