import { Title } from '@mantine/core';

/** Placeholder until the screen is built. */
export default function OverviewPage() {
  return <Title order={2}>OverviewPage</Title>;
}
