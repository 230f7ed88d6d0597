import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTRPC } from '../trpc';

/**
 * The server's calendar today ('YYYY-MM-DD', from `auth.me`): DONGHANH_TODAY when the server pins
 * a day, else its wall clock's. Date fields default to it, not to the browser's date, so a form
 * and the server's legal-date checks count from the same day. The browser's day until `me` loads.
 */
export function useCalendarToday(): string {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 }));
  return me.data?.today ?? dayjs().format('YYYY-MM-DD');
}

/** Now, moved onto the calendar's today: the browser's time of day on `today` (an instant, ISO). */
export function calendarNow(today: string): string {
  const now = dayjs();
  return now.add(dayjs(today).diff(dayjs(now.format('YYYY-MM-DD')), 'day'), 'day').toISOString();
}

/** The same, as a datetime-local field's value ('YYYY-MM-DDTHH:mm', the person's wall time). */
export function calendarNowLocal(today: string): string {
  return `${today}T${dayjs().format('HH:mm')}`;
}
