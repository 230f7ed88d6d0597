import { Title } from '@mantine/core';

/** Placeholder until the screen is built. */
export default function IdentifyPage() {
  return <Title order={2}>IdentifyPage</Title>;
}
