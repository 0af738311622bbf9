-- Sources and quotations: footnotes as a passage kind, who wrote each source revision, full-text search over
-- map nodes and source passages, and an anchor status that only changes with the quotation itself.

-- AlterEnum
ALTER TYPE "PassageKind" ADD VALUE 'footnote';

-- Full-text search. Generated columns (english configuration), so no write path can forget to update them;
-- the app only reads them. A node is found by its text and, for evidence, by the quoted words.
ALTER TABLE "nodes" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce("text", '') || ' ' || coalesce("quote_exact", ''))) STORED;

ALTER TABLE "passages" ADD COLUMN "search_vector" tsvector
  GENERATED ALWAYS AS (to_tsvector('english'::regconfig, "text")) STORED;

-- CreateIndex
CREATE INDEX "nodes_search_vector_idx" ON "nodes" USING GIN ("search_vector");

-- CreateIndex
CREATE INDEX "passages_search_vector_idx" ON "passages" USING GIN ("search_vector");

-- AlterTable
ALTER TABLE "source_revisions" ADD COLUMN "author_id" UUID;

-- AddForeignKey
ALTER TABLE "source_revisions" ADD CONSTRAINT "source_revisions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The graph writer rewrites every column of a node it updates and says 'placed' for any quotation. An
-- unplaced quotation must stay flagged when only its caption or position changes, so the status may change
-- only together with the quotation, or when re-anchoring (which sets counterpoint.reanchoring for its
-- transaction) says so.
CREATE FUNCTION "nodes_keep_anchor_status"() RETURNS trigger AS $$
BEGIN
  IF NEW."anchor_status" IS DISTINCT FROM OLD."anchor_status"
     AND (NEW."source_id", NEW."quote_exact", NEW."quote_prefix", NEW."quote_suffix", NEW."quote_start", NEW."quote_end")
         IS NOT DISTINCT FROM (OLD."source_id", OLD."quote_exact", OLD."quote_prefix", OLD."quote_suffix", OLD."quote_start", OLD."quote_end")
     AND coalesce(current_setting('counterpoint.reanchoring', true), '') <> 'on' THEN
    NEW."anchor_status" := OLD."anchor_status";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "nodes_keep_anchor_status" BEFORE UPDATE ON "nodes"
  FOR EACH ROW EXECUTE FUNCTION "nodes_keep_anchor_status"();
