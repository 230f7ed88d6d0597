import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTRPC } from '../../trpc';

const collator = new Intl.Collator('vi', { numeric: true });

/**
 * No procedure lists a school's classes, so they are read off the school's students (a
 * coordinator's search sees the whole school): a class with no student yet is not offered.
 */
export function useSchoolClasses(schoolId: string | null) {
  const trpc = useTRPC();
  const students = useQuery({
    ...trpc.student.search.queryOptions({ q: '', limit: 200 }),
    enabled: schoolId !== null,
  });
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of students.data ?? [])
      if (s.schoolId === schoolId && s.classId && s.className) seen.set(s.classId, s.className);
    return [...seen]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [students.data, schoolId]);
}
