-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "proposalReason" TEXT;

