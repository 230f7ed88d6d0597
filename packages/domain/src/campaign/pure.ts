// The zod-free part of the campaign module, for workflow code (deterministic sandbox):
// import from here, never from ./schema at run time.
export * from './calendar';
export * from './clock';
export * from './dates';
export * from './defaults';
export * from './eligibility';
export type {
  CampaignSettings,
  CampaignSettingsInput,
  Holiday,
  ReportDeadline,
  ReportRoundsSettings,
  SchoolCalendar,
  SchoolWeek,
} from './schema';
export * from './supports';
export * from './term';
