-- The rehearsal of docs/scaling.md §3 on a copy of the 1M benchmark database (PostgreSQL 15):
-- psql -d <copy> -f docs/scaling-history-partitioning.sql. The cut-over (2027-01-01) lies after every row.
\timing on
\set ON_ERROR_STOP on
-- Step 1: the key must include the partition key. Built without blocking writers, then swapped in.
CREATE UNIQUE INDEX CONCURRENTLY "UX_LeadStatusChanges_Id_At" ON "LeadStatusChanges" ("Id", "At");
ALTER TABLE "LeadStatusChanges" DROP CONSTRAINT "PK_LeadStatusChanges",
    ADD CONSTRAINT "PK_LeadStatusChanges" PRIMARY KEY USING INDEX "UX_LeadStatusChanges_Id_At";

-- Step 2: prove every row lies before the cut-over, without blocking writers.
ALTER TABLE "LeadStatusChanges" ADD CONSTRAINT "CK_LeadStatusChanges_BeforeCut" CHECK ("At" < '2027-01-01') NOT VALID;
ALTER TABLE "LeadStatusChanges" VALIDATE CONSTRAINT "CK_LeadStatusChanges_BeforeCut";

-- Step 3: in one transaction, the old table becomes the first partition of a new parent.
BEGIN;
ALTER TABLE "LeadStatusChanges" RENAME TO "LeadStatusChanges_Before2027";
ALTER TABLE "LeadStatusChanges_Before2027" RENAME CONSTRAINT "PK_LeadStatusChanges" TO "PK_LeadStatusChanges_Before2027";
ALTER INDEX "IX_LeadStatusChanges_At_PersonId_FromId_WasActive_ToId_Active_~" RENAME TO "IX_LSC_Before2027_At";
ALTER INDEX "IX_LeadStatusChanges_BecameLead_At_PersonId_Reverted" RENAME TO "IX_LSC_Before2027_BecameLead";
ALTER INDEX "IX_LeadStatusChanges_FromId" RENAME TO "IX_LSC_Before2027_FromId";
ALTER INDEX "IX_LeadStatusChanges_JobId_JobKind_PersonId" RENAME TO "IX_LSC_Before2027_JobId";
ALTER INDEX "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt~" RENAME TO "IX_LSC_Before2027_PersonId";
ALTER INDEX "IX_LeadStatusChanges_ToId" RENAME TO "IX_LSC_Before2027_ToId";
ALTER INDEX "IX_LeadStatusChanges_UserId" RENAME TO "IX_LSC_Before2027_UserId";
-- The ids keep coming from the old table's sequence.
ALTER TABLE "LeadStatusChanges_Before2027" ALTER COLUMN "Id" DROP IDENTITY IF EXISTS;
CREATE SEQUENCE "LeadStatusChanges_Id_seq";
SELECT setval('"LeadStatusChanges_Id_seq"', (SELECT max("Id") FROM "LeadStatusChanges_Before2027"));
CREATE TABLE "LeadStatusChanges" (LIKE "LeadStatusChanges_Before2027" INCLUDING DEFAULTS) PARTITION BY RANGE ("At");
ALTER TABLE "LeadStatusChanges" ALTER COLUMN "Id" SET DEFAULT nextval('"LeadStatusChanges_Id_seq"');
ALTER SEQUENCE "LeadStatusChanges_Id_seq" OWNED BY "LeadStatusChanges"."Id";
ALTER TABLE "LeadStatusChanges" ADD CONSTRAINT "PK_LeadStatusChanges" PRIMARY KEY ("Id", "At");
CREATE INDEX "IX_LeadStatusChanges_At_PersonId_FromId_WasActive_ToId_Active_~" ON "LeadStatusChanges" ("At", "PersonId", "FromId", "WasActive", "ToId", "Active", "FromSince", "Reverted");
CREATE INDEX "IX_LeadStatusChanges_BecameLead_At_PersonId_Reverted" ON "LeadStatusChanges" ("BecameLead", "At", "PersonId", "Reverted");
CREATE INDEX "IX_LeadStatusChanges_FromId" ON "LeadStatusChanges" ("FromId");
CREATE INDEX "IX_LeadStatusChanges_JobId_JobKind_PersonId" ON "LeadStatusChanges" ("JobId", "JobKind", "PersonId");
CREATE INDEX "IX_LeadStatusChanges_PersonId_At_ToId_BecameLead_FirstChangeAt~" ON "LeadStatusChanges" ("PersonId", "At", "ToId", "BecameLead", "FirstChangeAt", "Reverted") INCLUDE ("Id");
CREATE INDEX "IX_LeadStatusChanges_ToId" ON "LeadStatusChanges" ("ToId");
CREATE INDEX "IX_LeadStatusChanges_UserId" ON "LeadStatusChanges" ("UserId");
ALTER TABLE "LeadStatusChanges" ATTACH PARTITION "LeadStatusChanges_Before2027" FOR VALUES FROM (MINVALUE) TO ('2027-01-01');

-- Step 4: the coming months, each with the foreign keys; the trigger moves to the parent.
CREATE TABLE "LeadStatusChanges_2027_01" PARTITION OF "LeadStatusChanges" FOR VALUES FROM ('2027-01-01') TO ('2027-02-01');
ALTER TABLE "LeadStatusChanges_2027_01"
    ADD CONSTRAINT "FK_LeadStatusChanges_2027_01_FromId" FOREIGN KEY ("FromId") REFERENCES "LeadStatuses"("Id") ON DELETE RESTRICT,
    ADD CONSTRAINT "FK_LeadStatusChanges_2027_01_ToId" FOREIGN KEY ("ToId") REFERENCES "LeadStatuses"("Id") ON DELETE RESTRICT,
    ADD CONSTRAINT "FK_LeadStatusChanges_2027_01_PersonId" FOREIGN KEY ("PersonId") REFERENCES "Persons"("Id") ON DELETE CASCADE,
    ADD CONSTRAINT "FK_LeadStatusChanges_2027_01_UserId" FOREIGN KEY ("UserId") REFERENCES "Users"("Id") ON DELETE SET NULL;
DROP TRIGGER "LeadStatusChanges_FirstChangeAt" ON "LeadStatusChanges_Before2027";
CREATE TRIGGER "LeadStatusChanges_FirstChangeAt" AFTER INSERT ON "LeadStatusChanges" FOR EACH ROW EXECUTE FUNCTION lead_status_changes_first_change();
COMMIT;

-- What the attach cost: indexes attached, not rebuilt?
SELECT c.relname, i.indisvalid FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid JOIN pg_index i ON i.indexrelid = c.oid
WHERE h.inhparent IN (SELECT oid FROM pg_class WHERE relname LIKE 'IX_LeadStatusChanges%' OR relname = 'PK_LeadStatusChanges') ORDER BY 1;
