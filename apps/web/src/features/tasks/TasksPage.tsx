import { Title } from '@mantine/core';

/** Placeholder until the screen is built. */
export default function TasksPage() {
  return <Title order={2}>TasksPage</Title>;
}
