import { Title } from '@mantine/core';

/** Placeholder until the screen is built. */
export default function SignOffPage() {
  return <Title order={2}>SignOffPage</Title>;
}
