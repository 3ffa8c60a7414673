-- A password someone else generated (new staff, a reset, a console-created owner) must be
-- replaced by the user's own before anything else.
ALTER TABLE "User" ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;
