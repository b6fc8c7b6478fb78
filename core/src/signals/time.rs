//! The visitor's local time. The core reads no clock: the instant and the UTC offset come in.

const MS_PER_MINUTE: i64 = 60_000;
const MINUTES_PER_DAY: i64 = 24 * 60;

/// Day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The lowercase English name used in JavaScript and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Weekday::Monday => "monday",
            Weekday::Tuesday => "tuesday",
            Weekday::Wednesday => "wednesday",
            Weekday::Thursday => "thursday",
            Weekday::Friday => "friday",
            Weekday::Saturday => "saturday",
            Weekday::Sunday => "sunday",
        }
    }

    /// Saturday and Sunday. (The weekend differs by country; these are the days of the
    /// SDK's first markets, Germany, Austria, Switzerland and the Netherlands.)
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

/// Part of the day, by local hour.
///
/// | daypart | hours |
/// |---|---|
/// | morning | 05:00–11:59 |
/// | afternoon | 12:00–16:59 |
/// | evening | 17:00–21:59 |
/// | night | 22:00–04:59 |
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Daypart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Daypart {
    /// The lowercase name used in JavaScript, markup and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Daypart::Morning => "morning",
            Daypart::Afternoon => "afternoon",
            Daypart::Evening => "evening",
            Daypart::Night => "night",
        }
    }

    /// The daypart of a local hour (0–23).
    pub fn of_hour(hour: u8) -> Self {
        match hour {
            5..=11 => Daypart::Morning,
            12..=16 => Daypart::Afternoon,
            17..=21 => Daypart::Evening,
            _ => Daypart::Night,
        }
    }
}

/// The visitor's local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalTime {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Day of the week.
    pub weekday: Weekday,
    /// Saturday or Sunday.
    pub weekend: bool,
    /// Morning, afternoon, evening or night.
    pub daypart: Daypart,
    /// IANA time zone, e.g. "Europe/Berlin", where the browser reports one.
    pub time_zone: Option<String>,
    /// Offset from UTC in minutes, east positive (Berlin in summer: 120).
    pub utc_offset_minutes: i16,
}

impl LocalTime {
    /// The local time at `unix_ms` (milliseconds since 1970-01-01T00:00Z) for a place
    /// `utc_offset_minutes` east of UTC. JavaScript's `getTimezoneOffset()` is the negative
    /// of this offset. Offsets beyond ±18 hours (none exist) are clamped.
    pub fn at(unix_ms: i64, utc_offset_minutes: i16, time_zone: Option<String>) -> Self {
        let offset = utc_offset_minutes.clamp(-18 * 60, 18 * 60);
        let local_minutes = unix_ms.div_euclid(MS_PER_MINUTE) + i64::from(offset);
        let days = local_minutes.div_euclid(MINUTES_PER_DAY);
        let minute_of_day = local_minutes.rem_euclid(MINUTES_PER_DAY);
        // 1970-01-01 was a Thursday.
        let weekday = Weekday::ALL[(days + 3).rem_euclid(7) as usize];
        let hour = (minute_of_day / 60) as u8;
        LocalTime {
            hour,
            minute: (minute_of_day % 60) as u8,
            weekday,
            weekend: weekday.is_weekend(),
            daypart: Daypart::of_hour(hour),
            time_zone,
            utc_offset_minutes: offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_instant_in_berlin_and_new_york() {
        // 2026-11-20T16:30:00Z was a Friday.
        let instant = 1_795_192_200_000;
        let berlin = LocalTime::at(instant, 60, Some("Europe/Berlin".into()));
        assert_eq!((berlin.hour, berlin.minute), (17, 30));
        assert_eq!(berlin.weekday, Weekday::Friday);
        assert_eq!(berlin.daypart, Daypart::Evening);
        assert!(!berlin.weekend);

        let new_york = LocalTime::at(instant, -300, None);
        assert_eq!((new_york.hour, new_york.weekday), (11, Weekday::Friday));
        assert_eq!(new_york.daypart, Daypart::Morning);
    }

    #[test]
    fn the_offset_can_move_the_day() {
        // 2026-11-21T23:30Z is Saturday in UTC and already Sunday in Tokyo.
        let instant = 1_795_303_800_000;
        assert_eq!(LocalTime::at(instant, 0, None).weekday, Weekday::Saturday);
        let tokyo = LocalTime::at(instant, 540, None);
        assert_eq!((tokyo.weekday, tokyo.hour), (Weekday::Sunday, 8));
        assert!(tokyo.weekend);
    }

    #[test]
    fn instants_before_1970_work() {
        // 1969-12-31T23:59Z was a Wednesday.
        let t = LocalTime::at(-60_000, 0, None);
        assert_eq!((t.weekday, t.hour, t.minute), (Weekday::Wednesday, 23, 59));
    }

    #[test]
    fn dayparts_cover_every_hour() {
        let parts: Vec<_> = (0..24).map(Daypart::of_hour).collect();
        assert_eq!(parts[4], Daypart::Night);
        assert_eq!(parts[5], Daypart::Morning);
        assert_eq!(parts[12], Daypart::Afternoon);
        assert_eq!(parts[17], Daypart::Evening);
        assert_eq!(parts[22], Daypart::Night);
    }
}
