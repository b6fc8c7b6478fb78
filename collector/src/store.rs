//! Events in SQLite, `messageId` unique: a duplicate is dropped, never stored twice.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection};
use serde_json::Value;

use crate::events::{self, Event};

/// The database, shared by the server's threads.
pub struct Store {
    connection: Mutex<Connection>,
}

/// What a batch did: events stored, and duplicates dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stored {
    /// New events.
    pub stored: usize,
    /// Events whose `messageId` was there already.
    pub duplicates: usize,
}

impl Store {
    /// Opens (or creates) the database at `path`.
    pub fn open(path: &Path) -> rusqlite::Result<Store> {
        let connection = Connection::open(path)?;
        // WAL: readers do not wait for the writer; NORMAL sync is durable across a crash
        // of this process, which is what a restart test needs.
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "NORMAL")?;
        connection.execute_batch(
            "CREATE TABLE IF NOT EXISTS events (
                message_id TEXT PRIMARY KEY,
                type TEXT NOT NULL,
                event TEXT NOT NULL,
                anonymous_id TEXT,
                user_id TEXT,
                timestamp TEXT,
                sent_at TEXT,
                received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                properties TEXT NOT NULL,
                context TEXT NOT NULL
            )",
        )?;
        Ok(Store {
            connection: Mutex::new(connection),
        })
    }

    /// Stores a batch in one transaction: all of it or, on an error, none of it.
    pub fn insert(&self, batch: &[Event]) -> rusqlite::Result<Stored> {
        let mut connection = self
            .connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let transaction = connection.transaction()?;
        let mut stored = 0;
        {
            let mut insert = transaction.prepare_cached(
                "INSERT OR IGNORE INTO events
                 (message_id, type, event, anonymous_id, user_id, timestamp, sent_at, properties, context)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?;
            for e in batch {
                stored += insert.execute(params![
                    e.message_id,
                    e.kind,
                    e.event,
                    e.anonymous_id,
                    e.user_id,
                    e.timestamp,
                    e.sent_at,
                    e.properties,
                    e.context
                ])?;
            }
        }
        transaction.commit()?;
        Ok(Stored {
            stored,
            duplicates: batch.len() - stored,
        })
    }

    /// The stored events in the order received, at most `limit`, and how many there are.
    pub fn list(&self, limit: usize) -> rusqlite::Result<(Vec<Value>, usize)> {
        let connection = self
            .connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let total: usize =
            connection.query_row("SELECT COUNT(*) FROM events", [], |row| row.get(0))?;
        let mut select = connection.prepare(
            "SELECT message_id, type, event, anonymous_id, user_id, timestamp, sent_at, received_at, properties, context
             FROM events ORDER BY rowid LIMIT ?1",
        )?;
        let rows = select.query_map([limit as i64], |row| {
            let event = Event {
                message_id: row.get(0)?,
                kind: row.get(1)?,
                event: row.get(2)?,
                anonymous_id: row.get(3)?,
                user_id: row.get(4)?,
                timestamp: row.get(5)?,
                sent_at: row.get(6)?,
                properties: row.get(8)?,
                context: row.get(9)?,
            };
            let received_at: String = row.get(7)?;
            Ok(events::to_json(&event, &received_at))
        })?;
        Ok((rows.collect::<rusqlite::Result<_>>()?, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: &str) -> Event {
        Event {
            message_id: id.into(),
            kind: "track".into(),
            event: "Variant Shown".into(),
            anonymous_id: Some("a".into()),
            user_id: None,
            timestamp: None,
            sent_at: None,
            properties: r#"{"slot":"hero"}"#.into(),
            context: "{}".into(),
        }
    }

    #[test]
    fn a_duplicate_is_dropped_and_the_rest_survives_a_reopen() {
        let dir = std::env::temp_dir().join(format!("augenblick-store-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("events.sqlite");
        let _ = std::fs::remove_file(&path);
        {
            let store = Store::open(&path).unwrap();
            assert_eq!(
                store.insert(&[event("1"), event("2")]).unwrap(),
                Stored {
                    stored: 2,
                    duplicates: 0
                }
            );
            assert_eq!(
                store.insert(&[event("2"), event("3")]).unwrap(),
                Stored {
                    stored: 1,
                    duplicates: 1
                }
            );
        }
        let store = Store::open(&path).unwrap();
        let (events, total) = store.list(10).unwrap();
        assert_eq!(total, 3);
        let ids: Vec<&str> = events
            .iter()
            .map(|e| e["messageId"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["1", "2", "3"]);
        assert_eq!(events[0]["properties"]["slot"], "hero");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
