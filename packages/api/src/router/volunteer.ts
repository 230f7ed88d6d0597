import { coordinator, onSchool } from '../access/rules';
import { managerOfTeacher, teacher } from '../access/volunteer-rules';
import { listVolunteers } from '../operations/volunteer/list-volunteers';
import { readMyVolunteering } from '../operations/volunteer/read-volunteer';
import {
  registerVolunteer,
  setTeacherCapacity,
  stopVolunteering,
} from '../operations/volunteer/save-volunteer';
import { suggestHelpers } from '../operations/volunteer/suggest-helpers';
import { createRouter, guarded } from '../trpc';
import {
  listVolunteersInput,
  myVolunteeringInput,
  registerVolunteerInput,
  setCapacityInput,
  stopVolunteeringInput,
  suggestHelpersInput,
} from './volunteer.schema';

export const volunteerRouter = createRouter({
  /** A teacher volunteers, changes what they take on, or withdraws (capacity 0). */
  register: guarded(teacher, registerVolunteerInput).mutation(({ ctx, input }) =>
    registerVolunteer(ctx, input),
  ),
  /** setup: no new cases from now on; the ones held go on. */
  stop: guarded(teacher, stopVolunteeringInput).mutation(({ ctx }) => stopVolunteering(ctx)),
  me: guarded(teacher, myVolunteeringInput).query(({ ctx }) => readMyVolunteering(ctx)),
  /** Offices above the school plan the campaign with it too; the list names teachers, never children. */
  list: guarded(
    onSchool(['SCHOOL_COORDINATOR', 'PRINCIPAL', 'OFFICE_COORDINATOR'], 'school:manager-or-office'),
    listVolunteersInput,
  ).query(({ ctx, input }) => listVolunteers(ctx, input.schoolId)),
  setCapacity: guarded(managerOfTeacher, setCapacityInput).mutation(({ ctx, input }) =>
    setTeacherCapacity(ctx, input),
  ),
  suggest: guarded(coordinator, suggestHelpersInput).query(({ ctx, input }) =>
    suggestHelpers(ctx, input.caseId, input.limit),
  ),
});
