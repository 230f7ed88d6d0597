import { Title } from '@mantine/core';

/** Placeholder until the screen is built. */
export default function CasePage() {
  return <Title order={2}>CasePage</Title>;
}
