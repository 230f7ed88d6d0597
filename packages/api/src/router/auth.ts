import { admin, signedIn } from '../access/rules';
import { adminResetPassword, changePassword } from '../auth/change-password';
import { currentUser, signIn, signOut } from '../auth/sign-in';
import { createRouter, guarded, publicProcedure } from '../trpc';
import { adminResetPasswordInput, changePasswordInput, signInInput } from './auth.schema';

/** Sign-in and the session; the bodies live in src/auth/. */
export const authRouter = createRouter({
  signIn: publicProcedure.input(signInInput).mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: publicProcedure.mutation(({ ctx }) => signOut(ctx)),
  me: publicProcedure.query(({ ctx }) => currentUser(ctx)),
  changePassword: guarded(signedIn, changePasswordInput).mutation(({ ctx, input }) =>
    changePassword(ctx, input),
  ),
  adminResetPassword: guarded(admin, adminResetPasswordInput).mutation(({ ctx, input }) =>
    adminResetPassword(ctx, input),
  ),
});
