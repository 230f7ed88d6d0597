-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "familySealed" TEXT;

