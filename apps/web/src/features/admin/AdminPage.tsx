import { Title } from '@mantine/core';

/** Placeholder until the screen is built. */
export default function AdminPage() {
  return <Title order={2}>AdminPage</Title>;
}
