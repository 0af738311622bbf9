-- CreateEnum
CREATE TYPE "Role" AS ENUM ('owner', 'editor', 'commenter', 'viewer');

-- CreateEnum
CREATE TYPE "NodeKind" AS ENUM ('claim', 'evidence', 'question', 'note');

-- CreateEnum
CREATE TYPE "EdgeKind" AS ENUM ('supports', 'attacks', 'undercuts', 'answers', 'quotes');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('essay', 'book', 'chapter', 'blog_post', 'comment_thread', 'letter', 'other');

-- CreateEnum
CREATE TYPE "PassageKind" AS ENUM ('paragraph', 'heading', 'list_item', 'quote', 'comment');

-- CreateEnum
CREATE TYPE "StanceValue" AS ENUM ('agree', 'disagree', 'unsure');

-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('placed', 'moved', 'unplaced');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "password_hash" TEXT,
    "color" TEXT NOT NULL DEFAULT '#4f46e5',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "groups" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "group_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("group_id","user_id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "author" TEXT,
    "date" TEXT,
    "url" TEXT,
    "text" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_revisions" (
    "source_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_revisions_pkey" PRIMARY KEY ("source_id","revision")
);

-- CreateTable
CREATE TABLE "passages" (
    "id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "kind" "PassageKind" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "number" TEXT,
    "author" TEXT,
    "parent_id" UUID,

    CONSTRAINT "passages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maps" (
    "id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "maps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nodes" (
    "id" UUID NOT NULL,
    "map_id" UUID NOT NULL,
    "kind" "NodeKind" NOT NULL,
    "text" TEXT NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "source_id" UUID,
    "quote_exact" TEXT,
    "quote_prefix" TEXT,
    "quote_suffix" TEXT,
    "quote_start" INTEGER,
    "quote_end" INTEGER,
    "anchor_status" "AnchorStatus",

    CONSTRAINT "nodes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "arguments" (
    "id" UUID NOT NULL,
    "map_id" UUID NOT NULL,
    "conclusion_id" UUID NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "arguments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "argument_premises" (
    "argument_id" UUID NOT NULL,
    "node_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "argument_premises_pkey" PRIMARY KEY ("argument_id","node_id")
);

-- CreateTable
CREATE TABLE "edges" (
    "id" UUID NOT NULL,
    "map_id" UUID NOT NULL,
    "kind" "EdgeKind" NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "from_node_id" UUID NOT NULL,
    "to_node_id" UUID,
    "to_edge_id" UUID,
    "to_argument_id" UUID,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "edges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL,
    "map_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "period" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "readings" (
    "id" UUID NOT NULL,
    "map_id" UUID NOT NULL,
    "event_id" UUID,
    "title" TEXT NOT NULL,
    "author_name" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "readings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reading_nodes" (
    "reading_id" UUID NOT NULL,
    "node_id" UUID NOT NULL,

    CONSTRAINT "reading_nodes_pkey" PRIMARY KEY ("reading_id","node_id")
);

-- CreateTable
CREATE TABLE "reading_edges" (
    "reading_id" UUID NOT NULL,
    "edge_id" UUID NOT NULL,

    CONSTRAINT "reading_edges_pkey" PRIMARY KEY ("reading_id","edge_id")
);

-- CreateTable
CREATE TABLE "stances" (
    "user_id" UUID NOT NULL,
    "node_id" UUID NOT NULL,
    "value" "StanceValue" NOT NULL,
    "confidence" INTEGER NOT NULL DEFAULT 50,
    "note" TEXT NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stances_pkey" PRIMARY KEY ("user_id","node_id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL,
    "node_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "parent_id" UUID,
    "body" TEXT NOT NULL,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "op_log" (
    "id" BIGSERIAL NOT NULL,
    "map_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "actor_id" UUID,
    "client_id" UUID NOT NULL,
    "client_seq" INTEGER NOT NULL,
    "op" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "op_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE INDEX "sources_group_id_idx" ON "sources"("group_id");

-- CreateIndex
CREATE UNIQUE INDEX "passages_source_id_index_key" ON "passages"("source_id", "index");

-- CreateIndex
CREATE INDEX "maps_group_id_idx" ON "maps"("group_id");

-- CreateIndex
CREATE INDEX "nodes_map_id_idx" ON "nodes"("map_id");

-- CreateIndex
CREATE INDEX "nodes_source_id_idx" ON "nodes"("source_id");

-- CreateIndex
CREATE INDEX "arguments_map_id_idx" ON "arguments"("map_id");

-- CreateIndex
CREATE INDEX "argument_premises_node_id_idx" ON "argument_premises"("node_id");

-- CreateIndex
CREATE INDEX "edges_map_id_idx" ON "edges"("map_id");

-- CreateIndex
CREATE INDEX "events_map_id_idx" ON "events"("map_id");

-- CreateIndex
CREATE INDEX "readings_map_id_idx" ON "readings"("map_id");

-- CreateIndex
CREATE INDEX "stances_node_id_idx" ON "stances"("node_id");

-- CreateIndex
CREATE INDEX "comments_node_id_idx" ON "comments"("node_id");

-- CreateIndex
CREATE UNIQUE INDEX "op_log_map_id_version_key" ON "op_log"("map_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "op_log_client_id_client_seq_key" ON "op_log"("client_id", "client_seq");

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_revisions" ADD CONSTRAINT "source_revisions_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passages" ADD CONSTRAINT "passages_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "passages" ADD CONSTRAINT "passages_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "passages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maps" ADD CONSTRAINT "maps_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "arguments" ADD CONSTRAINT "arguments_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "arguments" ADD CONSTRAINT "arguments_conclusion_id_fkey" FOREIGN KEY ("conclusion_id") REFERENCES "nodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "argument_premises" ADD CONSTRAINT "argument_premises_argument_id_fkey" FOREIGN KEY ("argument_id") REFERENCES "arguments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "argument_premises" ADD CONSTRAINT "argument_premises_node_id_fkey" FOREIGN KEY ("node_id") REFERENCES "nodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edges" ADD CONSTRAINT "edges_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edges" ADD CONSTRAINT "edges_from_node_id_fkey" FOREIGN KEY ("from_node_id") REFERENCES "nodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edges" ADD CONSTRAINT "edges_to_node_id_fkey" FOREIGN KEY ("to_node_id") REFERENCES "nodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edges" ADD CONSTRAINT "edges_to_edge_id_fkey" FOREIGN KEY ("to_edge_id") REFERENCES "edges"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edges" ADD CONSTRAINT "edges_to_argument_id_fkey" FOREIGN KEY ("to_argument_id") REFERENCES "arguments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "readings" ADD CONSTRAINT "readings_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "readings" ADD CONSTRAINT "readings_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reading_nodes" ADD CONSTRAINT "reading_nodes_reading_id_fkey" FOREIGN KEY ("reading_id") REFERENCES "readings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reading_nodes" ADD CONSTRAINT "reading_nodes_node_id_fkey" FOREIGN KEY ("node_id") REFERENCES "nodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reading_edges" ADD CONSTRAINT "reading_edges_reading_id_fkey" FOREIGN KEY ("reading_id") REFERENCES "readings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reading_edges" ADD CONSTRAINT "reading_edges_edge_id_fkey" FOREIGN KEY ("edge_id") REFERENCES "edges"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stances" ADD CONSTRAINT "stances_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stances" ADD CONSTRAINT "stances_node_id_fkey" FOREIGN KEY ("node_id") REFERENCES "nodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_node_id_fkey" FOREIGN KEY ("node_id") REFERENCES "nodes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "op_log" ADD CONSTRAINT "op_log_map_id_fkey" FOREIGN KEY ("map_id") REFERENCES "maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "op_log" ADD CONSTRAINT "op_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language cannot state.

-- An edge targets exactly one thing: a node, or (undercuts only) an edge or an argument.
ALTER TABLE "edges" ADD CONSTRAINT "edges_one_target" CHECK (
  (("to_node_id" IS NOT NULL)::int + ("to_edge_id" IS NOT NULL)::int + ("to_argument_id" IS NOT NULL)::int) = 1
);
ALTER TABLE "edges" ADD CONSTRAINT "edges_inference_target_is_undercut" CHECK (
  "to_node_id" IS NOT NULL OR "kind" = 'undercuts'
);

-- Evidence carries a complete quotation; other kinds carry none.
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_quote_iff_evidence" CHECK (
  ("kind" = 'evidence') = ("source_id" IS NOT NULL AND "quote_exact" IS NOT NULL AND "quote_start" IS NOT NULL AND "quote_end" IS NOT NULL)
);

ALTER TABLE "maps" ADD CONSTRAINT "maps_version_nonnegative" CHECK ("version" >= 0);
ALTER TABLE "stances" ADD CONSTRAINT "stances_confidence_range" CHECK ("confidence" BETWEEN 0 AND 100);
