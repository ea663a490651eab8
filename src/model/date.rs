//! Calendar dates written `YYYY-MM-DD`, for when a waiver expires.
//!
//! A waiver needs only a day, compared with today's; a date-time crate
//! would bring time zones and formats the file never uses.

use std::fmt;

use serde::{Serialize, Serializer};

/// A day of the proleptic Gregorian calendar, years 0000 to 9999.
/// Ordered by time, shown as `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    // Field order makes the derived order the order of time.
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a [`Date`], in the words of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Invalid {
    /// Not four digits, `-`, two digits, `-`, two digits.
    Form,
    /// A month outside 1 to 12.
    NoSuchMonth(u8),
    /// A day past the end of its month, which has `days`.
    NoSuchDay { year: u16, month: u8, days: u8 },
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Invalid::Form => write!(f, "it is not in the form YYYY-MM-DD"),
            Invalid::NoSuchMonth(month) => write!(f, "there is no month {month}"),
            Invalid::NoSuchDay { year, month, days } => {
                write!(f, "{year:04}-{month:02} has {days} days")
            }
        }
    }
}

/// 0000-01-01 and 9999-12-31 counted from 1970-01-01.
const FIRST_DAY: i64 = days_from_civil(0, 1, 1);
const LAST_DAY: i64 = days_from_civil(9999, 12, 31);

impl Date {
    /// The date `year-month-day`, if there is such a day.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        check(year, month, day).ok()
    }

    /// Reads `YYYY-MM-DD` exactly: four, two and two digits, a real month,
    /// and a day that the month has (leap years included).
    pub fn parse(text: &str) -> Option<Date> {
        read(text).ok()
    }

    /// The day `days` after 1970-01-01 (before it when negative), as the
    /// caller gets today from `SystemTime::UNIX_EPOCH`. Days outside the
    /// years 0000 to 9999 give the first or last day of that range.
    pub fn from_unix_days(days: i64) -> Date {
        let (year, month, day) = civil_from_days(days.clamp(FIRST_DAY, LAST_DAY));
        Date { year, month, day }
    }

    /// The days from 1970-01-01 to this date; the inverse of
    /// [`Date::from_unix_days`].
    pub fn to_unix_days(self) -> i64 {
        days_from_civil(self.year.into(), self.month.into(), self.day.into())
    }

    /// The day `days` after this one, or `None` past 9999-12-31 (or
    /// before 0000-01-01): checked, whatever `days` is.
    pub fn add_days(self, days: i64) -> Option<Date> {
        let day = self.to_unix_days().checked_add(days)?;
        (FIRST_DAY..=LAST_DAY)
            .contains(&day)
            .then(|| Date::from_unix_days(day))
    }

    /// The year, 0 to 9999.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// As `YYYY-MM-DD`, the way it is written in the file.
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// [`Date::parse`], saying why a text is not a date.
pub(crate) fn read(text: &str) -> Result<Date, Invalid> {
    let mut parts = text.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Invalid::Form);
    };
    let year = digits(year, 4).ok_or(Invalid::Form)?;
    let month = digits(month, 2).ok_or(Invalid::Form)?;
    let day = digits(day, 2).ok_or(Invalid::Form)?;
    check(year, month, day)
}

/// `part` read as a number of exactly `len` ASCII digits.
fn digits<T: std::str::FromStr>(part: &str, len: usize) -> Option<T> {
    if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

fn check(year: u16, month: u8, day: u8) -> Result<Date, Invalid> {
    if year > 9999 {
        return Err(Invalid::Form);
    }
    if !(1..=12).contains(&month) {
        return Err(Invalid::NoSuchMonth(month));
    }
    let days = days_in_month(year, month);
    if !(1..=days).contains(&day) {
        return Err(Invalid::NoSuchDay { year, month, days });
    }
    Ok(Date { year, month, day })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// Days from 1970-01-01 to a valid date, after Howard Hinnant's
/// `days_from_civil`: years are counted from March, so the leap day is the
/// last day of the year, and whole 400-year eras have 146097 days.
const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146097 + day_of_era - 719468
}

/// The inverse of [`days_from_civil`], for days within years 0 to 9999,
/// which keeps every part in range of its type.
fn civil_from_days(days: i64) -> (u16, u8, u8) {
    let days = days + 719468;
    let era = days.div_euclid(146097);
    let day_of_era = days.rem_euclid(146097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as u16, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn adding_days_is_checked_and_stays_in_the_calendar() {
        let d = date("2026-01-01");
        assert_eq!(d.add_days(42), Some(date("2026-02-12")));
        assert_eq!(d.add_days(-1), Some(date("2025-12-31")));
        assert_eq!(d.add_days(i64::MAX), None);
        assert_eq!(d.add_days(i64::MIN), None);
        assert_eq!(date("9999-12-31").add_days(1), None);
        assert_eq!(date("0000-01-01").add_days(-1), None);
    }

    #[test]
    fn dates_parse_and_display_as_written() {
        for text in ["2027-03-31", "0001-01-01", "9999-12-31", "2024-02-29"] {
            assert_eq!(date(text).to_string(), text);
        }
        let d = date("2027-03-31");
        assert_eq!((d.year(), d.month(), d.day()), (2027, 3, 31));
        assert_eq!(Date::new(2027, 3, 31), Some(d));
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
        assert_eq!(
            read("2100-02-29"),
            Err(Invalid::NoSuchDay {
                year: 2100,
                month: 2,
                days: 28
            })
        );
        assert!(Date::parse("2027-02-29").is_none());
    }

    #[test]
    fn impossible_days_and_months_say_why() {
        assert_eq!(read("2027-13-01"), Err(Invalid::NoSuchMonth(13)));
        assert_eq!(read("2027-00-10"), Err(Invalid::NoSuchMonth(0)));
        let april = read("2027-04-31").unwrap_err();
        assert_eq!(april.to_string(), "2027-04 has 30 days");
        assert!(Date::parse("2027-01-00").is_none());
        assert!(Date::new(2027, 6, 31).is_none());
        assert!(Date::new(10_000, 1, 1).is_none());
    }

    #[test]
    fn other_forms_are_refused() {
        for text in [
            "",
            "2027-3-31",
            "27-03-31",
            "2027/03/31",
            "31-03-2027",
            "2027-03-31T00:00:00Z",
            "2027-03-31-01",
            "+027-03-31",
            "２０２７-03-31",
            " 2027-03-31",
        ] {
            assert_eq!(read(text), Err(Invalid::Form), "{text:?}");
        }
        assert_eq!(
            Invalid::Form.to_string(),
            "it is not in the form YYYY-MM-DD"
        );
    }

    #[test]
    fn order_is_the_order_of_time() {
        assert!(date("2026-12-31") < date("2027-01-01"));
        assert!(date("2027-01-31") < date("2027-02-01"));
        assert!(date("2027-02-01") < date("2027-02-02"));
    }

    #[test]
    fn unix_days_match_known_dates() {
        assert_eq!(Date::from_unix_days(0), date("1970-01-01"));
        assert_eq!(Date::from_unix_days(-1), date("1969-12-31"));
        assert_eq!(Date::from_unix_days(11_016), date("2000-02-29"));
        assert_eq!(Date::from_unix_days(19_723), date("2024-01-01"));
        assert_eq!(date("2027-03-31").to_unix_days(), 20_908);
    }

    #[test]
    fn unix_days_round_trip_across_the_whole_range() {
        assert_eq!(FIRST_DAY, -719_528);
        assert_eq!(LAST_DAY, 2_932_896);
        for days in (FIRST_DAY..=LAST_DAY).step_by(997).chain([LAST_DAY]) {
            let date = Date::from_unix_days(days);
            assert_eq!(date.to_unix_days(), days, "{date}");
            assert_eq!(Date::parse(&date.to_string()), Some(date));
        }
    }

    #[test]
    fn days_outside_the_range_are_clamped() {
        assert_eq!(Date::from_unix_days(i64::MIN), date("0000-01-01"));
        assert_eq!(Date::from_unix_days(i64::MAX), date("9999-12-31"));
    }

    #[test]
    fn serializes_as_text() {
        let json = serde_json::to_string(&date("2027-03-31")).unwrap();
        assert_eq!(json, "\"2027-03-31\"");
    }
}
