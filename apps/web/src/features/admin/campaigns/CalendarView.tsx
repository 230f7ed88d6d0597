import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Calendar } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { isoDay } from '../format';
import { NS } from '../strings';
import type { CampaignDetail } from '../types';

type Settings = NonNullable<CampaignDetail['settings']>;
type Derived = NonNullable<CampaignDetail['calendar']>;

const COLORS = {
  holiday: { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)' },
  // a11y: the readable filled tones (main.tsx), white text at ≥ 4.5:1
  due: { background: 'var(--mantine-color-blue-filled)', color: 'white' },
  report: { background: 'var(--mantine-color-orange-filled)', color: 'white' },
  bound: { background: 'var(--mantine-color-teal-1)', color: 'var(--mantine-color-teal-9)' },
} as const;
type Mark = keyof typeof COLORS;

/** What a day is in the year: the marks the month grid colours, strongest first. */
function marksOf(settings: Settings, derived: Derived) {
  const marks = new Map<string, Mark>();
  const cal = settings.calendar;
  for (const d of [cal.yearStart, cal.semester1End, cal.semester2Start, cal.yearEnd]) marks.set(d, 'bound');
  for (const h of cal.holidays) {
    // Holidays are short blocks (Tết is about ten days): walking them day by day is cheap.
    for (
      let d = new Date(`${h.from}T00:00:00Z`);
      d <= new Date(`${h.to}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    )
      marks.set(d.toISOString().slice(0, 10), 'holiday');
  }
  for (const c of derived.checkIns) marks.set(c.dueOn, 'due');
  for (const r of settings.reportDeadlines) marks.set(r.due, 'report');
  return marks;
}

function Swatch({ mark, label }: { mark: Mark; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 14,
          height: 14,
          borderRadius: 3,
          background: COLORS[mark].background,
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** The school year at a glance: a month grid with holidays, due days and report deadlines marked. */
export function CalendarView({ settings, derived }: { settings: Settings; derived: Derived }) {
  const { t } = useTranslation(NS);
  const wide = useMediaQuery('(min-width: 62em)');
  const marks = marksOf(settings, derived);
  return (
    <Card withBorder data-testid="campaign-calendar">
      <Stack gap="sm">
        <Title order={4}>{t('calendar.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {derived.semesters.map((s) => (
            <Card key={s.semester} withBorder padding="xs">
              <Text fw={600} size="sm">
                {t('calendar.semester', { n: s.semester === 1 ? 'I' : 'II' })}
              </Text>
              <Text size="sm">
                {isoDay(s.start)} – {isoDay(s.end)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('calendar.schoolDays', { count: s.schoolDays })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Group gap="md" wrap="wrap" aria-label={t('calendar.legend')}>
          <Swatch mark="bound" label={t('calendar.yearBounds')} />
          <Swatch mark="holiday" label={t('calendar.holiday')} />
          <Swatch mark="due" label={t('calendar.due')} />
          <Swatch mark="report" label={t('calendar.report')} />
        </Group>
        <Calendar
          static
          defaultDate={settings.calendar.yearStart}
          numberOfColumns={wide ? 3 : 1}
          minDate={settings.calendar.yearStart.slice(0, 8).concat('01')}
          maxDate={derived.checkIns.at(-1)?.escalateOn ?? settings.calendar.yearEnd}
          firstDayOfWeek={1}
          hideOutsideDates
          previousLabel={t('calendar.previous')}
          nextLabel={t('calendar.next')}
          getDayProps={(date) => {
            const mark = marks.get(date);
            return mark
              ? {
                  style: {
                    backgroundColor: COLORS[mark].background,
                    color: COLORS[mark].color,
                    fontWeight: 600,
                  },
                }
              : {};
          }}
        />
        <div>
          <Text fw={600} size="sm">
            {t('calendar.reports')}
          </Text>
          {derived.reportRounds.map((r) => (
            <Group key={r.round} gap="xs">
              <Badge variant="light" color="orange">
                {t('calendar.round', { n: r.round })}
              </Badge>
              <Text size="sm">
                {r.name} — {isoDay(r.due)}
              </Text>
            </Group>
          ))}
        </div>
        {settings.calendar.holidays.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              {t('settings.holidays')}
            </Text>
            {settings.calendar.holidays.map((h) => (
              <Text size="sm" key={`${h.from}-${h.name}`}>
                {h.name}: {isoDay(h.from)}
                {h.to !== h.from && ` – ${isoDay(h.to)}`}
              </Text>
            ))}
          </div>
        )}
      </Stack>
    </Card>
  );
}
