import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// Prisma 6.19 with its JavaScript schema engine: the native engines would be downloaded from a
// host that our machines cannot reach. DATABASE_URL must be set whenever the CLI runs
// (scripts/prisma.mjs sets a placeholder for `generate`, which never connects).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? '' }),
});
