//! Storage on the device, behind a small trait: the browser layer implements [`Store`] over
//! `localStorage` and `sessionStorage`; [`MemoryStore`] is its in-memory twin, so that what
//! is stored, when and what is erased is decided, and tested, here.
//!
//! ```
//! use augenblick_core::store::{Area, MemoryStore, Records};
//!
//! let mut store = MemoryStore::default();
//! let mut records = Records::default();
//! // The first page of a session counts a visit; the visitor had none before.
//! assert_eq!(records.count_page_view(&mut store), Some((1, 0)));
//! assert_eq!(store.value(Area::Local, "augenblick:visits"), Some("1"));
//! records.erase(&mut store);
//! assert!(store.is_empty());
//! ```

mod records;

pub use records::{Records, SweepTicket};

/// Where a key lives: the tab's session, or the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// `sessionStorage`.
    Session,
    /// `localStorage`.
    Local,
}

/// Key–value storage that may be missing or refuse writes (private modes, blocked cookies,
/// a full quota): reads then find nothing and writes say they failed.
pub trait Store {
    /// The value under `key`, or `None`.
    fn get(&self, area: Area, key: &str) -> Option<String>;
    /// Stores `value`; `false` if the storage refused it.
    fn set(&mut self, area: Area, key: &str, value: &str) -> bool;
    /// Removes `key` (nothing happens where there is no storage).
    fn remove(&mut self, area: Area, key: &str);
}

/// The in-memory twin of the browser's storage, for tests and previews. `refuse_writes`
/// makes it behave like storage that is full or blocked.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    entries: Vec<(Area, String, String)>,
    /// Every `set` fails (and stores nothing) while this is true.
    pub refuse_writes: bool,
}

impl MemoryStore {
    /// The value under `key`, borrowed.
    pub fn value(&self, area: Area, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(a, k, _)| *a == area && k == key)
            .map(|(_, _, v)| v.as_str())
    }

    /// Whether nothing is stored at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Store for MemoryStore {
    fn get(&self, area: Area, key: &str) -> Option<String> {
        self.value(area, key).map(str::to_owned)
    }

    fn set(&mut self, area: Area, key: &str, value: &str) -> bool {
        if self.refuse_writes {
            return false;
        }
        self.remove(area, key);
        self.entries.push((area, key.to_owned(), value.to_owned()));
        true
    }

    fn remove(&mut self, area: Area, key: &str) {
        self.entries.retain(|(a, k, _)| !(*a == area && k == key));
    }
}
