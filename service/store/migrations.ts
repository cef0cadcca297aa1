/**
 * Schema migrations. Each step runs once, in order, inside one transaction, and moves
 * `PRAGMA user_version` to its position in this list; a new schema change is a new entry at
 * the end (never edit a shipped step: existing data files have already run it).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: programs, partners, triggers with every saved version, evaluation orders.
  `
  CREATE TABLE programs (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    fx_rates TEXT NOT NULL DEFAULT '{}',
    groups_json TEXT NOT NULL DEFAULT '[]',
    tiers_json TEXT NOT NULL DEFAULT '[]',
    tags_json TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE partners (
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (program_id, key)
  );
  CREATE TABLE triggers (
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (program_id, id)
  );
  CREATE TABLE trigger_versions (
    program_id TEXT NOT NULL,
    trigger_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    saved_at TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (program_id, trigger_id, version),
    FOREIGN KEY (program_id, trigger_id) REFERENCES triggers(program_id, id) ON DELETE CASCADE
  );
  CREATE TABLE evaluation_orders (
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    trigger_ids TEXT NOT NULL,
    PRIMARY KEY (program_id, event)
  );
  `,
  // 2: event sets, stored parsed and in chunks so a million events never make one giant string.
  `
  CREATE TABLE event_sets (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('json', 'csv')),
    event_count INTEGER NOT NULL,
    expect_json TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX event_sets_program ON event_sets(program_id);
  CREATE TABLE event_set_chunks (
    event_set_id TEXT NOT NULL REFERENCES event_sets(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    events_json TEXT NOT NULL,
    PRIMARY KEY (event_set_id, idx)
  );
  `,
  // 3: replay runs, their ledger (one row per reward) and review decisions.
  `
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    program_id TEXT NOT NULL REFERENCES programs(id) ON DELETE CASCADE,
    event_set_id TEXT REFERENCES event_sets(id) ON DELETE SET NULL,
    event_set_name TEXT NOT NULL,
    program_json TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
    processed INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    as_of TEXT,
    reward_count INTEGER NOT NULL DEFAULT 0,
    rewards_usd_minor INTEGER NOT NULL DEFAULT 0,
    rejected_count INTEGER NOT NULL DEFAULT 0,
    expectations_passed INTEGER,
    error TEXT,
    group_changes_json TEXT NOT NULL DEFAULT '[]',
    tags_applied_json TEXT NOT NULL DEFAULT '[]',
    partners_json TEXT NOT NULL DEFAULT '[]',
    rejected_json TEXT NOT NULL DEFAULT '[]',
    expectations_json TEXT NOT NULL DEFAULT '{"passed":true,"failures":[]}'
  );
  CREATE INDEX runs_program ON runs(program_id, started_at);
  CREATE TABLE ledger (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    partner_key TEXT NOT NULL,
    trigger_id TEXT NOT NULL,
    trigger_version INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    description TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    amount_usd_minor INTEGER NOT NULL,
    fx_rate TEXT NOT NULL,
    earned_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    due_month TEXT NOT NULL,
    occurrence INTEGER NOT NULL,
    occurrences INTEGER NOT NULL,
    status TEXT NOT NULL,
    review_reason TEXT,
    invoice_date TEXT NOT NULL,
    charge_date TEXT NOT NULL,
    payout_date TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX ledger_reward ON ledger(run_id, id);
  CREATE INDEX ledger_partner ON ledger(run_id, partner_key);
  CREATE INDEX ledger_trigger ON ledger(run_id, trigger_id);
  CREATE INDEX ledger_status ON ledger(run_id, status);
  CREATE INDEX ledger_month ON ledger(run_id, due_month, status);
  CREATE TABLE reviews (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    reward_id TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('approved', 'declined', 'hold', 'pending')),
    reason TEXT,
    decided_at TEXT NOT NULL
  );
  CREATE INDEX reviews_reward ON reviews(run_id, reward_id);
  `,
  // 4: sorting a large ledger by amount or due date pages through an index instead of sorting it whole.
  `
  CREATE INDEX ledger_amount ON ledger(run_id, amount_usd_minor);
  CREATE INDEX ledger_due ON ledger(run_id, due_at);
  `,
  // 5: a month's rewards (invoice, month filter) sorted by due date come from the index alone.
  `
  DROP INDEX ledger_month;
  CREATE INDEX ledger_month ON ledger(run_id, due_month, status, due_at);
  `,
  // 6: each new run's ledger in a table of its own (named in runs.ledger_table, indexed once
  // complete); event chunks carry a CRC-32 of their JSON, checked on load instead of re-parsing
  // every event with the schema.
  `
  ALTER TABLE runs ADD COLUMN ledger_table TEXT;
  ALTER TABLE event_set_chunks ADD COLUMN event_count INTEGER;
  ALTER TABLE event_set_chunks ADD COLUMN crc32 INTEGER;
  `,
  // 7: runs and event sets named and annotated by people (a run's name is its own; an event
  // set's name is the one it was imported with until renamed).
  `
  ALTER TABLE runs ADD COLUMN label TEXT;
  ALTER TABLE runs ADD COLUMN note TEXT;
  ALTER TABLE event_sets ADD COLUMN note TEXT;
  `,
  // 8: a run's owner (the process replaying it) and its heartbeat, so another process sharing the
  // folder can tell a live run from one whose process is gone; `phase` is what an unfinished run
  // is doing ('queued' waiting for a worker, then 'loading', 'replaying', 'saving'). A `queued`
  // run keeps status 'running' in the table (the status CHECK cannot change without rebuilding
  // the table, which would cascade-delete its ledger and reviews); the summary reports it queued.
  `
  ALTER TABLE runs ADD COLUMN phase TEXT;
  ALTER TABLE runs ADD COLUMN owner TEXT;
  ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
  ALTER TABLE runs ADD COLUMN owner_host TEXT;
  ALTER TABLE runs ADD COLUMN heartbeat_at INTEGER;
  `,
  // 9: the event browser's index of a set's events (one row per event: its id as the engine names
  // it, type, instant, the partner and customer it concerns, a one-line detail), built on first
  // browse chunk by chunk; event_index_state says how far (complete = 1 when every chunk is in).
  `
  CREATE TABLE event_index (
    event_set_id TEXT NOT NULL REFERENCES event_sets(id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    at_ms REAL NOT NULL,
    at TEXT NOT NULL,
    partner_key TEXT,
    customer_key TEXT,
    detail TEXT NOT NULL,
    PRIMARY KEY (event_set_id, pos)
  ) WITHOUT ROWID;
  CREATE INDEX event_index_at ON event_index(event_set_id, at_ms, pos);
  CREATE INDEX event_index_type ON event_index(event_set_id, type, at_ms, pos);
  CREATE INDEX event_index_partner ON event_index(event_set_id, partner_key, at_ms, pos);
  CREATE TABLE event_index_state (
    event_set_id TEXT PRIMARY KEY REFERENCES event_sets(id) ON DELETE CASCADE,
    chunks_done INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0
  );
  `,
  // 10: checkpoints of a run's engine state every N events (issue 17), so the trace of a late
  // event resumes from the nearest one; v8-serialized, deleted with the run.
  `
  CREATE TABLE run_checkpoints (
    run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (run_id, position)
  ) WITHOUT ROWID;
  `,
];
