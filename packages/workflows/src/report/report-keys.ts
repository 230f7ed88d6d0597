// Idempotency keys of a report's steps: one home, as task-ids.ts is for the case. No key is a
// prefix of another followed by ':' (audiences append ':<ROLE>').
export const reportKeys = {
  register: (r: string) => `report:${r}:register`,
  open: (r: string) => `report:${r}:open`,
  refresh: (r: string, version: number) => `report:${r}:v${version}:refresh`,
  edit: (r: string, version: number) => `report:${r}:v${version}:edit`,
  // A return sends the same version back to be signed again: the review round tells the two
  // signatures apart (`reviews` = the office's decisions so far).
  sign: (r: string, version: number, reviews: number) => `report:${r}:v${version}:sign-${reviews}`,
  submit: (r: string, n: number) => `report:${r}:submit-${n}`,
  review: (r: string, n: number) => `report:${r}:review-${n}`,
  remind: (r: string) => `report:${r}:remind`,
  escalate: (r: string) => `report:${r}:escalate`,
};
