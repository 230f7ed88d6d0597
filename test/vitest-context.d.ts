// What the global test setup provides to every test file (inject('…')).
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    temporalCli: string;
  }
}
