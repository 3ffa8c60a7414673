-- The trace context of the work that wrote an event, continued by its delivery job.
ALTER TABLE "OutboxEvent" ADD COLUMN "trace" JSONB;
