import { Title } from '@mantine/core';

/** Placeholder until the screen is built. */
export default function CoordinationPage() {
  return <Title order={2}>CoordinationPage</Title>;
}
