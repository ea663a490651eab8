//! `logonHours` made the model's [`Week`].
//!
//! Active Directory stores 21 bytes, one bit per hour of the week in
//! UTC, starting Sunday 00:00, the low bit of each byte first (MS-ADTS
//! `logonHours`; MS-SAMR `SAMPR_LOGON_HOURS`). The domain controller
//! checks them against the time in UTC. The model's weeks carry no time
//! zone (`logon_hours` and `runs_at` are compared as written), so hours
//! read from a directory are kept in UTC, Monday first as [`Week`] is:
//! a `runs_at` beside them must be written in UTC too.

use crate::model::{Hour, Week};

/// The hours `bytes` allow, in UTC.
pub(super) fn week(bytes: &[u8; 21]) -> Week {
    let mut week = Week::NEVER;
    for (at, byte) in bytes.iter().enumerate() {
        for bit in 0..8 {
            if byte & (1 << bit) != 0 {
                week = week.with_hour(hour_of(at * 8 + bit));
            }
        }
    }
    week
}

/// Hour `index` of AD's week (0 is Sunday 00:00) as the model's, whose
/// day 0 is Monday.
fn hour_of(index: usize) -> Hour {
    let sunday_first = index / 24;
    Hour {
        day: (sunday_first + 6) % 7,
        hour: u32::try_from(index % 24).unwrap_or(24),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_count_from_sunday_midnight_utc_low_bit_first() {
        // contoso-samba-ad.ldif, svc_reports: Mon-Fri 06:00-20:00 UTC.
        let mut bytes = [0u8; 21];
        for day in 1..=5 {
            let first = day * 3;
            bytes[first] = 0xC0;
            bytes[first + 1] = 0xFF;
            bytes[first + 2] = 0x0F;
        }
        assert_eq!(week(&bytes), Week::parse("Mon-Fri 06:00-20:00").unwrap());
    }

    #[test]
    fn the_first_bit_is_sunday_and_the_last_saturday() {
        let mut bytes = [0u8; 21];
        bytes[0] = 1;
        bytes[20] = 0x80;
        let expected = Week::parse("Sun 00:00-01:00")
            .unwrap()
            .union(Week::parse("Sat 23:00-24:00").unwrap());
        assert_eq!(week(&bytes), expected);
        assert!(week(&[0xFF; 21]).is_always());
        assert_eq!(week(&[0; 21]), Week::NEVER);
    }
}
