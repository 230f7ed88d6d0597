/**
 * Fields in error in a form, in document order: Mantine marks an input `aria-invalid`; a group
 * (radios, checkboxes) shows its message under its wrapper without marking each control.
 */
const IN_ERROR = '[aria-invalid="true"], .mantine-InputWrapper-error';

/**
 * After a submit that did not pass: bring the first field in error to the middle of the screen
 * and put the cursor in it. On a phone the message under the button is a screen and a half
 * below the red field; every form calls this, none scrolls on its own.
 */
export function focusFirstError(root: ParentNode | null | undefined): HTMLElement | null {
  const first = root?.querySelector<HTMLElement>(IN_ERROR);
  if (!first) return null;
  const control =
    first.matches('[aria-invalid="true"]') || !first.closest('.mantine-InputWrapper-root')
      ? first
      : (first
          .closest('.mantine-InputWrapper-root')
          ?.querySelector<HTMLElement>('input, textarea, select, button') ?? first);
  control.scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
  return control;
}
