import {
  CASE_CATEGORIES,
  CASE_CATEGORY_LABELS,
  type CampaignSettings,
  type CampaignSettingsInput,
  campaignSettingsSchema,
  DEFAULT_PRIVACY_SETTINGS,
  REPORT_ROUNDS_DEFAULT,
  SUPPORT_KIND_LABELS,
  SUPPORT_KINDS,
} from '@donghanh/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type Control, Controller, type FieldPath, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type FieldIssue, parseViDate, pick } from '../format';
import { NS } from '../strings';

type Form = CampaignSettingsInput;

interface Props {
  settings: CampaignSettings;
  readOnly: boolean;
  saving: boolean;
  /** Returns the server's issues when it refused (CALENDAR_INVALID), to place next to the fields. */
  onSave: (settings: CampaignSettings) => Promise<FieldIssue[]>;
}

const NUMBER_FIELDS = [
  'checkInDay',
  'reminderDaysBefore',
  'escalationDaysAfter',
  'assignmentResponseDays',
  'screeningDays',
] as const;
const DATE_FIELDS = ['yearStart', 'semester1End', 'semester2Start', 'yearEnd'] as const;
/** Retention and answer deadlines under the personal-data law (docs/data-protection.md). */
const PRIVACY_FIELDS = [
  'retention.schoolYearsAfterClosure',
  'accessAnswerHours',
  'correctionAnswerHours',
] as const;

/** Report rounds (issue 12): when each school's report opens, is reminded and escalated. */
const REPORT_ROUND_FIELDS = ['opensDaysBefore', 'reminderDaysBefore', 'escalationDaysAfter'] as const;

/** Paths the form shows in place; a server issue elsewhere goes to the list above the buttons. */
function isPlaced(path: string[], holidays: number): boolean {
  const [a, b, c, d] = path;
  if (a === 'categories' || a === 'excludedSupports' || a === 'pilotCapPerClass') return true;
  if (
    a === 'privacy' &&
    b !== undefined &&
    PRIVACY_FIELDS.some((f) => f === [b, c].filter(Boolean).join('.'))
  )
    return true;
  if (NUMBER_FIELDS.some((f) => f === a)) return true;
  if (a === 'calendar' && (DATE_FIELDS.some((f) => f === b) || b === 'schoolWeek')) return true;
  if (a === 'calendar' && b === 'holidays' && c !== undefined && Number(c) < holidays)
    return d === undefined || d === 'name' || d === 'from' || d === 'to';
  if (a === 'reportDeadlines' && (c === undefined || c === 'name' || c === 'due')) return b !== undefined;
  if (a === 'reportRounds' && REPORT_ROUND_FIELDS.some((f) => f === b)) return true;
  return false;
}

/** The campaign's settings as a form, checked with the domain's schema before sending. */
export function SettingsForm({ settings, readOnly, saving, onSave }: Props) {
  const { t, i18n } = useTranslation(NS);
  const form = useForm<Form, unknown, CampaignSettings>({
    resolver: zodResolver(campaignSettingsSchema),
    // Settings saved before the privacy block existed show (and then save) its documented defaults.
    defaultValues: {
      ...settings,
      privacy: settings.privacy ?? DEFAULT_PRIVACY_SETTINGS,
      // Report rounds (issue 12): settings saved before they existed show the defaults.
      reportRounds: settings.reportRounds ?? REPORT_ROUNDS_DEFAULT,
    },
    disabled: readOnly,
  });
  const holidays = useFieldArray({ control: form.control, name: 'calendar.holidays' });
  const errors = form.formState.errors;
  const other = (form.formState.errors.root?.server?.message ?? '').split('\n').filter(Boolean);

  const submit = form.handleSubmit(async (value) => {
    const issues = await onSave(value);
    const unplaced: string[] = [];
    for (const issue of issues) {
      if (isPlaced(issue.path, holidays.fields.length))
        form.setError(issue.path.join('.') as FieldPath<Form>, { type: 'server', message: issue.message });
      else unplaced.push(issue.message);
    }
    if (unplaced.length) form.setError('root.server', { type: 'server', message: unplaced.join('\n') });
  });
  const invalid = Object.keys(errors).length > 0;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="settings-form">
      <Stack gap="md">
        <Fieldset legend={t('settings.rhythm')} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {NUMBER_FIELDS.map((name) => (
              <NumberField
                key={name}
                control={form.control}
                name={name}
                label={t(`settings.${name}`)}
                description={name === 'checkInDay' ? t('settings.checkInDayHint') : undefined}
                error={errors[name]?.message}
              />
            ))}
            <Controller
              control={form.control}
              name="pilotCapPerClass"
              render={({ field }) => (
                <NumberInput
                  label={t('settings.pilotCapPerClass')}
                  value={field.value ?? ''}
                  onChange={(v) => field.onChange(v === '' ? null : Number(v))}
                  onBlur={field.onBlur}
                  min={1}
                  allowDecimal={false}
                  error={errors.pilotCapPerClass?.message}
                />
              )}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('settings.privacy')} disabled={readOnly} data-testid="privacy-settings">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {PRIVACY_FIELDS.map((name) => {
              const path = `privacy.${name}` as const;
              const error =
                name === 'retention.schoolYearsAfterClosure'
                  ? errors.privacy?.retention?.schoolYearsAfterClosure?.message
                  : errors.privacy?.[name]?.message;
              return (
                <Controller
                  key={name}
                  control={form.control}
                  name={path}
                  render={({ field }) => (
                    <NumberInput
                      label={t(`settings.privacyFields.${name.replace('.', '_')}`)}
                      value={
                        typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : ''
                      }
                      onChange={(v) => field.onChange(v === '' ? Number.NaN : Number(v))}
                      onBlur={field.onBlur}
                      allowDecimal={false}
                      error={error}
                      disabled={field.disabled}
                    />
                  )}
                />
              );
            })}
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('settings.eligibility')} disabled={readOnly}>
          <Stack gap="sm">
            <Controller
              control={form.control}
              name="categories"
              render={({ field }) => (
                <MultiSelect
                  label={t('settings.categories')}
                  data={CASE_CATEGORIES.map((c) => ({
                    value: c,
                    label: pick(CASE_CATEGORY_LABELS[c], i18n.language),
                  }))}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.categories?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name="excludedSupports"
              render={({ field }) => (
                <MultiSelect
                  label={t('settings.excludedSupports')}
                  data={SUPPORT_KINDS.map((s) => ({
                    value: s,
                    label: pick(SUPPORT_KIND_LABELS[s], i18n.language),
                  }))}
                  value={field.value ?? []}
                  onChange={field.onChange}
                  error={errors.excludedSupports?.message}
                />
              )}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('settings.calendar')} disabled={readOnly}>
          <Stack gap="sm">
            <Controller
              control={form.control}
              name="calendar.schoolWeek"
              render={({ field }) => (
                <Select
                  label={t('settings.schoolWeek')}
                  data={[
                    { value: 'mon-fri', label: t('settings.monFri') },
                    { value: 'mon-sat', label: t('settings.monSat') },
                  ]}
                  value={field.value ?? 'mon-fri'}
                  onChange={(v) => field.onChange(v ?? 'mon-fri')}
                  allowDeselect={false}
                  maw={320}
                  disabled={readOnly}
                />
              )}
            />
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
              {DATE_FIELDS.map((name) => (
                <DateField
                  key={name}
                  control={form.control}
                  name={`calendar.${name}`}
                  label={t(`settings.${name}`)}
                  error={errors.calendar?.[name]?.message}
                  disabled={readOnly}
                />
              ))}
            </SimpleGrid>
            <Text fw={500} size="sm">
              {t('settings.holidays')}
            </Text>
            {holidays.fields.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('settings.noHolidays')}
              </Text>
            )}
            {holidays.fields.map((h, i) => {
              const e = errors.calendar?.holidays?.[i];
              return (
                <Stack key={h.id} gap={2} data-testid={`holiday-${i}`}>
                  <Group align="flex-start" gap="xs" wrap="wrap">
                    <TextInput
                      label={t('settings.holidayName')}
                      {...form.register(`calendar.holidays.${i}.name`)}
                      error={e?.name?.message}
                      style={{ flex: 2, minWidth: 200 }}
                    />
                    <DateField
                      control={form.control}
                      name={`calendar.holidays.${i}.from`}
                      label={t('settings.from')}
                      error={e?.from?.message}
                      disabled={readOnly}
                    />
                    <DateField
                      control={form.control}
                      name={`calendar.holidays.${i}.to`}
                      label={t('settings.to')}
                      error={e?.to?.message}
                      disabled={readOnly}
                    />
                    {!readOnly && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={26}
                        aria-label={t('settings.removeHoliday')}
                        onClick={() => holidays.remove(i)}
                      >
                        ✕
                      </ActionIcon>
                    )}
                  </Group>
                  {e?.message && (
                    <Text c="red" size="xs" role="alert">
                      {e.message}
                    </Text>
                  )}
                </Stack>
              );
            })}
            {!readOnly && (
              <Group>
                <Button
                  variant="light"
                  size="xs"
                  onClick={() =>
                    holidays.append({
                      name: '',
                      from: form.getValues('calendar.yearStart'),
                      to: form.getValues('calendar.yearStart'),
                    })
                  }
                >
                  {t('settings.addHoliday')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('settings.reportDeadlines')} disabled={readOnly}>
          <Stack gap="xs">
            {[0, 1].map((i) => {
              const e = errors.reportDeadlines?.[i];
              return (
                <Group key={i} align="flex-start" gap="xs" wrap="wrap">
                  <TextInput
                    label={`${t('settings.reportName')} ${i + 1}`}
                    {...form.register(`reportDeadlines.${i}.name`)}
                    error={e?.name?.message ?? e?.message}
                    style={{ flex: 2, minWidth: 200 }}
                  />
                  <DateField
                    control={form.control}
                    name={`reportDeadlines.${i}.due`}
                    label={`${t('settings.reportDue')} ${i + 1}`}
                    error={e?.due?.message}
                    disabled={readOnly}
                  />
                </Group>
              );
            })}
            {errors.reportDeadlines?.message && (
              <Text c="red" size="xs">
                {errors.reportDeadlines.message}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="report-round-settings">
              {REPORT_ROUND_FIELDS.map((name) => (
                <Controller
                  key={name}
                  control={form.control}
                  name={`reportRounds.${name}`}
                  render={({ field }) => (
                    <NumberInput
                      label={t(`settings.reportRounds.${name}`)}
                      value={
                        typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : ''
                      }
                      onChange={(v) => field.onChange(v === '' ? Number.NaN : Number(v))}
                      onBlur={field.onBlur}
                      allowDecimal={false}
                      error={errors.reportRounds?.[name]?.message}
                      disabled={field.disabled}
                    />
                  )}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Fieldset>

        {(errors.schoolYear?.message || other.length > 0) && (
          <Alert color="red" title={t('settings.other')} data-testid="settings-other-issues">
            <List size="sm">
              {errors.schoolYear?.message && <List.Item>{errors.schoolYear.message}</List.Item>}
              {other.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {invalid && (
          <Text c="red" size="sm" role="alert" data-testid="settings-invalid">
            {t('settings.fixBelow')}
          </Text>
        )}
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              {t('settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function NumberField({
  control,
  name,
  label,
  description,
  error,
}: {
  control: Control<Form, unknown, CampaignSettings>;
  name: (typeof NUMBER_FIELDS)[number];
  label: string;
  description?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          description={description}
          value={field.value}
          // An emptied field is sent as NaN, so the schema's "must be a number" message shows.
          onChange={(v) => field.onChange(v === '' ? Number.NaN : Number(v))}
          onBlur={field.onBlur}
          allowDecimal={false}
          error={error}
          disabled={field.disabled}
        />
      )}
    />
  );
}

function DateField({
  control,
  name,
  label,
  error,
  disabled,
}: {
  control: Control<Form, unknown, CampaignSettings>;
  name: FieldPath<Form>;
  label: string;
  error?: string | undefined;
  disabled: boolean;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          label={label}
          valueFormat="DD/MM/YYYY"
          dateParser={parseViDate}
          value={typeof field.value === 'string' ? field.value : null}
          onChange={(v) => field.onChange(v ?? '')}
          onBlur={field.onBlur}
          error={error}
          disabled={disabled}
          miw={150}
        />
      )}
    />
  );
}
