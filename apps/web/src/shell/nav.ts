import type { Session } from './session';

export interface NavItem {
  path: string;
  /** key in the core strings, under `nav.` */
  label:
    | 'board'
    | 'tasks'
    | 'identify'
    | 'signOff'
    | 'coordination'
    | 'overview'
    | 'admin'
    | 'students'
    | 'reports'
    // setup (issue 14)
    | 'volunteer'
    // wall: the wall display (issue 14)
    | 'displays';
  visible: (s: Session) => boolean;
}

/** What each role finds in the menu; the server still decides what each page may read. */
export const NAV: NavItem[] = [
  {
    path: '/board',
    label: 'board',
    visible: (s) =>
      s.hasRole('SCHOOL_COORDINATOR', 'PRINCIPAL', 'OFFICE_COORDINATOR', 'TEACHER', 'HOMEROOM_TEACHER'),
  },
  { path: '/tasks', label: 'tasks', visible: () => true },
  {
    path: '/identify',
    label: 'identify',
    visible: (s) => s.hasRole('TEACHER', 'HOMEROOM_TEACHER', 'SCHOOL_COORDINATOR', 'PRINCIPAL'),
  },
  { path: '/sign-off', label: 'signOff', visible: (s) => s.hasRole('PRINCIPAL') },
  {
    path: '/coordination',
    label: 'coordination',
    visible: (s) => s.hasRole('SCHOOL_COORDINATOR', 'PRINCIPAL'),
  },
  {
    path: '/overview',
    label: 'overview',
    visible: (s) => s.hasRole('OFFICE_COORDINATOR', 'SCHOOL_COORDINATOR', 'PRINCIPAL'),
  },
  // Report rounds (issue 12, parts 2–4)
  {
    path: '/reports',
    label: 'reports',
    visible: (s) => s.hasRole('OFFICE_COORDINATOR', 'SCHOOL_COORDINATOR', 'PRINCIPAL', 'ADMIN'),
  },
  { path: '/admin', label: 'admin', visible: (s) => s.hasRole('ADMIN', 'OFFICE_COORDINATOR') },
  // class-list import and the new school year (issue 12, part 1)
  {
    path: '/students',
    label: 'students',
    visible: (s) => s.hasRole('SCHOOL_COORDINATOR', 'PRINCIPAL', 'ADMIN'),
  },
  // setup: a teacher volunteers for the campaign (issue 14)
  { path: '/volunteer', label: 'volunteer', visible: (s) => s.hasRole('TEACHER', 'HOMEROOM_TEACHER') },
  // wall: the wall display (issue 14)
  {
    path: '/displays',
    label: 'displays',
    visible: (s) => s.hasRole('SCHOOL_COORDINATOR', 'PRINCIPAL', 'OFFICE_COORDINATOR'),
  },
];
