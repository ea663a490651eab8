//! Weekly schedules in whole hours: an account's logon hours and the
//! hours a service or task must run.
//!
//! Windows keeps `logonHours` as 168 bits, one per hour of the week, so a
//! schedule here is the same: minutes other than `:00` are refused rather
//! than rounded. An entry is `<days> [HH:00-HH:00]`:
//!
//! - days: `Mon` … `Sun` (or the full names, any case), a range `Mon-Fri`
//!   (which may wrap, `Sat-Mon`), a list `Sat,Sun`, or `daily`;
//! - hours: `07:00-19:00`; `24:00` ends at midnight; an end before the
//!   start runs past midnight into the next day (`Mon-Fri 22:00-06:00`);
//!   no hours means the whole day.
//!
//! `always` is every hour of the week.

use std::fmt;

use serde::{Serialize, Serializer};

/// The days, Monday first, as written in messages.
pub const DAY_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

const FULL_DAY: u32 = (1 << 24) - 1;

/// A set of hours of the week.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Week {
    /// One word per day from Monday; bit `h` is the hour from `h:00`.
    days: [u32; 7],
}

/// One hour of the week: a day (0 is Monday) and the hour it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hour {
    /// 0 for Monday to 6 for Sunday.
    pub day: usize,
    /// 0 to 23.
    pub hour: u32,
}

impl fmt::Display for Hour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = DAY_NAMES.get(self.day).copied().unwrap_or("?");
        write!(f, "{day} {:02}:00", self.hour)
    }
}

impl Week {
    /// Every hour of the week.
    pub const ALWAYS: Week = Week {
        days: [FULL_DAY; 7],
    };

    /// No hour at all.
    pub const NEVER: Week = Week { days: [0; 7] };

    /// The hours in either.
    pub fn union(self, other: Week) -> Week {
        let mut days = self.days;
        for (day, more) in days.iter_mut().zip(other.days) {
            *day |= more;
        }
        Week { days }
    }

    /// The first hour of `needed` that is not in this week, if any.
    pub fn first_gap(&self, needed: &Week) -> Option<Hour> {
        (0..7).find_map(|day| {
            let missing = needed.days.get(day)? & !self.days.get(day)?;
            (missing != 0).then(|| Hour {
                day,
                hour: missing.trailing_zeros(),
            })
        })
    }

    /// This week with `hour` added (an hour out of range adds nothing).
    pub fn with_hour(mut self, hour: Hour) -> Week {
        if hour.hour < 24 {
            self.set(hour.day, 1 << hour.hour);
        }
        self
    }

    /// Whether every hour of the week is in it.
    pub fn is_always(&self) -> bool {
        *self == Week::ALWAYS
    }

    /// Reads one entry, saying why it is not one.
    pub fn parse(text: &str) -> Result<Week, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("always") {
            return Ok(Week::ALWAYS);
        }
        let (days, hours) = match text.split_once(char::is_whitespace) {
            Some((days, hours)) => (days, Some(hours.trim())),
            None => (text, None),
        };
        let days = parse_days(days)?;
        let (start, end) = match hours {
            Some(hours) => parse_hours(hours)?,
            None => (0, 24),
        };
        Ok(Week::of(&days, start, end))
    }

    fn of(days: &[usize], start: u32, end: u32) -> Week {
        let mut week = Week::NEVER;
        for &day in days {
            if end > start {
                week.set(day, span_bits(start, end));
            } else {
                week.set(day, span_bits(start, 24));
                week.set((day + 1) % 7, span_bits(0, end));
            }
        }
        week
    }

    fn set(&mut self, day: usize, bits: u32) {
        if let Some(word) = self.days.get_mut(day) {
            *word |= bits;
        }
    }
}

/// Hours `start..end` of one day as bits.
fn span_bits(start: u32, end: u32) -> u32 {
    let upto = |h: u32| if h >= 24 { FULL_DAY } else { (1 << h) - 1 };
    upto(end) & !upto(start)
}

fn parse_days(text: &str) -> Result<Vec<usize>, String> {
    if text.eq_ignore_ascii_case("daily") {
        return Ok((0..7).collect());
    }
    let mut days = Vec::new();
    for part in text.split(',').map(str::trim) {
        match part.split_once('-') {
            Some((from, to)) => {
                let (from, to) = (day(from)?, day(to)?);
                let len = (to + 7 - from) % 7 + 1;
                days.extend((0..len).map(|i| (from + i) % 7));
            }
            None => days.push(day(part)?),
        }
    }
    Ok(days)
}

fn day(text: &str) -> Result<usize, String> {
    let lower = text.trim().to_ascii_lowercase();
    const FULL: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    FULL.iter()
        .position(|full| lower.len() >= 3 && full.starts_with(&lower))
        .ok_or_else(|| {
            format!("`{text}` is not a day; write Mon, Tue, Wed, Thu, Fri, Sat, Sun, a range such as Mon-Fri, or daily")
        })
}

fn parse_hours(text: &str) -> Result<(u32, u32), String> {
    let Some((start, end)) = text.split_once('-') else {
        return Err(format!(
            "`{text}` is not a range of hours; write it as 07:00-19:00"
        ));
    };
    let (start, end) = (hour(start)?, hour(end)?);
    if start == end {
        return Err(format!(
            "`{text}` is an empty range; leave the hours out for the whole day"
        ));
    }
    if start == 24 {
        return Err("a range cannot start at 24:00; write 00:00".to_owned());
    }
    Ok((start, end))
}

fn hour(text: &str) -> Result<u32, String> {
    let text = text.trim();
    let (h, m) = text.split_once(':').unwrap_or((text, "00"));
    let h: u32 = h
        .parse()
        .map_err(|_| format!("`{text}` is not a time; write HH:00, e.g. 07:00"))?;
    if m != "00" {
        return Err(format!(
            "`{text}` is not on the hour: Windows keeps logon hours in whole hours"
        ));
    }
    if h > 24 {
        return Err(format!("`{text}` is not a time of day (00:00 to 24:00)"));
    }
    Ok(h)
}

impl fmt::Display for Week {
    /// Days with the same hours grouped, e.g. `Mon-Fri 07:00-19:00, Sat 08:00-12:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_always() {
            return write!(f, "always");
        }
        let mut parts = Vec::new();
        let mut day = 0;
        while day < 7 {
            let bits = self.days.get(day).copied().unwrap_or(0);
            let mut last = day;
            while last + 1 < 7 && self.days.get(last + 1) == Some(&bits) {
                last += 1;
            }
            let days = day_group(day, last);
            parts.extend(runs(bits).map(|(s, e)| format!("{days} {s:02}:00-{e:02}:00")));
            day = last + 1;
        }
        if parts.is_empty() {
            return write!(f, "never");
        }
        write!(f, "{}", parts.join(", "))
    }
}

fn day_group(first: usize, last: usize) -> String {
    let name = |d: usize| DAY_NAMES.get(d).copied().unwrap_or("?");
    match (first, last) {
        (0, 6) => "daily".to_owned(),
        _ if first == last => name(first).to_owned(),
        _ => format!("{}-{}", name(first), name(last)),
    }
}

/// The runs of set bits of one day as `(start, end)` hours.
fn runs(bits: u32) -> impl Iterator<Item = (u32, u32)> {
    let mut hour = 0;
    std::iter::from_fn(move || {
        while hour < 24 && bits & (1 << hour) == 0 {
            hour += 1;
        }
        if hour >= 24 {
            return None;
        }
        let start = hour;
        while hour < 24 && bits & (1 << hour) != 0 {
            hour += 1;
        }
        Some((start, hour))
    })
}

impl Serialize for Week {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_hours_cover_weekdays_only() {
        let week = Week::parse("Mon-Fri 07:00-19:00").unwrap();
        assert_eq!(
            week.first_gap(&Week::ALWAYS),
            Some(Hour { day: 0, hour: 0 })
        );
        let day = Week::parse("Wed 08:00-18:00").unwrap();
        assert_eq!(week.first_gap(&day), None);
        assert_eq!(week.to_string(), "Mon-Fri 07:00-19:00");
    }

    #[test]
    fn days_ranges_lists_and_wrapping_nights() {
        let weekend = Week::parse("sat,Sunday").unwrap();
        assert_eq!(weekend.to_string(), "Sat-Sun 00:00-24:00");
        let night = Week::parse("Sun 22:00-06:00").unwrap();
        assert_eq!(night.to_string(), "Mon 00:00-06:00, Sun 22:00-24:00");
        assert_eq!(
            Week::parse("Sat-Mon").unwrap().to_string(),
            "Mon 00:00-24:00, Sat-Sun 00:00-24:00"
        );
        assert!(Week::parse("daily 00:00-24:00").unwrap().is_always());
        assert!(Week::parse("ALWAYS").unwrap().is_always());
    }

    #[test]
    fn bad_entries_say_why() {
        assert!(
            Week::parse("Mon 07:30-19:00")
                .unwrap_err()
                .contains("whole hours")
        );
        assert!(
            Week::parse("Mnday 07:00-19:00")
                .unwrap_err()
                .contains("not a day")
        );
        assert!(Week::parse("Mon 07:00").unwrap_err().contains("range"));
        assert!(
            Week::parse("Mon 07:00-07:00")
                .unwrap_err()
                .contains("empty")
        );
        assert!(
            Week::parse("Mon 25:00-26:00")
                .unwrap_err()
                .contains("time of day")
        );
    }
}
