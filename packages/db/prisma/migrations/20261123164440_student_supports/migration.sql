-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "supports" TEXT[] DEFAULT ARRAY[]::TEXT[];

